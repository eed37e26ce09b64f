/**
 * `BENCH_ONLY=scale pnpm bench` (only on its own): the reference server's queries over a whole book on
 * Debian's PostgreSQL — BENCH_SCALE_CUSTOMERS customers (default 100,000; a bank's 10,000,000 on a
 * machine sized for it, docs/server/scale.md) with their demo histories, seeded through the COPY path.
 *
 * Each figure is the query as the server runs it (scope, masking columns, the segment SQL core writes)
 * beside the same question in bare SQL, at 50 in flight on the pool; the ratio is the figure. Then a
 * segment's count and first page over the whole book on the live view and on the nightly table, with
 * `EXPLAIN (ANALYZE, BUFFERS)` of each; then the nightly job — metrics and the segment table — timed,
 * with its rate projected to ten million customers.
 */
import { customerFieldCatalog, toSql, type SegmentDefinition } from "@bankcrm/core";
import { freshPostgresSchema } from "../../../packages/data/test/support/postgres.js";
import { openDatabase } from "../src/database.js";
import { computeMetrics } from "../src/metrics.js";
import { seedDemo } from "../src/seed.js";
import { refreshSegments, SEGMENT_BULK, SEGMENT_TABLE, SEGMENT_VIEW } from "../src/segment-snapshot.js";
import type { Reader } from "../src/scope-sql.js";

const CUSTOMERS = Number(process.env.BENCH_SCALE_CUSTOMERS ?? 100_000);
const IN_FLIGHT = 50;
const BANK = 10_000_000;

type Db = Awaited<ReturnType<typeof openDatabase>>;

/** `calls` calls of `f`, `IN_FLIGHT` at a time: p50 and p99 of their latencies in ms. */
async function latencies(calls: number, f: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < calls) {
        const i = next++;
        const t0 = performance.now();
        await f(i);
        times.push(performance.now() - t0);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

function row(name: string, goal: string, ours: { p50: number; p99: number }, bare: { p50: number; p99: number }) {
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(9);
  console.log(
    `  ${name.padEnd(30)} ${ms(ours.p50)} ${ms(ours.p99)} ${ms(bare.p50)} ${ms(bare.p99)}   ${(ours.p99 / bare.p99).toFixed(2)}×   ${goal}`,
  );
}

/** The plan's first lines: what it read, how, and in what time. */
async function explain(db: Db, sql: string, values: unknown[]) {
  const plan = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values);
  return plan.rows
    .map((r) => r["QUERY PLAN"])
    .slice(0, 14)
    .map((line) => `      ${line.length > 150 ? `${line.slice(0, 150)}…` : line}`)
    .join("\n");
}

const WEALTHY_QUIET: SegmentDefinition = {
  schemaVersion: 1,
  id: "wealthy-quiet",
  name: "wealthy and quiet",
  version: 1,
  rule: {
    all: [
      { field: "aum", op: "gte", value: 50_000_000 },
      { field: "tier", op: "in", value: ["gold", "platinum", "private"] },
      {
        any: [
          { field: "daysSinceLastTransaction", op: "gt", value: 30 },
          { field: "lastTransactionAt", op: "isEmpty" },
        ],
      },
    ],
  },
};

async function queries(db: Db) {
  const branch = (
    await db.query<{ branch_id: string }>(
      "SELECT branch_id FROM records WHERE collection = 'customers' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
    )
  ).rows[0]!.branch_id;
  const manager: Reader = { id: "ST-BENCH-BR", scope: { kind: "branch", branchId: branch }, confidential: true };
  const ids = (
    await db.query<{ id: string }>(
      "SELECT id FROM records WHERE collection = 'customers' AND branch_id = $1 ORDER BY random() LIMIT 500",
      [branch],
    )
  ).rows.map((r) => r.id);
  const pick = (i: number) => ids[i % ids.length]!;
  console.log(
    `  ${"query (50 in flight)".padEnd(30)} ${"p50".padStart(9)} ${"p99".padStart(9)} ${"bare p50".padStart(9)} ${"bare p99".padStart(9)}   p99 ratio   goal`,
  );
  row(
    "list page (branch, 50)",
    "p99 < 50 ms",
    await latencies(2000, (i) => db.listCustomers(i % 2 ? {} : { after: pick(i) }, 51, manager)),
    await latencies(2000, (i) =>
      db.query(
        `SELECT body FROM records WHERE collection = 'customers' AND branch_id = $1${i % 2 ? "" : ` AND id COLLATE "C" > $2`} ORDER BY id COLLATE "C" LIMIT 51`,
        i % 2 ? [branch] : [branch, pick(i)],
      ),
    ),
  );
  const surnames = ["王", "李", "张", "刘", "陈"];
  row(
    "search (name prefix)",
    "p99 < 50 ms",
    await latencies(2000, (i) => db.listCustomers({ search: surnames[i % 5]! }, 51, manager)),
    await latencies(2000, (i) =>
      db.query(
        `SELECT body FROM records WHERE collection = 'customers' AND branch_id = $1 AND name >= $2 AND name < $3 ORDER BY id COLLATE "C" LIMIT 51`,
        [branch, surnames[i % 5]!, String.fromCodePoint(surnames[i % 5]!.codePointAt(0)! + 1)],
      ),
    ),
  );
  row(
    "360 view (customer, holdings, timeline)",
    "p99 < 50 ms",
    await latencies(2000, (i) =>
      Promise.all([
        db.get("customers", pick(i), undefined, manager),
        db.ofCustomer("holdings", pick(i), manager),
        db.timeline(pick(i), undefined, 20, manager),
      ]),
    ),
    await latencies(2000, (i) =>
      Promise.all([
        db.query("SELECT body FROM records WHERE collection = 'customers' AND id = $1", [pick(i)]),
        db.query("SELECT body FROM records WHERE collection = 'holdings' AND customer_id = $1", [pick(i)]),
        db.query("SELECT body FROM records WHERE customer_id = $1 AND tkey IS NOT NULL ORDER BY tkey DESC LIMIT 20", [
          pick(i),
        ]),
      ]),
    ),
  );
}

