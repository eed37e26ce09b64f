/**
 * The SQL that toSql emits and compileSegment select exactly the same customers
 * on a real PostgreSQL engine (PGlite), for random segments over random tables,
 * NULLs included; and rule values cannot inject SQL.
 */
import { PGlite } from "@electric-sql/pglite";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compileSegment,
  createFieldCatalog,
  isInvalidArgumentError,
  toSql,
  type Rule,
  type SegmentDefinition,
} from "../src/index.js";

const catalog = createFieldCatalog([
  { id: "n", type: "number", label: { "zh-CN": "数值", en: "Number" }, column: "num" },
  { id: "m", type: "money", label: { "zh-CN": "金额", en: "Money" }, column: "amount" },
  { id: "s", type: "string", label: { "zh-CN": "文本", en: "Text" }, column: "txt" },
  { id: "e", type: "enum", label: { "zh-CN": "枚举", en: "Enum" }, values: ["a", "b", "c"], column: "kind" },
  { id: "b", type: "boolean", label: { "zh-CN": "布尔", en: "Flag" }, column: "flag" },
  { id: "d", type: "date", label: { "zh-CN": "日期", en: "Date" }, column: "day" },
  { id: "l", type: "stringList", label: { "zh-CN": "列表", en: "List" }, column: "tags" },
]);

const now = new Date("2026-06-15T12:00:00Z");
const segment = (rule: Rule): SegmentDefinition => ({ schemaVersion: 1, id: "diff", name: "diff", version: 1, rule });

// Strings with quotes, LIKE wildcards, backslashes, CJK, combining marks and zero-width spaces.
const token = fc.constantFrom(
  "a",
  "b",
  "张",
  "'",
  '"',
  "%",
  "_",
  "\\",
  "é",
  "e\u0301",
  "\u200b",
  " ",
  "; DROP TABLE customers; --",
);
const str = fc.array(token, { maxLength: 3 }).map((t) => t.join(""));
const num = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -0.5, 1e6));
const money = fc.integer({ min: -5, max: 5 }).map((v) => v * 100);
const day = fc
  .integer({ min: -40, max: 40 })
  .map((offset) => new Date(Date.UTC(2026, 5, 15) + offset * 86_400_000).toISOString().slice(0, 10));
const tagValue = fc.constantFrom("x", "y", "z", "'");
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

const row = fc.record({
  n: maybe(num),
  m: maybe(money),
  s: maybe(str),
  e: maybe(fc.constantFrom("a", "b", "c")),
  b: maybe(fc.boolean()),
  d: maybe(day),
  l: maybe(fc.uniqueArray(tagValue, { maxLength: 3 })),
});

const condition: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ field: fc.constant("n"), op: fc.constantFrom("eq", "neq", "gt", "gte", "lt", "lte"), value: num }),
  fc.record({ field: fc.constant("n"), op: fc.constantFrom("in", "notIn"), value: fc.array(num, { maxLength: 3 }) }),
  fc.record({
    field: fc.constant("m"),
    op: fc.constant("between"),
    value: fc.tuple(money, money).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
  }),
  fc.record({ field: fc.constant("m"), op: fc.constantFrom("eq", "gt", "lte"), value: money }),
  fc.record({
    field: fc.constant("s"),
    op: fc.constantFrom("eq", "neq", "contains", "startsWith", "endsWith"),
    value: str,
  }),
  fc.record({ field: fc.constant("s"), op: fc.constantFrom("in", "notIn"), value: fc.array(str, { maxLength: 3 }) }),
  fc.record({ field: fc.constant("e"), op: fc.constantFrom("eq", "neq"), value: fc.constantFrom("a", "b", "c") }),
  fc.record({ field: fc.constant("e"), op: fc.constantFrom("in", "notIn"), value: fc.subarray(["a", "b", "c"]) }),
  fc.record({ field: fc.constant("b"), op: fc.constantFrom("eq", "neq"), value: fc.boolean() }),
  fc.record({ field: fc.constant("d"), op: fc.constantFrom("eq", "neq", "before", "after"), value: day }),
  fc.record({
    field: fc.constant("d"),
    op: fc.constant("between"),
    value: fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
  }),
  fc.record({
    field: fc.constant("d"),
    op: fc.constantFrom("withinLast", "notWithinLast"),
    value: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({
    field: fc.constant("l"),
    op: fc.constantFrom("hasAny", "hasAll"),
    value: fc.uniqueArray(tagValue, { maxLength: 2 }),
  }),
  fc.record({
    field: fc.constantFrom("n", "m", "s", "e", "b", "d", "l"),
    op: fc.constantFrom("isEmpty", "isNotEmpty"),
  }),
);

const { rule } = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    condition,
    fc.record({ all: fc.array(tie("rule"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("rule"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie("rule") }),
  ),
}));

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
