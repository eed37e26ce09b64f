/**
 * The server the HTTP bench loads, in a process of its own (the load generator
 * must not share its event loop): the reference server on PGlite or on a
 * PostgreSQL server, seeded, with "bare" routes beside it that run the same
 * single SQL statement as each bankcrm route and nothing else (no token, no
 * scope, no masking, no validation) — the ratio between the two is the figure.
 * Prints one JSON line: { port, token, branchId, customerIds }.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { customerScopeOf } from "@bankcrm/core";
import { generateStaff } from "@bankcrm/core/demo";
import { createApp } from "../src/app.js";
import { signDemoToken } from "../src/auth.js";
import { openDatabase } from "../src/database.js";
import { seedDemo } from "../src/seed.js";
import { stopGracefully, trackHandlers } from "../src/shutdown.js";
import type { Server } from "node:http";
import { freshPostgresSchema } from "../../../packages/data/test/support/postgres.js";

const database = process.argv[2] === "postgres" ? "postgres" : "pglite";
const customers = Number(process.argv[3] ?? 1000);
const schema = database === "postgres" ? await freshPostgresSchema() : undefined;
const db = await openDatabase(schema ? { url: schema.url, poolSize: 10 } : {});
await seedDemo(db, customers);
const secret = randomBytes(32).toString("hex");
const manager = generateStaff("bankcrm").all.find((s) => s.role === "branch_manager")!;
const token = await signDemoToken(manager, { secret });

const root = new Hono();
root.get("/bare/customers", async (c) => {
  const r = await db.query<{ body: unknown }>(
    `SELECT r.body FROM records r WHERE r.collection = 'customers' AND r.branch_id = $1 ORDER BY r.id COLLATE "C" LIMIT $2`,
    [manager.branchId, 51],
  );
  return c.json({ items: r.rows.slice(0, 50).map((row) => row.body) });
});
root.get("/bare/customers/:id", async (c) => {
  const r = await db.query<{ body: unknown }>(
    "SELECT r.body FROM records r WHERE r.collection = 'customers' AND r.id = $1 AND r.branch_id = $2",
    [c.req.param("id"), manager.branchId],
  );
  return r.rows[0] ? c.json(r.rows[0].body as object) : c.notFound();
});
// The create's one statement as the bankcrm route runs it — the customer in the manager's scope, the key unanswered,
// the record, the key's answer — without the token, validation, free-text scan or masking around it.
const reader = { id: manager.id, scope: customerScopeOf(manager), confidential: false };
root.post("/bare/leads", async (c) => {
  const body = await c.req.json<Record<string, unknown>>();
  const key = c.req.header("Idempotency-Key") ?? "";
  await db.createOnce("leads", body, reader, { key, requestHash: key, status: 201 });
  return c.json(body, 201);
});
root.route("/", createApp(db, { auth: { secret }, rateLimit: false }));

const ids = (
  await db.query<{ id: string }>(
    "SELECT id FROM records WHERE collection = 'customers' AND branch_id = $1 ORDER BY id LIMIT 200",
    [manager.branchId],
  )
).rows.map((r) => r.id);
const handlers = trackHandlers(root.fetch);
const server = serve({ fetch: handlers.fetch, port: 0, hostname: "127.0.0.1" }, () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ port, token, branchId: manager.branchId, customerIds: ids }));
});
// Stop accepting, let what is in flight finish, then close the database (a pool ended under a request is an error).
const stop = () =>
  void stopGracefully(
    server as Server,
    async () => {
      await db.close();
      await schema?.drop();
    },
    { handlersSettled: handlers.settled },
  ).then(() => process.exit(0));
process.on("SIGTERM", stop);
