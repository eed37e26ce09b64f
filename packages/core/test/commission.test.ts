/** Sales commission from what was sold — a hand-computed period: rates, a flat fee, a tier, a referral, a clawback, the cap. */
import { describe, expect, it } from "vitest";
import {
  BankcrmInvalidArgumentError,
  CommissionSchemeSchema,
  computeCommission,
  type CommissionScheme,
  type Sale,
} from "../src/index.js";
import { DEMO_COMMISSION_SCHEME } from "../src/demo/index.js";

const scheme: CommissionScheme = {
  products: { fund: { rateBp: 50 }, credit_card: { flat: 5_000 } },
  tiers: [{ from: 25_000_000, multiplier: 1.5 }],
  cap: 150_000,
  clawbackDays: 30,
  referralShare: 0.3,
};
const sale = (holdingId: string, over: Partial<Sale>): Sale => ({
  holdingId,
  productType: "fund",
  amount: 0,
  openedAt: "2026-11-01",
  sellerId: "RM-A",
  ...over,
});
const SALES: Sale[] = [
  sale("H1", { amount: 10_000_000, openedAt: "2026-11-02" }), // 0.5% of ¥100,000: ¥500
  sale("H2", { productType: "credit_card", openedAt: "2026-11-03" }), // a card: ¥50
  sale("H3", { amount: 20_000_000, openedAt: "2026-11-05", referrerId: "RM-B" }), // crosses ¥250,000: ×1.5, 30% to B
  sale("H4", { amount: 5_000_000, openedAt: "2026-11-10", closedAt: "2026-11-20" }), // closed in 10 days
  sale("H5", { amount: 10_000_000, openedAt: "2026-12-02", sellerId: "RM-B" }), // another period
];
const NOVEMBER = { periodStart: "2026-11-01", periodEnd: "2026-11-30" };

describe("computeCommission", () => {
  it("pays rates and fees, the tier from the sale that crosses it, the referrer's share; claws back; caps", () => {
    const [a, b] = computeCommission(scheme, SALES, { ...NOVEMBER, asOf: "2026-12-05" });
    expect(a).toMatchObject({
      staffId: "RM-A",
      sales: 4,
      sold: 35_000_000,
      gross: 160_000,
      net: 150_000,
      capped: true,
    });
    expect(a!.lines.map((l) => [l.holdingId, l.commission, l.clawedBack])).toEqual([
      ["H1", 50_000, false],
      ["H2", 5_000, false],
      ["H3", 105_000, false], // ¥1,000 × 1.5 = ¥1,500, less the referrer's 30%
      ["H4", 0, true],
    ]);
    expect(b).toMatchObject({ staffId: "RM-B", sales: 0, gross: 45_000, net: 45_000, capped: false });
    expect(b!.lines).toEqual([
      { holdingId: "H3", staffId: "RM-B", role: "referrer", commission: 45_000, clawedBack: false },
    ]);
  });

  it("counts a product as it stands on the day: closed later, it still earns today", () => {
    const [a] = computeCommission(scheme, SALES, { ...NOVEMBER, asOf: "2026-11-15" });
    expect(a!.lines.find((l) => l.holdingId === "H4")).toMatchObject({ commission: 37_500, clawedBack: false });
  });

  it("refuses a scheme it cannot pay by: a negative rate, tiers out of order, a share above one", () => {
    const at = { ...NOVEMBER, asOf: "2026-12-01" };
    for (const bad of [
      { products: { fund: { rateBp: -1 } } },
      {
        products: {},
        tiers: [
          { from: 10, multiplier: 1 },
          { from: 5, multiplier: 2 },
        ],
      },
      { products: {}, referralShare: 1.5 },
    ])
      expect(() => computeCommission(bad, SALES, at)).toThrow(BankcrmInvalidArgumentError);
  });

  it("reads a bank's scheme as configured: the shape checked, an unknown product or key refused", () => {
    expect(CommissionSchemeSchema.parse(scheme)).toEqual(scheme);
    expect(CommissionSchemeSchema.parse(DEMO_COMMISSION_SCHEME)).toEqual(DEMO_COMMISSION_SCHEME);
    for (const bad of [
      { products: { bitcoin: { rateBp: 10 } } },
      { products: { fund: { rateBp: 10, bonus: 1 } } },
      { products: {}, cap: -1 },
      { products: {}, clawbackDays: 1.5 },
      { products: {}, extra: true },
    ])
      expect(CommissionSchemeSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
