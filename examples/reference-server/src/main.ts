/**
 * `pnpm reference-server [command]` — the REST contract on PostgreSQL.
 *
 *   (no command)        serve on PORT (default 8787)
 *   token <staffId>     print a demo token for a generated staff member (needs AUTH_SECRET)
 *   verify-audit        walk the audit chain; exit 1 at the first broken link
 *   metrics [asOf]      the value models over every customer, into customer_metrics (asOf: today)
 *   purge               the retention purge (RETENTION): closed relationships' records past their period and
 *                       free of holds erased or anonymised, each audited; the counts printed
 *   backup <file>       a consistent copy: pg_dump's custom format on PostgreSQL; PGlite's directory as a tarball
 *                       (stop the server first: PGlite serves one process)
 *   restore <file> [--replace]  into an empty database (or over this one's tables with --replace; PGlite's old
 *                       directory is moved aside); migrates, moves the change feed on, verifies the audit chain
 *   segments-refresh    the nightly segment table (customer_segments) built again from the customer view
 *   resolve [--priority CORE,CARD,…]  entity resolution over the book: the merges it decides applied, the rest
 *                       left for review (GET /resolution/review); source systems most trusted first
 *
 * DATABASE_URL: postgres://… — a PostgreSQL server (pooled; POOL_SIZE, default 10).
 * DATABASE: PGlite's directory when DATABASE_URL is unset (in memory when neither is set).
 * AUTH_SECRET (HS256, ≥ 32 characters) or AUTH_JWKS_URL; AUTH_ISSUER, AUTH_AUDIENCE.
 * SEED: generate that many demo customers with their history on an empty database.
 * RATE_LIMIT: requests a minute per principal (default 1200; 0 turns it off) — on PostgreSQL, across every process.
 * CORS_ORIGINS: comma-separated origins allowed to call from a browser (default any).
 * FREE_TEXT_IDENTIFIERS: mask (default) or refuse — a customer's identifiers typed into free text.
 * SHUTDOWN_GRACE_MS: on SIGTERM / SIGINT, how long requests in flight may finish before the database closes (10000).
 * FEED_RETENTION_DAYS: how long the change feed keeps a change (30); older cursors are 410 and clients read again.
 * IDEMPOTENCY_RETENTION_DAYS: how long an Idempotency-Key's answer is kept (30; above the clients' longest offline time).
 * SENSITIVE_CONSENT: required — segments for a purpose that test financial account information need the separate
 *   consent (sensitive_processing, PIPL Art. 29); none (default).
 * SEGMENTS: live (default) — segments aggregate holdings and transactions per query; snapshot — on the nightly
 *   customer_segments table (refreshed by `metrics` and `segments-refresh`; consents and scope stay live).
 * RETENTION: a JSON file — the bank's retention table over core's default (RetentionTableSchema; docs/compliance.md).
 */
import { serve } from "@hono/node-server";
import { generateStaff } from "@bankcrm/core/demo";
import { verifyAudit } from "./audit.js";
import { authFromEnv, LOAD_SCOPE, signDemoToken } from "./auth.js";
import { openDatabase } from "./database.js";
import { computeMetrics } from "./metrics.js";
import { seedDemo } from "./seed.js";
import { appFromEnv, pruneFeed, retentionFromEnv, SettingError, stopOnSignals } from "./serving.js";
import { runImport } from "./loader/command.js";
import { trackHandlers } from "./shutdown.js";
import { refreshSegments, segmentSnapshot } from "./segment-snapshot.js";
import { SOURCE_SYSTEM } from "./loader/mapping.js";
import type { Server } from "node:http";

const env = process.env;
const [command, ...args] = process.argv.slice(2);
const auth = authFromEnv(env);
if (env.SEGMENTS && env.SEGMENTS !== "live" && env.SEGMENTS !== "snapshot")
  fail(`SEGMENTS is live or snapshot, not "${env.SEGMENTS}"`);
