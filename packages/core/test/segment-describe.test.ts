import { describe, expect, it } from "vitest";
import {
  createColumnarTable,
  customerFieldCatalog,
  describeCondition,
  evaluateColumnar,
  fieldValueText,
  operatorLabel,
  OPERATORS,
  withColumn,
  type SegmentDefinition,
} from "../src/index.js";

describe("segment conditions in words", () => {
  it("reads money in yuan, enums and lists by their labels, ranges and day windows", () => {
    expect(describeCondition({ field: "aum", op: "gte", value: 30_000_000 }, customerFieldCatalog, "zh-CN")).toBe(
      "资产规模（AUM） 大于等于 ¥300,000.00",
    );
    expect(describeCondition({ field: "age", op: "between", value: [30, 55] }, customerFieldCatalog, "en")).toBe(
      "Age is between 30 and 55",
    );
    expect(
      describeCondition({ field: "tier", op: "in", value: ["gold", "private"] }, customerFieldCatalog, "zh-CN"),
    ).toBe("客户等级 属于 金卡客户、私人银行客户");
    expect(
      describeCondition({ field: "productTypes", op: "hasAny", value: ["fund"] }, customerFieldCatalog, "en"),
    ).toMatch(/^Holds product type has any of Fund/);
    expect(
      describeCondition({ field: "onboardedAt", op: "withinLast", value: 30 }, customerFieldCatalog, "zh-CN"),
    ).toBe("开户日期 在最近 30 天内");
    expect(describeCondition({ field: "riskTolerance", op: "isEmpty" }, customerFieldCatalog, "en")).toBe(
      "Risk tolerance is empty",
    );
    expect(fieldValueText(customerFieldCatalog.get("marketingConsent")!, false, "zh-CN")).toBe("否");
    expect(fieldValueText(customerFieldCatalog.get("city")!, undefined, "en")).toBe("—");
  });

  it("names every operator in both languages, differently", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const names = OPERATORS.map((op) => operatorLabel(op, locale));
      expect(new Set(names).size).toBe(OPERATORS.length);
      for (const n of names) expect(n.length).toBeGreaterThan(0);
    }
  });
});

describe("withColumn", () => {
  it("adds a column from values in row order (a Float64Array with NaN for missing), counting as the records would", () => {
    const records = [{ id: "A", age: 30 }, { id: "B", age: 50 }, { id: "C" }, { id: "D", age: 42 }];
    const definition: SegmentDefinition = {
      schemaVersion: 1,
      id: "s",
      name: "s",
      version: 1,
      rule: { field: "age", op: "gte", value: 40 },
    };
    const fromRecords = createColumnarTable(records as never[], customerFieldCatalog, { fields: ["age"] });
    const empty = { size: 4, ids: ["A", "B", "C", "D"], columns: new Map() };
    const added = withColumn(empty, customerFieldCatalog.get("age")!, Float64Array.from([30, 50, NaN, 42]));
    const a = evaluateColumnar(definition, customerFieldCatalog, fromRecords);
    const b = evaluateColumnar(definition, customerFieldCatalog, added);
    expect(b.ids).toEqual(["B", "D"]);
    expect(b.ids).toEqual(a.ids);
    expect(() => withColumn(empty, customerFieldCatalog.get("age")!, [1, 2])).toThrow(/2 values for a table of 4 rows/);
  });
});
