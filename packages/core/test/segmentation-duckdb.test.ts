/**
 * toSql's DuckDB dialect — the bank's single-node analytics path — selects
 * exactly the customers compileSegment selects: for random segments over random
 * tables (NULLs, quotes and CJK included), and for the demo book exported as a
 * bank would export it (newline-delimited JSON of its customer view, then
 * Parquet, read with `read_parquet`), the table built by `segmentColumns`.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCustomerView,
  compileSegment,
  customerFieldCatalog,
  toSql,
  type CustomerView,
  type FieldCatalog,
  type Rule,
  type SegmentDefinition,
} from "../src/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";
import { segmentColumns } from "../src/segmentation/warehouse.js";
import { byCustomer } from "./support/by-customer.js";
import { catalog, now, row, rule, segment } from "./support/segment-arbitraries.js";

let instance: DuckDBInstance;
let duck: DuckDBConnection;
let dir: string;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  duck = await instance.connect();
  dir = await mkdtemp(join(tmpdir(), "bankcrm-duckdb-"));
});

afterAll(async () => {
  duck?.closeSync();
  instance?.closeSync();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Writes `records` as the bank's export would — newline-delimited JSON, column by column as `segmentColumns` says —
 * and makes `table` of them in DuckDB (a Parquet file of it too, when `parquet` names one, and `table` reads that).
 */
async function exported<R>(table: string, fields: FieldCatalog<R>, records: readonly R[], parquet?: string) {
  const columns = segmentColumns(fields, { dialect: "duckdb" });
  const json = join(dir, `${table}.ndjson`);
  await writeFile(
    json,
    records.map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c.column, c.value(r)])))).join("\n"),
  );
  const types = `{${columns.map((c) => `'${c.column}': '${c.type}'`).join(", ")}}`;
  const read = `SELECT * FROM read_json('${json}', format = 'newline_delimited', columns = ${types})`;
  if (!parquet) return duck.run(`CREATE OR REPLACE TABLE ${table} AS ${read}`);
  await duck.run(`COPY (${read}) TO '${parquet}' (FORMAT parquet)`);
  await duck.run(`CREATE OR REPLACE VIEW ${table} AS SELECT * FROM read_parquet('${parquet}')`);
}

/** The ids the query selects, sorted. */
async function selected(text: string, values: unknown[]): Promise<string[]> {
  const reader = await duck.runAndReadAll(text, values as never);
  return reader
    .getRowObjectsJson()
    .map((r) => r.id as string)
    .sort();
}

describe("toSql on DuckDB", () => {
  it("selects exactly the customers compileSegment selects, NULLs included", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), rule, async (rows, r) => {
        await exported(
          "customers",
          catalog,
          rows.map((x, i) => ({ id: `c${i}`, ...x })),
        );
        const def = segment(r);
        const predicate = compileSegment(def, catalog, { now });
        const expected = rows.flatMap((x, i) => (predicate(x) ? [`c${i}`] : [])).sort();
        const { text, values } = toSql(def, catalog, { dialect: "duckdb", now });
        expect(await selected(text, values)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("treats injection attempts as plain values", async () => {
    await exported("customers", catalog, [
      { id: "c0", s: "'; DROP TABLE customers; --", l: ["x"] },
      { id: "c1", s: "普通文本", l: [] },
    ]);
    for (const value of ["'; DROP TABLE customers; --", "' OR '1'='1", "$1", "\\'; DELETE FROM customers; --"]) {
      const { text, values } = toSql(segment({ field: "s", op: "eq", value }), catalog, { dialect: "duckdb", now });
      expect(await selected(text, values)).toEqual(value === "'; DROP TABLE customers; --" ? ["c0"] : []);
    }
    const hasAny = toSql(segment({ field: "l", op: "hasAny", value: ["x", "') OR 1=1 --"] }), catalog, {
      dialect: "duckdb",
      now,
    });
    expect(await selected(hasAny.text, hasAny.values)).toEqual(["c0"]);
    expect((await duck.runAndReadAll("SELECT count(*)::INT AS n FROM customers")).getRowObjectsJson()).toEqual([
      { n: 2 },
    ]);
  });
});

const definition = (id: string, r: Rule): SegmentDefinition => ({
  schemaVersion: 1,
  id,
  name: id,
  version: 1,
  rule: r,
});
/** Every field type and operator family over the real customer catalog. */
const BOOK_SEGMENTS: SegmentDefinition[] = [
  definition("wealthy-quiet", {
    all: [
      { field: "aum", op: "gte", value: 50_000_000 },
      {
        any: [
          { field: "daysSinceLastTransaction", op: "gt", value: 60 },
          { field: "lastTransactionAt", op: "isEmpty" },
        ],
      },
    ],
  }),
  definition("tiers-and-channels", {
    all: [
      { field: "tier", op: "in", value: ["gold", "platinum", "private"] },
      { not: { field: "preferredChannel", op: "eq", value: "branch" } },
    ],
  }),
  definition("products", { field: "productTypes", op: "hasAny", value: ["mortgage", "credit_card"] }),
  definition("consents", { field: "consents", op: "hasAll", value: ["marketing", "profiling"] }),
  definition("city-prefix", {
    any: [
      { field: "city", op: "startsWith", value: "上海" },
      { field: "city", op: "endsWith", value: "京" },
    ],
  }),
  definition("onboarded", { field: "onboardedAt", op: "between", value: ["2015-01-01", "2021-12-31"] }),
  definition("active-30d", { field: "transactionCount30d", op: "gte", value: 3 }),
  definition("income-age", {
    all: [
      { field: "annualIncome", op: "gt", value: 30_000_000 },
      { field: "age", op: "between", value: [30, 55] },
      { field: "marketingConsent", op: "eq", value: true },
    ],
  }),
  definition("tagged", { field: "tags", op: "isNotEmpty" }),
  definition("not-these-occupations", { field: "occupation", op: "notIn", value: ["student", "retired"] }),
];

describe("toSql on DuckDB over a Parquet export of the book", () => {
  it("finds in the export exactly the customers core finds in the book, for every segment", async () => {
    const book = generateDemoPortfolio({ seed: "bankcrm", customers: 2_000 });
    const asOf = new Date(`${book.asOf}T12:00:00Z`);
    const holdings = byCustomer(book.holdings);
    const transactions = byCustomer(book.transactions);
    const views: CustomerView[] = book.customers.map((customer) =>
      buildCustomerView(customer, {
        holdings: holdings.get(customer.id) ?? [],
        transactions: transactions.get(customer.id) ?? [],
        now: asOf,
      }),
    );
    await exported("book", customerFieldCatalog, views, join(dir, "book.parquet"));
    let splitting = 0;
    for (const def of BOOK_SEGMENTS) {
      const predicate = compileSegment(def, customerFieldCatalog, { now: asOf });
      const expected = views
        .filter((v) => predicate(v))
        .map((v) => v.id)
        .sort();
      const { text, values } = toSql(def, customerFieldCatalog, { dialect: "duckdb", table: "book", now: asOf });
      expect(await selected(text, values), def.id).toEqual(expected);
      if (expected.length > 0 && expected.length < views.length) splitting++;
    }
    // Each segment must mean something: most split the book, none is vacuous by accident.
    expect(splitting).toBeGreaterThanOrEqual(BOOK_SEGMENTS.length - 1);
  }, 120_000);
});
