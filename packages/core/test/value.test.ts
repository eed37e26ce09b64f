import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeContribution,
  defaultContributionConfig,
  defaultValueScoreConfig,
  isInvalidArgumentError,
  mask,
  scoreCustomerValue,
  VALUE_FACTOR_INPUTS,
  type Holding,
} from "../src/index.js";
import { churnRisk } from "../src/analytics/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

const holding = (productType: Holding["productType"], amount: number, extra: Partial<Holding> = {}): Holding => ({
  id: `H-${productType}`,
  customerId: "CU1",
  productType,
  productCode: "P-1",
  accountNumber: "6217001234567890",
  balance: { amount, currency: "CNY" },
  openedAt: "2024-01-01",
  status: "active",
  ...(productType === "fund" ? { riskLevel: "R2" as const } : {}),
  ...extra,
});

const factor = (c: ReturnType<typeof computeContribution>, code: string) =>
  c.factors.find((f) => f.code === code)!.amount;

describe("computeContribution", () => {
  it("computes each factor by its formula", () => {
    const holdings = [
      holding("current_deposit", 10_000_000, { rate: 0.0005 }), // 100,000 CNY
      holding("mortgage", 100_000_000, { rate: 0.0305 }), // 1,000,000 CNY
      holding("fund", 20_000_000),
    ];
    const transactions = [
      { channel: "branch_counter" as const, fee: { amount: 500, currency: "CNY" } },
      { channel: "mobile_app" as const },
    ];
    const c = computeContribution({ id: "CU1" }, holdings, transactions, defaultContributionConfig, [
      { channel: "visit" },
    ]);
    expect(factor(c, "depositSpread")).toBe(Math.round(10_000_000 * (0.015 - 0.0005)));
    expect(factor(c, "loanMargin")).toBe(Math.round(100_000_000 * (0.0305 - 0.023)));
    expect(factor(c, "expectedLoss")).toBe(-Math.round(0.005 * 0.25 * 100_000_000));
    expect(factor(c, "productFees")).toBe(Math.round(20_000_000 * 0.008));
    expect(factor(c, "transactionFees")).toBe(500);
    expect(factor(c, "costToServe")).toBe(-(1200 + 10 + 8000 + 3 * 2000));
    expect(c.total.amount).toBe(c.factors.reduce((s, f) => s + f.amount, 0));
  });

  it("annualises activity over the period and lists holdings in other currencies", () => {
    const quarter = { ...defaultContributionConfig, periodMonths: 3 };
    const c = computeContribution(
      { id: "CU1" },
      [holding("current_deposit", 0, { balance: { amount: 100, currency: "USD" } })],
      [{ channel: "atm" }],
      quarter,
    );
    expect(factor(c, "costToServe")).toBe(-250 * 4);
    expect(c.skippedHoldings).toEqual(["H-current_deposit"]);
  });

  it("is neutral for a customer with nothing, and never NaN", () => {
    const c = computeContribution({ id: "CU1" }, [], []);
    expect(c.total.amount).toBe(0);
    const weird = computeContribution(
      { id: "CU1" },
      [holding("time_deposit", Number.NaN, { rate: Number.POSITIVE_INFINITY })],
      [{ channel: "pos", fee: { amount: Number.NaN, currency: "CNY" } }],
    );
    expect(Number.isFinite(weird.total.amount)).toBe(true);
  });
});

