/**
 * `pnpm reference-server`: the REST contract on PGlite.
 * PORT (default 8787); DATABASE: a directory to keep data in (in memory when unset);
 * SEED: generate that many demo customers with their history on an empty database;
 * TOKENS: comma-separated accepted bearer tokens (any non-empty token when unset).
 */
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { openDatabase } from "./database.js";
import { seedDemo } from "./seed.js";

const port = Number(process.env.PORT ?? 8787);
const db = await openDatabase(process.env.DATABASE || undefined);
const seed = Number(process.env.SEED ?? 0);
if (seed > 0 && (await db.count("customers")) === 0) {
  const written = await seedDemo(db, seed);
  console.log(`seeded ${written.toLocaleString("en")} records for ${seed.toLocaleString("en")} demo customers`);
}
const tokens = process.env.TOKENS?.split(",")
  .map((t) => t.trim())
  .filter(Boolean);
serve({ fetch: createApp(db, { ...(tokens ? { tokens } : {}) }).fetch, port }, (info) => {
  console.log(
    `bankcrm reference server: http://127.0.0.1:${info.port}/ (${process.env.DATABASE ? `data in ${process.env.DATABASE}` : "in memory"})`,
  );
});
