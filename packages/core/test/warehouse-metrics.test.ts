/**
 * The metrics job's first pass in the warehouse: `purchaseSummarySql` gives every customer of a 100,000-customer
 * book exactly the purchase summary core's `summarizeTransactions` gives, and `bookModelsSql` + `bookModelsFromRows`
 * exactly the models `fitBookModels` fits on every summary — on PostgreSQL (PGlite) and on DuckDB, over the same
 * transactions: times with offsets east and west of the calendar's and across its midnight, bare dates, same-day
 * purchases, purchases after the calibration end, customers with none before it, ids whose order differs between
 * byte order and a locale's.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarizeTransactions, type CustomerSummary, type SummaryTransaction } from "../src/analytics/index.js";
import { fitBookModels, samplePositions, SUMMARY_FIGURES, summaryFigures } from "../src/analytics/book-metrics.js";
import { bookModelsInput } from "../src/analytics/warehouse-sql.js";
import {
  bookModelsFromRows,
  bookModelsSql,
  purchaseSummarySql,
  type BookModelsRow,
} from "../src/segmentation/warehouse.js";
import { BankcrmInvalidArgumentError } from "../src/errors/index.js";
import type { SqlDialect } from "../src/segmentation/sql.js";

const CUSTOMERS = 100_000;
const END = "2026-06-30";

/** A deterministic book of transactions: ~3.5 a customer over two years, in the shapes a bank's export holds. */
function book(): SummaryTransaction[] {
  let seed = 20261207;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: SummaryTransaction[] = [];
  const start = Date.parse("2024-07-01T00:00:00Z");
  for (let c = 0; c < CUSTOMERS; c++) {
    // Upper and lower case and a CJK id: byte order is not a locale's order.
    const id =
      c % 97 === 0 ? `cu${String(c).padStart(7, "0")}` : c % 89 === 0 ? `CU客${c}` : `CU${String(c).padStart(7, "0")}`;
    const n = Math.floor(random() * random() * 9);
    const zone = ["+08:00", "Z", "-05:00", "+09:30"][c % 4]!;
    for (let k = 0; k < n; k++) {
      const ms = start + Math.floor(random() * 760) * 86_400_000 + Math.floor(random() * 86_400) * 1000;
      const local = new Date(ms).toISOString().slice(0, 19);
      const at = random() < 0.1 ? local.slice(0, 10) : `${local}${random() < 0.2 ? ".250" : ""}${zone}`;
      out.push({ customerId: id, at, amount: 100 + Math.floor(random() * random() * 5_000_000) });
      // A second purchase the same day, now and then.
      if (random() < 0.1) out.push({ customerId: id, at, amount: 100 + Math.floor(random() * 50_000) });
    }
  }
  return out;
}

const transactions = book();
const expected = new Map(summarizeTransactions(transactions, { calibrationEnd: END }).map((s) => [s.customerId, s]));
/** Every summary in the book's (id) order, as `summaryFigures` columns. */
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const all = summaryFigures([...expected.values()].sort((a, b) => byId(a.customerId, b.customerId)));
/**
 * A saved fit, so neither side fits (a fit on 10,000 distinct histories takes a minute): the sample the fits would
 * read is compared figure for figure instead, and the models with the cut points.
 */
const saved = { bgNbd: { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 }, gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 } };
const coreModels = fitBookModels(all, { asOf: END, models: saved });
const coreSample = samplePositions(all.length / SUMMARY_FIGURES).flatMap((p) => [
  ...all.subarray(p * SUMMARY_FIGURES, (p + 1) * SUMMARY_FIGURES),
]);

type Run = (sql: string) => Promise<Record<string, unknown>[]>;
const engines: Partial<Record<SqlDialect, Run>> = {};
let pg: PGlite;
let duck: { closeSync(): void };
let duckDb: { closeSync(): void };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bankcrm-warehouse-"));
  const csv = join(dir, "transactions.csv");
  await writeFile(csv, transactions.map((t) => `${t.customerId},${t.at as string},${t.amount as number}`).join("\n"));
  // DuckDB over the CSV export, as a bank's analysts would read it.
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  duckDb = instance;
  duck = connection;
  await connection.run(
    `CREATE TABLE transactions AS SELECT * FROM read_csv('${csv}', header = false,
       columns = {'customer_id': 'VARCHAR', 'at': 'VARCHAR', 'amount': 'BIGINT'})`,
  );
  engines.duckdb = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
  // PostgreSQL, loaded by COPY.
  pg = new PGlite();
  await pg.exec(`CREATE TABLE transactions (customer_id text, at text, amount bigint)`);
  await pg.query(`COPY transactions FROM '/dev/blob' WITH (FORMAT csv)`, [], {
    blob: new Blob([await import("node:fs/promises").then((fs) => fs.readFile(csv))]),
  });
  engines.postgres = async (sql) => (await pg.query<Record<string, unknown>>(sql)).rows;
}, 120_000);

afterAll(async () => {
  duck?.closeSync();
  duckDb?.closeSync();
  await pg?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.each(["postgres", "duckdb"] as const)("the metrics job's first pass on %s", (dialect) => {
  it("gives every customer of a 100,000-customer book core's purchase summary, to the last bit", async () => {
    const run = engines[dialect]!;
    await run(`CREATE TABLE purchase_summaries AS ${purchaseSummarySql({ dialect, calibrationEnd: END })}`);
    const rows = await run(`SELECT * FROM purchase_summaries`);
    const got = new Map<string, CustomerSummary>(
      rows.map((r) => [
        r.customer_id as string,
        {
          customerId: r.customer_id as string,
          frequency: r.frequency as number,
          recency: r.recency as number,
          T: r.t as number,
          monetaryValue: r.monetary_value as number,
        },
      ]),
    );
    expect(expected.size).toBeGreaterThan(CUSTOMERS / 2);
    expect(got.size).toBe(expected.size);
    const differing = [...expected.values()].filter((s) => JSON.stringify(got.get(s.customerId)) !== JSON.stringify(s));
    expect(differing.slice(0, 3).map((s) => [s, got.get(s.customerId)])).toEqual([]);
  }, 60_000);

  it("gives the sample core's fits read and the book's RFM cut points, in ~16,000 rows", async () => {
    const rows = (await engines[dialect]!(bookModelsSql({ dialect }))) as unknown as BookModelsRow[];
    expect(rows.length).toBeLessThanOrEqual(10_000 + 3 * 2001);
    expect([...bookModelsInput(rows).sample]).toEqual(coreSample);
    expect(coreSample).toHaveLength(4 * 10_000);
    expect(bookModelsFromRows(rows, { asOf: END, models: saved })).toEqual(coreModels);
  }, 60_000);
});

describe("the warehouse SQL's input", () => {
  it("refuses what is not a checked identifier, day, offset or dialect", () => {
    const bad = [
      () => purchaseSummarySql({ dialect: "postgres", calibrationEnd: "2026-02-30x" }),
      () => purchaseSummarySql({ dialect: "postgres", calibrationEnd: END, table: `t"; DROP TABLE x; --` }),
      () => purchaseSummarySql({ dialect: "postgres", calibrationEnd: END, columns: { at: "at, 1" } }),
      () => purchaseSummarySql({ dialect: "postgres", calibrationEnd: END, utcOffsetMinutes: 0.5 }),
      () => purchaseSummarySql({ dialect: "oracle" as SqlDialect, calibrationEnd: END }),
      () => bookModelsSql({ dialect: "duckdb", table: "Summaries" }),
    ];
    for (const f of bad) expect(f).toThrow(BankcrmInvalidArgumentError);
  });
});