describe("scoreCustomerValue", () => {
  it("explains the score factor by factor; the points add up to the score", () => {
    const v = scoreCustomerValue({
      aum: 20_000_000,
      contribution: 200_000,
      productCount: 3,
      tenureYears: 5,
      engagement: 10,
      lifetimeValue: 300_000,
    });
    expect(v.score).toBe(50);
    for (const f of v.factors) expect(f.normalized).toBeCloseTo(0.5, 12);
    expect(v.factors.reduce((s, f) => s + f.points, 0)).toBeCloseTo(50, 10);
  });

  it("stays within 0–100 for any input, never NaN, and flags missing inputs", () => {
    const num = fc.oneof(fc.double(), fc.constant(undefined));
    fc.assert(
      fc.property(
        fc.record({
          aum: num,
          contribution: num,
          productCount: num,
          tenureYears: num,
          engagement: num,
          lifetimeValue: num,
        }),
        (inputs) => {
          const v = scoreCustomerValue(inputs);
          expect(v.score).toBeGreaterThanOrEqual(0);
          expect(v.score).toBeLessThanOrEqual(100);
          for (const f of v.factors)
            expect(f.missing).toBe(
              inputs[VALUE_FACTOR_INPUTS[f.code]] === undefined || !Number.isFinite(f.value ?? NaN),
            );
        },
      ),
    );
  });

  it("is monotone in every factor", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e10, noNaN: true }),
        fc.double({ min: 0, max: 1e10, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(scoreCustomerValue({ aum: lo }).score).toBeLessThanOrEqual(scoreCustomerValue({ aum: hi }).score);
        },
      ),
    );
  });

  it("refuses weights that cannot be normalised", () => {
    try {
      scoreCustomerValue(
        {},
        {
          ...defaultValueScoreConfig,
          weights: { aum: 0, contribution: 0, productDepth: 0, tenure: 0, engagement: 0, lifetimeValue: 0 },
        },
      );
      expect.unreachable();
    } catch (error) {
      expect(isInvalidArgumentError(error)).toBe(true);
    }
  });

  it("never sees masked data: scoring a demo customer uses numbers only, so masking cannot leak into its output", () => {
    const p = generateDemoPortfolio({ seed: "value-test", customers: 30, months: 3 });
    for (const customer of p.customers) {
      const holdings = p.holdings.filter((h) => h.customerId === customer.id);
      const c = computeContribution(
        customer,
        holdings,
        p.transactions.filter((t) => t.customerId === customer.id),
        { ...defaultContributionConfig, periodMonths: 3 },
      );
      const text = JSON.stringify([
        c,
        scoreCustomerValue({ contribution: c.total.amount, productCount: holdings.length }),
      ]);
      expect(text).not.toContain("*");
      if (customer.contact.mobile) expect(text).not.toContain(mask(customer.contact.mobile, "mobile"));
    }
  });
});

describe("churnRisk", () => {
  it("combines signals by noisy-OR with the reasons, strongest first", () => {
    const r = churnRisk({
      probabilityAlive: 0.5,
      daysSinceLastTransaction: 200,
      balanceRatio: 0.4,
      recentComplaints: 1,
    });
    expect(r.risk).toBeCloseTo(1 - 0.5 * 0.6 * 0.7 * 0.85, 12);
    expect(r.level).toBe("high");
    expect(r.reasons.map((x) => x.code)).toEqual(["modelDropout", "inactive180", "balanceCollapsing", "complaint"]);
  });

  it("is low with no signals, ignores non-finite ones, and grows with each signal", () => {
    expect(churnRisk({})).toEqual({ risk: 0, level: "low", reasons: [] });
    expect(churnRisk({ probabilityAlive: Number.NaN, daysSinceLastTransaction: Infinity })).toEqual({
      risk: 0,
      level: "low",
      reasons: [],
    });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 400 }), (p, days) => {
        const base = churnRisk({ probabilityAlive: p, daysSinceLastTransaction: days });
        expect(base.risk).toBeGreaterThanOrEqual(0);
        expect(base.risk).toBeLessThanOrEqual(1);
        expect(
          churnRisk({ probabilityAlive: p, daysSinceLastTransaction: days, recentComplaints: 3 }).risk,
        ).toBeGreaterThanOrEqual(base.risk);
      }),
    );
  });
});

describe("computeContribution with pre-aggregated activity", () => {
  it("gives the same result for per-channel counts as for the raw transactions", () => {
    const raw = [
      { channel: "atm" as const, fee: { amount: 200, currency: "CNY" } },
      { channel: "atm" as const },
      { channel: "mobile_app" as const },
    ];
    const aggregated = [
      { channel: "atm" as const, count: 2, fee: { amount: 200, currency: "CNY" } },
      { channel: "mobile_app" as const, count: 1 },
    ];
    expect(computeContribution({ id: "a" }, [], aggregated)).toEqual(computeContribution({ id: "a" }, [], raw));
  });
});
