/** A catalog of one field per type, and arbitraries for random rows and segments over it. */
import fc from "fast-check";
import { createFieldCatalog, type Rule, type SegmentDefinition } from "../../src/index.js";

export const catalog = createFieldCatalog([
  { id: "n", type: "number", label: { "zh-CN": "数值", en: "Number" }, column: "num" },
  { id: "m", type: "money", label: { "zh-CN": "金额", en: "Money" }, column: "amount" },
  { id: "s", type: "string", label: { "zh-CN": "文本", en: "Text" }, column: "txt" },
  { id: "e", type: "enum", label: { "zh-CN": "枚举", en: "Enum" }, values: ["a", "b", "c"], column: "kind" },
  { id: "b", type: "boolean", label: { "zh-CN": "布尔", en: "Flag" }, column: "flag" },
  { id: "d", type: "date", label: { "zh-CN": "日期", en: "Date" }, column: "day" },
  { id: "l", type: "stringList", label: { "zh-CN": "列表", en: "List" }, column: "tags" },
]);

export const now = new Date("2026-06-15T12:00:00Z");
export const segment = (rule: Rule): SegmentDefinition => ({
  schemaVersion: 1,
  id: "diff",
  name: "diff",
  version: 1,
  rule,
});

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

export const row = fc.record({
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

export const { rule } = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    condition,
    fc.record({ all: fc.array(tie("rule"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("rule"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie("rule") }),
  ),
}));
