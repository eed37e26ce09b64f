import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInvalidArgumentError } from "../src/index.js";
import { mineAssociationRules } from "../src/analytics/index.js";
import { groceries } from "./support/fixtures.js";

describe("mineAssociationRules (arules semantics)", () => {
  it("finds the 463 rules of Groceries at support 0.006, confidence 0.25, minimum length 2", () => {
    const rules = mineAssociationRules(groceries(), { minSupport: 0.006, minConfidence: 0.25, minLength: 2 });
    expect(rules).toHaveLength(463);
    expect(rules[0]).toMatchObject({ antecedent: ["herbs"], consequent: "root vegetables", count: 69 });
    expect(rules[0]!.lift).toBeCloseTo(3.956477, 5);
    for (const r of rules) {
      expect(r.support).toBeGreaterThanOrEqual(0.006 - 1e-12);
      expect(r.confidence).toBeGreaterThanOrEqual(0.25);
      expect(r.antecedent.length + 1).toBeGreaterThanOrEqual(2);
    }
  });

  it("matches arules' own small test: 18 rules, empty antecedents included", () => {
    const baskets = [
      ["a", "b", "c"],
      ["a", "b"],
      ["a", "b", "d"],
      ["b", "e"],
      ["a", "c"],
      ["c", "e"],
      ["a", "b", "d", "e"],
    ];
    const rules = mineAssociationRules(baskets, { minSupport: 0.25, minConfidence: 0 });
    expect(rules).toHaveLength(18);
    expect(
      rules
        .filter((r) => r.antecedent.length === 0)
        .map((r) => r.consequent)
        .sort(),
    ).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("agrees with brute-force counting on random baskets", () => {
    const basket = fc.uniqueArray(fc.constantFrom<string>("a", "b", "c", "d", "e", "f"), { maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(basket, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(0.1, 0.2, 0.34),
        (baskets, minSupport) => {
          const rules = mineAssociationRules(baskets, { minSupport, minConfidence: 0.3, minLength: 2 });
          const count = (items: string[]) => baskets.filter((b) => items.every((i) => b.includes(i))).length;
          const minCount = Math.ceil(minSupport * baskets.length - 1e-9);
          for (const r of rules) {
            const all = [...r.antecedent, r.consequent];
            expect(r.count).toBe(count(all));
            expect(r.count).toBeGreaterThanOrEqual(minCount);
            expect(r.confidence).toBeCloseTo(count(all) / count(r.antecedent), 12);
          }
          // Every qualifying two-item rule is found.
          const items = ["a", "b", "c", "d", "e", "f"];
          for (const x of items)
            for (const y of items) {
              if (x === y) continue;
              const both = count([x, y]);
              const qualifies = both >= minCount && both > 0 && both / count([x]) >= 0.3;
              expect(rules.some((r) => r.antecedent.length === 1 && r.antecedent[0] === x && r.consequent === y)).toBe(
                qualifies,
              );
            }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("refuses out-of-range options", () => {
    for (const options of [
      { minSupport: 0, minConfidence: 0.5 },
      { minSupport: 0.1, minConfidence: 2 },
      { minSupport: 0.1, minConfidence: 0.5, minLength: 0 },
    ]) {
      try {
        mineAssociationRules([["a"]], options);
        expect.unreachable();
      } catch (error) {
        expect(isInvalidArgumentError(error)).toBe(true);
      }
    }
    expect(mineAssociationRules([], { minSupport: 0.1, minConfidence: 0.1 })).toEqual([]);
  });
});