const databaseOptions = {
  url: env.DATABASE_URL || undefined,
  dataDir: env.DATABASE || undefined,
  ...(env.POOL_SIZE ? { poolSize: Number(env.POOL_SIZE) } : {}),
  segments: env.SEGMENTS === "snapshot" ? ("snapshot" as const) : ("live" as const),
};
/** The nightly segment table, built again; its figures printed. */
async function refreshed(db: Awaited<ReturnType<typeof openDatabase>>) {
  const r = await refreshSegments(db.driver);
  console.log(`segment table: ${r.customers.toLocaleString("en")} customers in ${r.seconds.toFixed(1)} s`);
}
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
} else if (command === "import") {
  const db = await openDatabase(databaseOptions);
  const code = await runImport(db, args).catch((e: Error) => fail(e.message));
  await db.close();
  process.exit(code);
} else if (command === "extract") {
  // The demo bank as its source systems would export it (sample-extract/'s mappings): the sample, or N customers' bank.
  const [dir, size] = args;
  if (!dir || (size !== undefined && !/^\d+$/.test(size))) fail("usage: extract <dir> [customers]");
  const { generateDemoPortfolio } = await import("@bankcrm/core/demo");
  const { samplePortfolio, writeExtract } = await import("./loader/extract.js");
  const bank = generateDemoPortfolio({ seed: env.DEMO_SEED ?? "bankcrm", customers: Number(size ?? 2000) });
  const written = await writeExtract(dir, size === undefined ? samplePortfolio(bank) : bank);
  for (const [file, rows] of Object.entries(written)) console.log(`${dir}/${file}: ${rows.toLocaleString("en")} rows`);
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
  // The nightly job ends with the segment table, when the bank segments on it (or has before).
  if (databaseOptions.segments === "snapshot" || (await segmentSnapshot(db.driver))) await refreshed(db);
  await db.close();
  console.log(
    `metrics for ${customers.toLocaleString("en")} customers as of ${asOf} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${where()})`,
  );
} else if (command === "purge") {
  const db = await openDatabase(databaseOptions);
  const { purge } = await import("./erasure.js");
  const table = (() => {
    try {
      return retentionFromEnv(env);
    } catch (e) {
      return fail((e as Error).message);
    }
  })();
  const report = await purge(db, {
    at: new Date().toISOString(),
    actor: { id: "svc-retention-purge", role: "privacy_officer" },
    ...(table ? { table } : {}),
  });
  await db.close();
  console.log(
    `retention purge: ${report.changed} of ${report.customers} closed customers — ${report.erased} records erased, ${report.anonymised} anonymised (${where()})`,
  );
} else if (command === "segments-refresh") {
  const db = await openDatabase(databaseOptions);
  await refreshed(db);
  await db.close();
} else if (command === "backup" || command === "restore") {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) fail(`usage: ${command} <file>${command === "restore" ? " [--replace]" : ""}`);
  const { backup, restore, BackupError } = await import("./backup.js");
  const { DataDirInUseError } = await import("./sql.js");
  try {
    if (command === "backup") {
      const r = await backup(databaseOptions, file);
      console.log(`backed up ${where()} to ${r.file} (${r.bytes.toLocaleString("en")} bytes)`);
    } else {
      const r = await restore(databaseOptions, file, { replace: args.includes("--replace") });
      if (r.movedAside) console.log(`the directory it replaced is kept in ${r.movedAside}`);
      console.log(
        `restored ${r.records.toLocaleString("en")} records into ${where()}; change feed moved on to ${r.feedHead} (clients read their scope again)`,
      );
      if (r.audit.ok) console.log(`audit chain intact: ${r.audit.rows.toLocaleString("en")} rows`);
      else
        fail(`the restored audit chain is BROKEN at row ${r.audit.firstBroken!.seq} (${r.audit.firstBroken!.reason})`);
    }
  } catch (error) {
    if (error instanceof BackupError || error instanceof DataDirInUseError) fail(error.message);
    throw error;
  }
} else if (command === "resolve") {
  const at = args.indexOf("--priority");
  const priority = at >= 0 ? (args[at + 1] ?? "").split(",").filter(Boolean) : undefined;
  if (at >= 0 && !priority?.every((p) => SOURCE_SYSTEM.test(p)))
    fail("usage: resolve [--priority CORE,CARD,WEALTH] (source systems, most trusted first)");
  const db = await openDatabase(databaseOptions);
  const { resolveBook, RESOLUTION_JOB, runSummary } = await import("./resolution/job.js");
  const t0 = performance.now();
  const r = await resolveBook(db, RESOLUTION_JOB, priority ? { priority } : {});
  await db.close();
  console.log(`resolved in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${runSummary(r)} (${where()})`);
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
  if (databaseOptions.segments === "snapshot" && !(await segmentSnapshot(db.driver))) await refreshed(db);
  const streams = new AbortController();
  try {
    const handlers = trackHandlers(appFromEnv(db, auth, streams.signal, env).fetch);
    pruneFeed(db, env);
    const port = Number(env.PORT ?? 8787);
    const server = serve({ fetch: handlers.fetch, port }, (info) => {
      console.log(`bankcrm reference server: http://127.0.0.1:${info.port}/ (${where()})`);
    });
    stopOnSignals(server as Server, db, streams, env, handlers.settled);
  } catch (error) {
    if (error instanceof SettingError) fail(error.message);
    throw error;
  }
} else {
  fail(
    `unknown command "${command}" (commands: token <staffId>, token --loader, verify-audit, metrics [day], purge, segments-refresh, backup <file>, restore <file> [--replace], import --source S --mapping M files…, resolve [--priority S,…])`,
  );
}
