/**
 * Starts the reference server on a free loopback port for a test file — on
 * PGlite (in memory) or on the PostgreSQL server of TEST_DATABASE_URL (a fresh
 * schema per server) — with signed JWTs for any principal.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { serve, type ServerType } from "@hono/node-server";
import type { StaffRole } from "@bankcrm/core";
import { createApp, type AppOptions } from "../../../../examples/reference-server/src/app.js";
import { LOAD_SCOPE, signDemoToken } from "../../../../examples/reference-server/src/auth.js";
import { openDatabase, type Database } from "../../../../examples/reference-server/src/database.js";
import { freshPostgresSchema } from "./postgres.js";

export interface TokenSubject {
  id: string;
  role: StaffRole;
  branchId: string;
  scopes?: readonly string[];
}

/** The test suite's all-seeing principal: head office, with the data feed's load scope (imports). */
export const ADMIN: TokenSubject = { id: "ST-TEST-HQ", role: "branch_manager", branchId: "HQ", scopes: [LOAD_SCOPE] };

export interface RunningServer {
  url: string;
  db: Database;
  /** A token for ADMIN: reads every customer (masked), imports, writes. */
  token: string;
  /** A signed token for any principal. */
  tokenFor(subject: TokenSubject, options?: { expiresIn?: string | number }): Promise<string>;
  /** The HS256 secret the server verifies with (to sign tokens it must refuse, e.g. with another issuer). */
  secret: string;
  close(): Promise<void>;
}

export interface ReferenceServerOptions extends Partial<Omit<AppOptions, "auth">> {
  /** "postgres": the PostgreSQL server of TEST_DATABASE_URL (setup.sh starts Debian's); default PGlite. */
  database?: "pglite" | "postgres";
}

export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<RunningServer> {
  const { database = "pglite", ...appOptions } = options;
  const pg = database === "postgres" ? await freshPostgresSchema() : undefined;
  const db = await openDatabase(pg ? { url: pg.url, poolSize: 5 } : {});
  const secret = randomBytes(32).toString("hex");
  const app = createApp(db, { rateLimit: false, ...appOptions, auth: { secret } });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const tokenFor = (subject: TokenSubject, extra: { expiresIn?: string | number } = {}) =>
    signDemoToken(subject, { secret, ...(subject.scopes ? { scopes: subject.scopes } : {}), ...extra });
  return {
    url: `http://127.0.0.1:${port}/`,
    db,
    token: await tokenFor(ADMIN),
    tokenFor,
    secret,
    async close() {
      // Open change streams would keep close() waiting: they end with the server.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
      await pg?.drop();
    },
  };
}

/** Starts the reference server before a test file's tests and closes it after; call the getter inside tests. */
export function useReferenceServer(options: ReferenceServerOptions = {}): () => RunningServer {
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
