/** Starts the reference server on a free loopback port for a test file. */
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
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

/** Starts the reference server before a test file's tests and closes it after; call the getter inside tests. */
export function useReferenceServer(options: { tokens?: string[] } = {}): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startReferenceServer(options);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error("the reference server is not running (use it inside a test)");
    return server;
  };
}
