import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignTier,
  computeAum,
  defaultTierConfig,
  isInvalidArgumentError,
  type Holding,
  normalizedWeights,
  defaultValueScoreConfig,
  scoreCustomerValue,
} from "../src/index.js";
import { TIERS } from "../src/vocabulary.js";
import { tierAssigner } from "../src/scoring/tier.js";
import { valueScoreOnly } from "../src/scoring/value-score.js";

const h = (id: string, productType: Holding["productType"], amount: number, extra: Partial<Holding> = {}) =>
  ({ id, productType, balance: { amount, currency: "CNY" }, status: "active", ...extra }) as Pick<
    Holding,
    "id" | "productType" | "balance" | "status"
  >;

describe("AUM", () => {
  it("adds deposits and investments, leaves out credit products and closed holdings", () => {
    const result = computeAum([
      h("a", "current_deposit", 100_00),
      h("b", "time_deposit", 5_000_00),
      h("c", "fund", 2_000_00),
      h("d", "mortgage", 900_000_00),
      h("e", "credit_card", 3_000_00),
      h("f", "wealth_management", 7_000_00, { status: "closed" }),
    ]);
    expect(result.total).toEqual({ amount: 7_100_00, currency: "CNY" });
    expect(result.byProductType).toEqual({ current_deposit: 100_00, time_deposit: 5_000_00, fund: 2_000_00 });
  });

  it("converts foreign currencies only with a rate, and lists the rest", () => {
    const holdings = [
      h("a", "current_deposit", 100_00),
      { ...h("b", "current_deposit", 10_00), balance: { amount: 10_00, currency: "USD" } },
    ];
    expect(computeAum(holdings).unconverted).toEqual(["b"]);
    expect(computeAum(holdings, { fxRates: { USD: 7.1 } }).total.amount).toBe(171_00);
  });

  it("is zero for an empty portfolio and ignores negative asset balances", () => {
    expect(computeAum([]).total.amount).toBe(0);
    expect(computeAum([h("a", "current_deposit", -500)]).total.amount).toBe(0);
  });
});

describe("tiers", () => {
  it("use the default thresholds, private banking from 6,000,000 CNY, with the reason", () => {
    expect(assignTier({ aum: { amount: 600_000_000, currency: "CNY" } }).tier).toBe("private");
    expect(assignTier({ aum: { amount: 599_999_999, currency: "CNY" } }).tier).toBe("diamond");
    expect(assignTier({ aum: { amount: 4_000_000, currency: "CNY" } })).toEqual({
      tier: "standard",
      aum: { amount: 4_000_000, currency: "CNY" },
      threshold: 0,
      next: { tier: "gold", threshold: 5_000_000, gap: 1_000_000 },
    });
    expect(assignTier({ aum: { amount: 700_000_000, currency: "CNY" } }).next).toBeUndefined();
  });

  it("are monotone in AUM", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2_000_000_000 }), fc.nat({ max: 2_000_000_000 }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const tLo = TIERS.indexOf(assignTier({ aum: { amount: lo, currency: "CNY" } }).tier);
        const tHi = TIERS.indexOf(assignTier({ aum: { amount: hi, currency: "CNY" } }).tier);
        expect(tLo).toBeLessThanOrEqual(tHi);
      }),
    );
  });

  it("reject a config whose thresholds do not rise, and a currency mismatch", () => {
    const bad = { ...defaultTierConfig, thresholds: { ...defaultTierConfig.thresholds, gold: 0 } };
    for (const run of [
      () => assignTier({ aum: { amount: 1, currency: "CNY" } }, bad),
      () => assignTier({ aum: { amount: 1, currency: "USD" } }),
    ]) {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(isInvalidArgumentError(error)).toBe(true);
      }
    }
  });
});

describe("the book's lean paths give the public functions' answers", () => {
  it("tierAssigner: assignTier's tier and next tier, for any amount", () => {
    const tierOf = tierAssigner();
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e9, max: 1e12 }), fc.constantFrom(0, NaN, Infinity)), (amount) => {
        const full = assignTier({ aum: { amount, currency: "CNY" } });
        const lean = tierOf(amount);
        expect(lean.tier).toBe(full.tier);
        expect(lean.next).toEqual(full.next ? { tier: full.next.tier, gap: full.next.gap } : undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it("valueScoreOnly: scoreCustomerValue's score, to the last bit", () => {
    const weights = normalizedWeights(defaultValueScoreConfig);
    const figure = fc.option(fc.oneof(fc.double({ min: -1e9, max: 1e12, noNaN: true }), fc.constant(NaN)), {
      nil: undefined,
    });
    fc.assert(
      fc.property(
        figure,
        figure,
        figure,
        figure,
        figure,
        figure,
        (aum, contribution, productCount, tenureYears, engagement, lifetimeValue) => {
          const inputs = {
            aum: aum ?? 0,
            contribution: contribution ?? 0,
            productCount: productCount ?? 0,
            tenureYears: tenureYears ?? 0,
            engagement: engagement ?? 0,
            ...(lifetimeValue !== undefined ? { lifetimeValue } : {}),
          };
          expect(valueScoreOnly(inputs, defaultValueScoreConfig, weights)).toBe(
            scoreCustomerValue(inputs, defaultValueScoreConfig, weights).score,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