async function segments(db: Db, url: string) {
  const everyone: Reader = { id: "ST-BENCH-HQ", scope: { kind: "all" }, confidential: false };
  const bare = "SELECT count(*) FROM records WHERE collection = 'customers'";
  const timed = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  await db.query(bare); // warm: the figure is the query's, not the first read from disk
  const bareMs = await timed(() => db.query(bare));
  console.log(`\n  Segment "${WEALTHY_QUIET.name}" over the whole book (head office): count and first page of 50`);
  const live = await openDatabase({ url, poolSize: 2, segments: "live" });
  for (const [source, on] of [
    [SEGMENT_VIEW, live],
    [SEGMENT_TABLE, db],
  ] as const) {
    const sql = toSql(WEALTHY_QUIET, customerFieldCatalog, { dialect: "postgres", table: source });
    await on.segment(sql, { limit: 51 }, everyone); // warm
    let found = { count: 0, ids: [] as string[] };
    const ms = await timed(async () => (found = await on.segment(sql, { limit: 51 }, everyone)));
    console.log(
      `  ${source.padEnd(22)} ${`${ms.toFixed(0)} ms`.padStart(9)}  (${found.count.toLocaleString("en")} customers; bare count(*) of the book ${bareMs.toFixed(0)} ms, ratio ${(ms / bareMs).toFixed(1)}×; goal < 1 s)`,
    );
    console.log(
      `    EXPLAIN (ANALYZE, BUFFERS) of the count:\n${await explain(db, `SELECT count(*) FROM ${source} v WHERE ${sql.where}`, sql.values)}`,
    );
  }
  await live.close();
}

export async function benchScale(): Promise<void> {
  console.log(`\n## Bank scale on PostgreSQL — ${CUSTOMERS.toLocaleString("en")} customers (BENCH_SCALE_CUSTOMERS)`);
  const schema = await freshPostgresSchema();
  const db = await openDatabase({ url: schema.url, poolSize: 20, segments: "snapshot" });
  try {
    let t0 = performance.now();
    const records = await seedDemo(db, CUSTOMERS);
    const seeded = (performance.now() - t0) / 1000;
    console.log(
      `  seeded ${records.toLocaleString("en")} records in ${seeded.toFixed(0)} s (${(records / seeded).toFixed(0)} records/s)`,
    );
    await db.query("ANALYZE records");
    await queries(db);

    t0 = performance.now();
    // Pass 1 is the database's (summaries, sample, cut points); pass 2 streams the book in batches, holding one: the
    // heap it holds halfway through pass 2 (collected) beside the heap before the job says whether memory stays flat.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    let heapMid: number | undefined;
    const { customers, seconds } = await computeMetrics(db.driver, {
      asOf: new Date().toISOString().slice(0, 10),
      onProgress: (pass, done) => {
        if (pass === 2 && heapMid === undefined && done >= CUSTOMERS / 2 && gc) {
          gc();
          heapMid = process.memoryUsage().heapUsed;
        }
      },
    });
    const metricsS = (performance.now() - t0) / 1000;
    const held =
      heapMid === undefined ? "(run with --expose-gc to see)" : `${((heapMid - heap0) / 2 ** 20).toFixed(1)} MB`;
    console.log(
      `\n  Metrics job: pass 1 in SQL — every customer's purchase summary, the fit's sample and cut points — ${seconds.summaries.toFixed(1)} s, the fit on the sample ${seconds.fit.toFixed(1)} s; pass 2, scoring in batches of 1,000, ${seconds.scoring.toFixed(1)} s; heap held halfway through pass 2 beyond the start: ${held}`,
    );
    const refresh = await refreshSegments(db.driver);
    // The table's build beside the same rows from the live view, customer by customer (what it was built from before).
    const t1 = performance.now();
    await db.query(`CREATE TEMPORARY TABLE live_rows AS SELECT * FROM ${SEGMENT_VIEW}`);
    const liveS = (performance.now() - t1) / 1000;
    await db.query("DROP TABLE live_rows");
    console.log(
      `  Segment table: ${refresh.seconds.toFixed(1)} s built set-based (${SEGMENT_BULK}, indexes and ANALYZE included); the same rows from the live view (LATERAL, customer by customer, no indexes) ${liveS.toFixed(1)} s: ${(refresh.seconds / liveS).toFixed(2)}×`,
    );
    const nightly = metricsS + refresh.seconds;
    console.log(
      `\n  Nightly job: metrics for ${customers.toLocaleString("en")} customers ${metricsS.toFixed(1)} s + segment table ${refresh.seconds.toFixed(1)} s = ${nightly.toFixed(1)} s; linear to ${BANK.toLocaleString("en")}: ${((nightly * BANK) / customers / 60).toFixed(0)} min (goal < 20 min)`,
    );
    await segments(db, schema.url);
  } finally {
    await db.close();
    await schema.drop();
  }
}
