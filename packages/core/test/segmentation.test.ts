import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildCustomerView,
  compileSegment,
  createFieldCatalog,
  customerFieldCatalog,
  evaluateSegment,
  evaluateSegmentPages,
  explainSegment,
  fromJsonLogic,
  isInvalidArgumentError,
  isValidationError,
  toJsonLogic,
  validateSegment,
  type Rule,
  type SegmentDefinition,
} from "../src/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

const segment = (rule: Rule): SegmentDefinition => ({ schemaVersion: 1, id: "seg-1", name: "test", version: 1, rule });

const catalog = createFieldCatalog([
  { id: "n", type: "number", label: { "zh-CN": "数值", en: "Number" } },
  { id: "m", type: "money", label: { "zh-CN": "金额", en: "Money" } },
  { id: "s", type: "string", label: { "zh-CN": "文本", en: "Text" } },
  { id: "e", type: "enum", label: { "zh-CN": "枚举", en: "Enum" }, values: ["a", "b", "c"] },
  { id: "b", type: "boolean", label: { "zh-CN": "布尔", en: "Flag" } },
  { id: "d", type: "date", label: { "zh-CN": "日期", en: "Date" } },
  { id: "l", type: "stringList", label: { "zh-CN": "列表", en: "List" } },
]);
const now = new Date("2026-11-28T10:00:00Z");
const matches = (rule: Rule, record: Record<string, unknown>) =>
  compileSegment(segment(rule), catalog, { now })(record);

