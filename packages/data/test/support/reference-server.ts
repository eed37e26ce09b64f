/** Starts the reference server on a free loopback port for a test file. */
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "../../../../examples/reference-server/src/app.js";
import { openDatabase, type Database } from "../../../../examples/reference-server/src/database.js";

export interface RunningServer {
  url: string;
  db: Database;
  close(): Promise<void>;
}

export async function startReferenceServer(options: { tokens?: string[] } = {}): Promise<RunningServer> {
  const db = await openDatabase();
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: createApp(db, options).fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    db,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}
