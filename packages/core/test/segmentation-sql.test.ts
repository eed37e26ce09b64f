/**
 * The SQL that toSql emits and compileSegment select exactly the same customers
 * on a real PostgreSQL engine (PGlite), for random segments over random tables,
 * NULLs included; and rule values cannot inject SQL.
 */
import { PGlite } from "@electric-sql/pglite";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileSegment, isInvalidArgumentError, toSql } from "../src/index.js";
import { catalog, now, row, rule, segment } from "./support/segment-arbitraries.js";

let db: PGlite;

beforeAll(async () => {
  db = new PGlite();
  await db.exec(
    `CREATE TABLE customers (id text PRIMARY KEY, num double precision, amount bigint, txt text, kind text, flag boolean, day date, tags text[])`,
  );
}, 60_000);

afterAll(async () => {
  await db?.close();
});

type Row = {
  n: number | null;
  m: number | null;
  s: string | null;
  e: string | null;
  b: boolean | null;
  d: string | null;
  l: string[] | null;
};

async function load(rows: Row[]): Promise<void> {
  await db.exec("TRUNCATE customers");
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    await db.query("INSERT INTO customers VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", [
      `c${i}`,
      r.n,
      r.m,
      r.s,
      r.e,
      r.b,
      r.d,
      r.l,
    ]);
  }
}

describe("toSql on PostgreSQL (PGlite)", () => {
  it("selects exactly the customers compileSegment selects, NULLs included", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), rule, async (rows, r) => {
        await load(rows);
        const def = segment(r);
        const predicate = compileSegment(def, catalog, { now });
        const expected = rows.flatMap((row, i) => (predicate(row) ? [`c${i}`] : [])).sort();
        const { text, values } = toSql(def, catalog, { dialect: "postgres", now });
        const result = await db.query<{ id: string }>(`${text} ORDER BY id`, values);
        expect(result.rows.map((x) => x.id).sort()).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("treats injection attempts as plain values: nothing wrong selected, nothing changed", async () => {
    await load([
      { n: 1, m: 100, s: "'; DROP TABLE customers; --", e: "a", b: true, d: "2026-06-01", l: ["x"] },
      { n: 2, m: 200, s: "普通文本", e: "b", b: false, d: "2026-06-02", l: [] },
    ]);
    for (const value of [
      "'; DROP TABLE customers; --",
      "' OR '1'='1",
      "\\'; DELETE FROM customers; --",
      "$1",
      "\u0000".replace("\u0000", "\u200b' OR 1=1 --"),
    ]) {
      const { text, values } = toSql(segment({ field: "s", op: "eq", value }), catalog, { dialect: "postgres", now });
      expect(values).toEqual([value]);
      if (value !== "$1") expect(text).not.toContain(value);
      const result = await db.query<{ id: string }>(text, values);
      expect(result.rows.map((r) => r.id)).toEqual(value === "'; DROP TABLE customers; --" ? ["c0"] : []);
    }
    const count = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM customers");
    expect(count.rows[0]!.n).toBe(2);
  }, 60_000);

  it("takes identifiers only from the catalog or a checked mapping", () => {
    const def = segment({ field: "n", op: "gt", value: 1 });
    expect(toSql(def, catalog, { dialect: "postgres", mapping: { n: "score_v2" } }).where).toBe(
      '("score_v2" IS NOT NULL AND "score_v2" > $1)',
    );
    for (const options of [
      { mapping: { n: 'num"; DROP TABLE x; --' } },
      { table: "customers; DROP" },
      { idColumn: "Id" },
    ]) {
      try {
        toSql(def, catalog, { dialect: "postgres", ...options });
        expect.unreachable();
      } catch (error) {
        expect(isInvalidArgumentError(error)).toBe(true);
      }
    }
  });

  it("passes a huge in-list as one array parameter", () => {
    const values = Array.from({ length: 50_000 }, (_, i) => i);
    const sql = toSql(segment({ field: "n", op: "in", value: values }), catalog, { dialect: "postgres" });
    expect(sql.values).toEqual([values]);
    expect(sql.where).toBe('("num" IS NOT NULL AND "num" = ANY($1::double precision[]))');
  });
});