describe("validateSegment", () => {
  it("reports each bad node with its path, in the user's language", () => {
    const result = validateSegment(
      segment({
        all: [
          { field: "nope", op: "eq", value: 1 },
          { field: "s", op: "gt", value: 1 },
          { field: "n", op: "between", value: [5, 1] },
          { any: [] },
          { not: { field: "e", op: "in", value: ["a", "z"] } },
          { field: "d", op: "withinLast", value: -3 },
        ],
      }),
      catalog,
      "en",
    );
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["rule.all.0.field", "unknownField"],
      ["rule.all.1.op", "operatorNotAllowed"],
      ["rule.all.2.value", "badRange"],
      ["rule.all.3.any", "emptyGroup"],
      ["rule.all.4.not.value", "valueType"],
      ["rule.all.5.value", "valueType"],
    ]);
    expect(result.issues[1]!.message).toBe("Field “Text” does not support the operator gt");
    expect(validateSegment(segment({ field: "nope", op: "eq", value: 1 }), catalog, "zh-CN").issues[0]!.message).toBe(
      "未知字段：nope",
    );
  });

  it("survives 10,000 levels of nesting, huge lists and junk without overflowing or hanging", () => {
    let deep: unknown = { field: "n", op: "eq", value: 1 };
    for (let i = 0; i < 10_000; i++) deep = { not: deep };
    const tooDeep = validateSegment(segment(deep as Rule), catalog);
    expect(tooDeep.issues.map((i) => i.code)).toEqual(["tooDeep"]);
    const huge = validateSegment(
      segment({ field: "n", op: "in", value: Array.from({ length: 200_000 }, (_, i) => i) }),
      catalog,
    );
    expect(huge.issues.map((i) => i.code)).toEqual(["tooManyValues"]);
    const wide = validateSegment(
      segment({ any: Array.from({ length: 5_000 }, () => ({ field: "n", op: "isEmpty" })) }),
      catalog,
    );
    expect(wide.issues.map((i) => i.code)).toEqual(["tooLarge"]);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (junk) => {
        expect(validateSegment(junk, catalog).valid).toBe(false);
        expect(validateSegment(segment(junk as Rule), catalog).issues.length).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("compileSegment refuses an invalid definition with a typed error", () => {
    try {
      compileSegment(segment({ field: "x", op: "eq", value: 1 }), catalog);
      expect.unreachable();
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
    }
  });
});

describe("compileSegment semantics", () => {
  it("implements every operator", () => {
    const r = { n: 5, m: 1000, s: "张三丰 Zhang", e: "b", b: true, d: "2026-11-20", l: ["x", "y"] };
    const cases: [Rule, boolean][] = [
      [{ field: "n", op: "eq", value: 5 }, true],
      [{ field: "n", op: "neq", value: 5 }, false],
      [{ field: "n", op: "in", value: [1, 5] }, true],
      [{ field: "n", op: "notIn", value: [1, 5] }, false],
      [{ field: "n", op: "gt", value: 4.5 }, true],
      [{ field: "n", op: "gte", value: 5 }, true],
      [{ field: "n", op: "lt", value: 5 }, false],
      [{ field: "n", op: "lte", value: 5 }, true],
      [{ field: "m", op: "between", value: [1000, 2000] }, true],
      [{ field: "s", op: "contains", value: "三" }, true],
      [{ field: "s", op: "startsWith", value: "张" }, true],
      [{ field: "s", op: "endsWith", value: "zhang" }, false],
      [{ field: "e", op: "in", value: ["a", "b"] }, true],
      [{ field: "b", op: "eq", value: false }, false],
      [{ field: "d", op: "before", value: "2026-11-21" }, true],
      [{ field: "d", op: "after", value: "2026-11-20" }, false],
      [{ field: "d", op: "between", value: ["2026-11-01", "2026-11-20"] }, true],
      [{ field: "d", op: "withinLast", value: 8 }, true],
      [{ field: "d", op: "withinLast", value: 7 }, false],
      [{ field: "d", op: "notWithinLast", value: 7 }, true],
      [{ field: "l", op: "hasAny", value: ["q", "y"] }, true],
      [{ field: "l", op: "hasAll", value: ["x", "q"] }, false],
      [{ field: "l", op: "isNotEmpty" }, true],
    ];
    for (const [rule, expected] of cases) expect(matches(rule, r), JSON.stringify(rule)).toBe(expected);
  });

  it("treats missing values (undefined, null, NaN) as matching nothing but isEmpty — and not() negates exactly", () => {
    for (const missing of [{}, { n: null }, { n: Number.NaN }]) {
      for (const op of ["eq", "neq", "gt", "lt"] as const)
        expect(matches({ field: "n", op, value: 1 }, missing)).toBe(false);
      expect(matches({ field: "n", op: "notIn", value: [1] }, missing)).toBe(false);
      expect(matches({ field: "n", op: "isEmpty" }, missing)).toBe(true);
      expect(matches({ not: { field: "n", op: "eq", value: 1 } }, missing)).toBe(true);
    }
    expect(matches({ field: "d", op: "notWithinLast", value: 30 }, {})).toBe(false);
    expect(matches({ field: "s", op: "isEmpty" }, { s: "" })).toBe(true);
    expect(matches({ field: "l", op: "isEmpty" }, { l: [] })).toBe(true);
  });

  it("gives the same answers whatever order conditions are written in", () => {
    const leaf = fc.oneof(
      fc.record({
        field: fc.constant("n"),
        op: fc.constantFrom("gt", "lt", "eq"),
        value: fc.integer({ min: 0, max: 5 }),
      }),
      fc.record({
        field: fc.constant("l"),
        op: fc.constantFrom("hasAny", "hasAll"),
        value: fc.subarray(["x", "y", "z"]),
      }),
      fc.record({ field: fc.constant("s"), op: fc.constantFrom("contains"), value: fc.constantFrom("a", "b", "") }),
    );
    fc.assert(
      fc.property(
        fc.array(leaf, { minLength: 1, maxLength: 6 }),
        fc.record({
          n: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
          s: fc.constantFrom("ab", "b", undefined),
          l: fc.subarray(["x", "y", "z"]),
        }),
        (rules, record) => {
          const forward = matches({ all: rules }, record);
          expect(matches({ all: [...rules].reverse() }, record)).toBe(forward);
          expect(forward).toBe((rules as Rule[]).every((r) => matches(r, record)));
          expect(matches({ any: rules }, record)).toBe((rules as Rule[]).some((r) => matches(r, record)));
        },
      ),
    );
  });
});

describe("the customer catalog on demo data", () => {
  const p = generateDemoPortfolio({ seed: "segment-test", customers: 500, months: 6 });
  const asOf = new Date(`${p.asOf}T00:00:00Z`);
  const views = p.customers.map((c) =>
    buildCustomerView(c, {
      holdings: p.holdings.filter((h) => h.customerId === c.id),
      transactions: p.transactions.filter((t) => t.customerId === c.id),
      now: asOf,
    }),
  );
  const goldMortgage = segment({
    all: [
      { field: "tier", op: "in", value: ["gold", "platinum", "diamond", "private"] },
      { field: "productTypes", op: "hasAny", value: ["mortgage"] },
      { field: "age", op: "between", value: [25, 55] },
      { not: { field: "status", op: "eq", value: "closed" } },
    ],
  });

  it("evaluates over arrays and over async pages with the same result", async () => {
    const direct = evaluateSegment(goldMortgage, customerFieldCatalog, views, { now: asOf });
    expect(direct.count).toBeGreaterThan(0);
    expect(direct.count).toBe(direct.ids.length);
    async function* pages() {
      for (let i = 0; i < views.length; i += 64) yield await Promise.resolve(views.slice(i, i + 64));
    }
    expect(await evaluateSegmentPages(goldMortgage, customerFieldCatalog, pages(), { now: asOf })).toEqual(direct);
    expect(
      (await evaluateSegmentPages(goldMortgage, customerFieldCatalog, pages(), { now: asOf, countOnly: true })).ids,
    ).toEqual([]);
  });

  it("explains why a customer is in or out, node by node, with actual values", () => {
    const inside = views.find((v) => compileSegment(goldMortgage, customerFieldCatalog, { now: asOf })(v))!;
    const tree = explainSegment(goldMortgage, customerFieldCatalog, inside, { now: asOf });
    expect(tree.matched).toBe(true);
    expect(tree.children!.map((c) => c.matched)).toEqual([true, true, true, true]);
    expect(tree.children![2]).toMatchObject({
      kind: "condition",
      field: "age",
      op: "between",
      actual: inside.age,
      label: { en: "Age" },
    });
    const outside = { ...inside, age: 70 };
    const out = explainSegment(goldMortgage, customerFieldCatalog, outside, { now: asOf });
    expect(out.matched).toBe(false);
    expect(out.children!.filter((c) => !c.matched).map((c) => c.field)).toEqual(["age"]);
  });

  it("labels every catalog field in both languages and builds views with transaction windows", () => {
    for (const field of customerFieldCatalog.list()) {
      expect(field.label["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(field.label.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
    const active = views.find((v) => (v.transactionCount365d ?? 0) > 0)!;
    expect(active.transactionCount30d).toBeLessThanOrEqual(active.transactionCount90d!);
    expect(active.daysSinceLastTransaction).toBeGreaterThanOrEqual(0);
  });
});

describe("JsonLogic interchange", () => {
  it("round-trips the subset that maps", () => {
    const rule: Rule = {
      all: [
        { field: "n", op: "between", value: [1, 9] },
        {
          any: [
            { field: "e", op: "in", value: ["a"] },
            { field: "e", op: "notIn", value: ["b"] },
          ],
        },
        { not: { field: "s", op: "contains", value: "x" } },
        { field: "d", op: "before", value: "2026-01-01" },
        { field: "s", op: "startsWith", value: "张" },
        { field: "m", op: "isEmpty" },
        { field: "b", op: "eq", value: true },
      ],
    };
    const logic = toJsonLogic(rule);
    expect(logic).toMatchObject({
      and: [
        { "<=": [1, { var: "n" }, 9] },
        expect.anything(),
        expect.anything(),
        { "<": [{ var: "d" }, "2026-01-01"] },
        expect.anything(),
        expect.anything(),
        expect.anything(),
      ],
    });
    expect(fromJsonLogic(JSON.parse(JSON.stringify(logic)), catalog)).toEqual(rule);
  });

  it("imports react-querybuilder style rules and refuses what does not map, with typed errors", () => {
    expect(fromJsonLogic({ and: [{ "===": [{ var: "e" }, "a"] }, { ">": [{ var: "n" }, 3] }] }, catalog)).toEqual({
      all: [
        { field: "e", op: "eq", value: "a" },
        { field: "n", op: "gt", value: 3 },
      ],
    });
    for (const bad of [{ "+": [1, 2] }, { "==": [{ var: "n" }, 3] }, "text", { and: [{ in: [1, 2] }] }]) {
      try {
        fromJsonLogic(bad, catalog);
        expect.unreachable();
      } catch (error) {
        expect(isInvalidArgumentError(error)).toBe(true);
      }
    }
    try {
      toJsonLogic({ field: "d", op: "withinLast", value: 30 });
      expect.unreachable();
    } catch (error) {
      expect(isInvalidArgumentError(error)).toBe(true);
    }
  });
});
