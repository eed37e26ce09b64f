/**
 * `pnpm reference-server [command]` — the REST contract on PostgreSQL.
 *
 *   (no command)        serve on PORT (default 8787)
 *   token <staffId>     print a demo token for a generated staff member (needs AUTH_SECRET)
 *   verify-audit        walk the audit chain; exit 1 at the first broken link
 *   metrics [asOf]      the value models over every customer, into customer_metrics (asOf: today)
 *
 * DATABASE_URL: postgres://… — a PostgreSQL server (pooled; POOL_SIZE, default 10).
 * DATABASE: PGlite's directory when DATABASE_URL is unset (in memory when neither is set).
 * AUTH_SECRET (HS256, ≥ 32 characters) or AUTH_JWKS_URL; AUTH_ISSUER, AUTH_AUDIENCE.
 * SEED: generate that many demo customers with their history on an empty database.
 * RATE_LIMIT: requests a minute per principal (default 1200; 0 turns it off).
 * CORS_ORIGINS: comma-separated origins allowed to call from a browser (default any).
 * FREE_TEXT_IDENTIFIERS: mask (default) or refuse — a customer's identifiers typed into free text.
 * SHUTDOWN_GRACE_MS: on SIGTERM / SIGINT, how long requests in flight may finish before the database closes (10000).
 * FEED_RETENTION_DAYS: how long the change feed keeps a change (30); older cursors are 410 and clients read again.
 */
import { serve } from "@hono/node-server";
import { generateStaff } from "@bankcrm/core/demo";
import { createApp } from "./app.js";
import { verifyAudit } from "./audit.js";
import { authFromEnv, LOAD_SCOPE, signDemoToken } from "./auth.js";
import { openDatabase } from "./database.js";
import { computeMetrics } from "./metrics.js";
import { seedDemo } from "./seed.js";
import { stopGracefully } from "./shutdown.js";
import type { Server } from "node:http";

const env = process.env;
const [command, ...args] = process.argv.slice(2);
const auth = authFromEnv(env);
const databaseOptions = {
  url: env.DATABASE_URL || undefined,
  dataDir: env.DATABASE || undefined,
  ...(env.POOL_SIZE ? { poolSize: Number(env.POOL_SIZE) } : {}),
};
const where = () =>
  env.DATABASE_URL
    ? `PostgreSQL at ${new URL(env.DATABASE_URL).host}`
    : env.DATABASE
      ? `PGlite in ${env.DATABASE}`
      : "PGlite in memory";

function fail(message: string): never {
  console.error(`bankcrm reference server: ${message}`);
  process.exit(1);
}

if (command === "token") {
  const staffId = args[0];
  const staff = generateStaff(env.DEMO_SEED ?? "bankcrm").all;
  const member = staff.find((s) => s.id === staffId);
  if (args[0] === "--loader") {
    // A data feed's token: head office, with the load scope (bulk import).
    console.log(
      await signDemoToken(
        { id: "svc-data-feed", role: "branch_manager", branchId: "HQ" },
        { ...auth, scopes: [LOAD_SCOPE] },
      ),
    );
  } else if (!member) {
    fail(
      `no demo staff member "${staffId ?? ""}". Some: ${staff
        .filter((s, i) => i % 11 < 2 || s.branchId === "HQ")
        .map((s) => `${s.id} (${s.role})`)
        .join(", ")}`,
    );
  } else {
    console.log(await signDemoToken(member, auth).catch((e: Error) => fail(e.message)));
  }
} else if (command === "verify-audit") {
  const db = await openDatabase(databaseOptions);
  const result = await verifyAudit(db.driver);
  await db.close();
  if (result.ok) console.log(`audit chain intact: ${result.rows.toLocaleString("en")} rows (${where()})`);
  else {
    console.error(
      `audit chain BROKEN at row ${result.firstBroken!.seq} (${result.firstBroken!.reason}); ${result.rows} rows before it hold`,
    );
    process.exit(1);
  }
} else if (command === "metrics") {
  const asOf = args[0] ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail(`"${asOf}" is not a day (YYYY-MM-DD)`);
  const db = await openDatabase(databaseOptions);
  const t0 = performance.now();
  const { customers } = await computeMetrics(db.driver, {
    asOf,
    onProgress: (pass, done) => {
      if (done % 10_000 === 0) console.log(`pass ${pass}: ${done.toLocaleString("en")} customers`);
    },
  });
  await db.close();
  console.log(
    `metrics for ${customers.toLocaleString("en")} customers as of ${asOf} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${where()})`,
  );
} else if (command === undefined || command === "serve") {
  if (!auth.secret && !auth.jwksUrl)
    fail(
      "set AUTH_SECRET (e.g. AUTH_SECRET=$(openssl rand -hex 32)) or AUTH_JWKS_URL; then `pnpm reference-server token <staffId>` prints a demo token",
    );
  const db = await openDatabase(databaseOptions);
  const seed = Number(env.SEED ?? 0);
  if (seed > 0 && (await db.count("customers")) === 0) {
    const written = await seedDemo(db, seed);
    console.log(`seeded ${written.toLocaleString("en")} records for ${seed.toLocaleString("en")} demo customers`);
  }
  const perMinute = env.RATE_LIMIT !== undefined ? Number(env.RATE_LIMIT) : 1200;
  const freeText = env.FREE_TEXT_IDENTIFIERS ?? "mask";
  if (freeText !== "mask" && freeText !== "refuse")
    fail(`FREE_TEXT_IDENTIFIERS is "mask" or "refuse", not "${freeText}"`);
  const streams = new AbortController();
  const app = createApp(db, {
    auth,
    stopping: streams.signal,
    rateLimit: perMinute > 0 ? { perMinute } : false,
    freeTextIdentifiers: freeText,
    ...(env.CORS_ORIGINS ? { corsOrigins: env.CORS_ORIGINS.split(",").map((o) => o.trim()) } : {}),
  });
  // The change feed keeps FEED_RETENTION_DAYS of changes: pruned at start and every hour (any process may; it is idempotent).
  const retentionDays = Number(env.FEED_RETENTION_DAYS ?? 30);
  if (!(retentionDays > 0)) fail(`FEED_RETENTION_DAYS is a number of days above 0, not "${env.FEED_RETENTION_DAYS}"`);
  const prune = () =>
    db.changes.prune(new Date(Date.now() - retentionDays * 86_400_000)).catch((error: Error) => {
      console.error("bankcrm reference server: pruning the change feed failed:", error.message);
    });
  void prune();
  setInterval(() => void prune(), 3_600_000).unref();
  const port = Number(env.PORT ?? 8787);
  const server = serve({ fetch: app.fetch, port }, (info) => {
    console.log(`bankcrm reference server: http://127.0.0.1:${info.port}/ (${where()})`);
  });
  // The first signal stops gracefully (what is in flight finishes, then the database closes); a second one at once.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    streams.abort();
    const graceMs = Number(env.SHUTDOWN_GRACE_MS ?? 10_000);
    stopGracefully(server as Server, () => db.close(), { graceMs }).then(
      () => process.exit(0),
      (error: unknown) => fail(`stopping: ${String(error)}`),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} else {
  fail(`unknown command "${command}" (commands: token <staffId>, token --loader, verify-audit)`);
}
