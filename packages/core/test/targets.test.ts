/** Targets set and allocated, achievement from what was sold (seller at the time, referrals, teams, activations), rank and commission. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  allocateTarget,
  BankcrmInvalidArgumentError,
  computeAchievement,
  firstUse,
  quarterOf,
  salesOf,
  salesPerformance,
  SalesTargetSchema,
  type Holding,
  type SalesTarget,
} from "../src/index.js";

const period = { periodStart: "2026-10-01", periodEnd: "2026-12-31" };
const target = (id: string, metric: SalesTarget["metric"], value: number, owner: Partial<SalesTarget> = {}) =>
  SalesTargetSchema.parse({ id, branchId: "B1", metric, ...period, target: value, ...owner });
const holding = (
  id: string,
  customerId: string,
  productType: Holding["productType"],
  amount: number,
  openedAt: string,
  extra: Partial<Holding> = {},
): Holding => ({
  id,
  customerId,
  productType,
  productCode: "P-1",
  accountNumber: "6222020000000000",
  ...(productType === "fund" ? { riskLevel: "R3" as const } : {}),
  balance: { amount, currency: "CNY" },
  openedAt,
  status: "active",
  ...extra,
});
const customers = [
  // C1's book moved from RM1 to RM2 in December: what RM1 sold before stays RM1's.
  { id: "C1", onboardedAt: "2020-01-01", relationshipManagerId: "RM2", branchId: "B1" },
  { id: "C2", onboardedAt: "2026-11-02", relationshipManagerId: "RM2", branchId: "B1" },
  { id: "C3", onboardedAt: "2026-11-03", relationshipManagerId: "RM3", branchId: "B2" },
];
const staff = [
  { id: "RM1", teamId: "TM-A" },
  { id: "RM2", teamId: "TM-A" },
  { id: "RM3", teamId: "TM-B" },
];

describe("a target record", () => {
  it("keeps only the target: achieved is computed, and a target is one RM's, one team's or the branch's", () => {
    expect(SalesTargetSchema.parse({ ...target("T", "new_customers", 1), achieved: 3 })).not.toHaveProperty("achieved");
    const both = SalesTargetSchema.safeParse({ ...target("T", "new_customers", 1), staffId: "RM1", teamId: "TM-A" });
    expect(both.success).toBe(false);
    expect(
      SalesTargetSchema.safeParse({ id: "T", branchId: "B1", metric: "aum_growth", ...period, target: 1 }).success,
    ).toBe(false);
  });
});

describe("allocateTarget", () => {
  const branch = target("TB", "product_sales_count", 10);
  it("splits by weight so the parts add up exactly, the remainder to the largest fractions", () => {
    const parts = allocateTarget(branch, [
      { staffId: "RM1", weight: 1 },
      { staffId: "RM2", weight: 1 },
      { staffId: "RM3", weight: 1 },
    ]);
    expect(parts.map((p) => [p.id, p.staffId, p.target, p.parentId])).toEqual([
      ["TB.RM1", "RM1", 4, "TB"], // 3.33…: ties go to the first
      ["TB.RM2", "RM2", 3, "TB"],
      ["TB.RM3", "RM3", 3, "TB"],
    ]);
    expect(
      allocateTarget(branch, [
        { staffId: "RM1", weight: 1 },
        { staffId: "RM2", weight: 3 },
      ]).map((p) => p.target),
    ).toEqual([3, 7]);
    for (const p of parts) expect(SalesTargetSchema.safeParse(p).success).toBe(true);
  });
  it("sums to the parent for any weights (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (value, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocateTarget(
            { ...branch, target: value },
            weights.map((weight, i) => ({ staffId: `RM${i}`, weight })),
          );
          expect(parts.reduce((s, p) => s + p.target, 0)).toBe(value);
          parts.forEach((p, i) =>
            expect(Math.abs(p.target - (value * weights[i]!) / weights.reduce((a, b) => a + b))).toBeLessThan(1),
          );
        },
      ),
    );
  });
  it("refuses what cannot be split", () => {
    expect(() => allocateTarget(branch, [])).toThrow(BankcrmInvalidArgumentError);
    expect(() => allocateTarget(branch, [{ staffId: "RM1", weight: 0 }])).toThrow(BankcrmInvalidArgumentError);
    expect(() =>
      allocateTarget(branch, [
        { staffId: "RM1", weight: -1 },
        { staffId: "RM2", weight: 2 },
      ]),
    ).toThrow(BankcrmInvalidArgumentError);
    expect(() =>
      allocateTarget(target("T", "new_customers", 3, { staffId: "RM1" }), [{ staffId: "RM1", weight: 1 }]),
    ).toThrow(BankcrmInvalidArgumentError);
  });
});

describe("achievement from what was sold", () => {
  const holdings = [
    holding("H1", "C1", "fund", 1_000_000, "2026-11-05", { soldBy: "RM1" }), // sold by RM1 before the book moved
    holding("H2", "C1", "time_deposit", 500_000, "2026-12-05"), // no seller kept: the RM now (RM2)
    holding("H3", "C2", "credit_card", 0, "2026-11-10", { soldBy: "RM2", referredBy: "RM3" }),
    holding("H4", "C2", "fund", 200_000, "2026-11-20", { soldBy: "RM2", closedAt: "2026-12-01" }),
    holding("H5", "C3", "insurance", 80_000, "2026-09-30", { soldBy: "RM3" }), // before the period
  ];
  const sales = salesOf(holdings, customers);
  const activations = firstUse([
    { holdingId: "H3", at: "2026-12-02T10:00:00+08:00" },
    { holdingId: "H3", at: "2026-11-28T10:00:00+08:00" },
  ]);
  const facts = { customers, sales, activations, staff };

  it("credits the seller of record on the day, and the referrer their configured share", () => {
    const targets = [
      target("A", "product_sales_count", 4, { staffId: "RM1" }),
      target("B", "product_sales_count", 4, { staffId: "RM2" }),
      target("C", "product_sales_count", 4, { staffId: "RM3" }),
      target("D", "product_sales_amount", 1, { staffId: "RM2", productTypes: ["fund"], currency: "CNY" }),
      target("E", "card_activations", 1, { staffId: "RM2" }),
      target("F", "wealth_sales", 1, { teamId: "TM-A", currency: "CNY" }),
      target("G", "product_sales_count", 1), // the branch's: every sale of its customers
    ];
    const closer = computeAchievement(targets, facts, { asOf: "2026-12-31" });
    expect(closer.map((a) => a.achieved)).toEqual([1, 3, 0, 200_000, 1, 1_200_000, 4]);
    const split = computeAchievement(targets, facts, { asOf: "2026-12-31", referralShare: 0.4 });
    // H3 was referred by RM3: RM2 keeps 0.6 of it, RM3 gets 0.4.
    expect(split.map((a) => a.achieved)).toEqual([1, 2.6, 0.4, 200_000, 0.6, 1_200_000, 4]);
    expect(() => computeAchievement(targets, facts, { asOf: "2026-12-31", referralShare: 2 })).toThrow(
      BankcrmInvalidArgumentError,
    );
  });

  it("counts a card when it is first used, and a closed holding's balance out of AUM growth", () => {
    const november = { periodStart: "2026-11-01", periodEnd: "2026-11-30" };
    const [activated] = computeAchievement(
      [target("E", "card_activations", 1, { staffId: "RM2", ...november })],
      facts,
      { asOf: "2026-12-31" },
    );
    expect(activated!.achieved).toBe(1); // first used 28 November (the 2 December use is not the first)
    const perf = salesPerformance({
      targets: [target("AUM", "aum_growth", 1, { teamId: "TM-A", currency: "CNY" })],
      customers,
      holdings,
      staff,
      asOf: "2026-12-31",
    });
    // C1 and C2 are RM2's (team A): H1 + H2 + H4 opened, H4 closed in December; H3 is a card (not AUM).
    expect(perf.achievements[0]!.achieved).toBe(1_000_000 + 500_000 + 200_000 - 200_000);
  });
});

describe("salesPerformance", () => {
  const holdings = [
    holding("H1", "C1", "fund", 1_000_000, "2026-11-05", { soldBy: "RM1" }),
    holding("H2", "C2", "fund", 2_000_000, "2026-11-06", { soldBy: "RM2" }),
    holding("H3", "C2", "fund", 3_000_000, "2026-11-07", { soldBy: "RM2", closedAt: "2026-11-20" }),
  ];
  const targets = [
    target("W1", "wealth_sales", 4_000_000, { staffId: "RM1", currency: "CNY" }),
    target("W2", "wealth_sales", 4_000_000, { staffId: "RM2", currency: "CNY" }),
    target("N1", "new_customers", 2, { staffId: "RM1" }),
  ];
  const scheme = { products: { fund: { rateBp: 100 } }, clawbackDays: 30 };
  const perf = salesPerformance({ targets, customers, holdings, staff, scheme, asOf: "2026-11-30" });

  it("ranks RMs with the same metric and period by how far along they are", () => {
    expect(perf.achievements.map((a) => [a.targetId, a.achieved, a.rank, a.of])).toEqual([
      ["W1", 1_000_000, 2, 2],
      ["W2", 5_000_000, 1, 2],
      ["N1", 0, 1, 1],
    ]);
  });

  it("pays commission on the quarter's sales, nothing on one closed within the clawback days", () => {
    expect(perf).toMatchObject(quarterOf("2026-11-30"));
    expect(perf.periodStart).toBe("2026-10-01");
    expect(perf.commission.map((c) => [c.staffId, c.net])).toEqual([
      ["RM2", 20_000], // 1% of H2; H3 closed after 13 days
      ["RM1", 10_000],
    ]);
    expect(salesPerformance({ targets, customers, holdings, asOf: "2026-11-30" }).commission).toEqual([]);
  });
});

describe("quarterOf", () => {
  it("gives the calendar quarter of a day", () => {
    expect(quarterOf("2026-02-14")).toEqual({ periodStart: "2026-01-01", periodEnd: "2026-03-31" });
    expect(quarterOf("2024-12-31")).toEqual({ periodStart: "2024-10-01", periodEnd: "2024-12-31" });
  });
});
