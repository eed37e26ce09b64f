import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSegment, createColumnarTable, evaluateColumnar } from "../src/index.js";
import { catalog, now, row, rule, segment } from "./support/segment-arbitraries.js";

describe("evaluateColumnar", () => {
  it("selects exactly what compileSegment selects, for random segments over random rows", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 300 }), rule, (rows, r) => {
        const records = rows.map((x, i) => ({ ...x, id: `c${i}` }));
        const def = segment(r);
        const predicate = compileSegment(def, catalog, { now });
        const expected = records.filter((x) => predicate(x)).map((x) => x.id);
        const result = evaluateColumnar(def, catalog, createColumnarTable(records, catalog), { now });
        expect(result.ids).toEqual(expected);
        expect(result.count).toBe(expected.length);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees on tables large enough to order an all by sampled selectivity and finish it row by row", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 100 }),
        fc.array(rule, { minLength: 2, maxLength: 5 }),
        (rows, rules) => {
          // 3,000 rows, tiled: past the size where an all samples its rules' pass rates.
          const records = Array.from({ length: 3000 }, (_, i) => ({ ...rows[(i * 7) % rows.length]!, id: `c${i}` }));
          const def = segment({ all: rules });
          const predicate = compileSegment(def, catalog, { now });
          const expected = records.filter((x) => predicate(x)).map((x) => x.id);
          const result = evaluateColumnar(def, catalog, createColumnarTable(records, catalog), { now });
          expect(result.ids).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("keeps NOT within the table's rows (no phantom rows in the last word)", () => {
    const records = Array.from({ length: 33 }, (_, i) => ({ id: `c${i}`, n: i }));
    const table = createColumnarTable(records, catalog, { fields: ["n"] });
    const result = evaluateColumnar(segment({ not: { field: "n", op: "lt", value: 0 } }), catalog, table, {
      countOnly: true,
    });
    expect(result.count).toBe(33);
    expect(result.ids).toEqual([]);
  });
});
