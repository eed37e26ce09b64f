/** Campaign audiences, hold-out control groups and effectiveness — hand-computed cases. */
import { describe, expect, it } from "vitest";
import {
  BankcrmInvalidArgumentError,
  assignControlGroup,
  campaignAudience,
  campaignEffectiveness,
  type Customer,
} from "../src/index.js";
import { generateDemoCustomers } from "../src/demo/index.js";
import { normalCdf, twoProportionTest, wilsonInterval } from "../src/marketing/index.js";

describe("the statistics", () => {
  it("Φ agrees with the normal distribution to 1e-7", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 7);
  });
  it("gives the Wilson interval of 10 in 100 and the two-proportion test of 6% against 4% of 1,000", () => {
    const w = wilsonInterval(10, 100);
    expect(w.low).toBeCloseTo(0.0552291370606751, 9);
    expect(w.high).toBeCloseTo(0.17436566150491345, 9);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    const t = twoProportionTest(60, 1000, 40, 1000);
    expect(t.difference).toBeCloseTo(0.02, 12);
    expect(t.z).toBeCloseTo(2.051956704170308, 9);
    expect(t.pValue).toBeCloseTo(0.04017387028851216, 6);
    expect(t.interval.low).toBeCloseTo(0.0009167535203833052, 9);
    expect(t.interval.high).toBeCloseTo(0.039083246479616696, 9);
    expect(() => wilsonInterval(5, 4)).toThrow(BankcrmInvalidArgumentError);
  });
});

describe("the statistics against published worked examples", () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven methods",
  // Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score, no continuity correction), to 4 places.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("gives Newcombe's Wilson interval for %i of %i", (x, n, low, high) => {
    const w = wilsonInterval(x, n);
    expect(Math.abs(w.low - low)).toBeLessThan(0.00005);
    expect(Math.abs(w.high - high)).toBeLessThan(0.00005);
  });
  it("gives statsmodels' proportions_ztest([5, 12], [83, 99]): z = −1.408, p = 0.159", () => {
    const t = twoProportionTest(5, 83, 12, 99);
    expect(t.z).toBeCloseTo(-1.4078, 4);
    expect(t.pValue).toBeCloseTo(0.1592, 4);
  });
});

describe("campaignAudience", () => {
  const base = generateDemoCustomers({ seed: "audience", count: 6 }).filter((c) => c.kind === "individual");
  const at = "2026-11-01T00:00:00.000Z";
  const withConsents = (c: Customer, consents: Customer["consents"]): Customer => ({
    ...c,
    status: "active",
    consents,
  });
  const grant = (channel: "sms" | "all", granted = true, recordedAt = at) => ({
    purpose: "marketing" as const,
    channel,
    granted,
    textVersion: "v1",
    recordedAt,
  });
  it("keeps consenting members, and says why each other member is left out", () => {
    const [a, b, c, d, e] = base;
    const customers = [
      withConsents(a!, [grant("sms")]), // in
      withConsents(b!, []), // no consent
      withConsents(c!, [grant("all"), grant("all", false, "2026-11-20T00:00:00.000Z")]), // withdrawn later
      withConsents(d!, [grant("all")]), // contacted twice in 30 days
      { ...withConsents(e!, [grant("sms")]), status: "closed" as const },
    ];
    const audience = campaignAudience(() => true, customers, {
      channel: "sms",
      asOf: "2026-11-30T00:00:00.000Z",
      contacts: [
        { customerId: d!.id, at: "2026-11-10T00:00:00.000Z" },
        { customerId: d!.id, at: "2026-11-25T00:00:00.000Z" },
        { customerId: a!.id, at: "2026-10-01T00:00:00.000Z" }, // outside the window
      ],
    });
    expect(audience.members).toEqual([a!.id]);
    expect(audience.excluded).toEqual([
      { customerId: b!.id, reason: "noConsent" },
      { customerId: c!.id, reason: "consentWithdrawn" },
      { customerId: d!.id, reason: "frequencyCap" },
      { customerId: e!.id, reason: "closed" },
    ]);
    const dnc = campaignAudience(() => true, [customers[0]!], {
      channel: "sms",
      asOf: "2026-11-30",
      doNotContact: new Set([a!.id]),
    });
    expect(dnc.excluded).toEqual([{ customerId: a!.id, reason: "doNotContact" }]);
    // Only the segment's members are considered at all.
    expect(campaignAudience((x) => x.id === b!.id, customers, { channel: "sms", asOf: "2026-11-30" }).members).toEqual(
      [],
    );
  });
});

describe("assignControlGroup", () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `CU${String(i).padStart(8, "0")}`);
  it("puts the same customer in the same group every time, whatever else is in the list", () => {
    const all = assignControlGroup(ids, { campaignId: "CP-1", share: 0.1 });
    const some = assignControlGroup(ids.slice(5000), { campaignId: "CP-1", share: 0.1 });
    const control = new Set(all.control);
    expect(some.control.every((id) => control.has(id))).toBe(true);
    expect(some.target.every((id) => !control.has(id))).toBe(true);
    // About a tenth: within four standard deviations of 1,000 (σ = 30).
    expect(Math.abs(all.control.length - 1000)).toBeLessThan(120);
    expect(all.control.length + all.target.length).toBe(10_000);
    // Another campaign, another split.
    const other = new Set(assignControlGroup(ids, { campaignId: "CP-2", share: 0.1 }).control);
    expect(all.control.filter((id) => other.has(id)).length).toBeLessThan(200);
    expect(() => assignControlGroup(ids, { campaignId: "CP-1", share: 1 })).toThrow(BankcrmInvalidArgumentError);
  });
});

describe("campaignEffectiveness", () => {
  it("measures the funnel, the uplift over the control group, incremental revenue, cost per conversion and ROI", () => {
    const targeted = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];
    const r = (
      customerId: string,
      type: "sent" | "delivered" | "opened" | "responded" | "converted" | "bounced",
      channel: "sms" | "wechat" = "sms",
    ) => ({
      customerId,
      channel,
      type,
    });
    const effect = campaignEffectiveness(
      { id: "CP-1", budget: { amount: 20_000, currency: "CNY" } },
      {
        targeted,
        responses: [
          r("A", "sent"),
          r("A", "delivered"),
          r("A", "converted"),
          r("B", "responded", "wechat"),
          r("C", "opened"),
          r("D", "delivered"),
          r("E", "bounced"),
          r("F", "sent"),
          r("Z", "converted"), // not in the treatment group
        ],
        control: { size: 10, conversions: 0 },
        revenuePerConversion: 50_000,
      },
    );
    expect(effect.funnel.map((f) => [f.stage, f.count])).toEqual([
      ["targeted", 10],
      ["delivered", 4],
      ["contacted", 3],
      ["responded", 2],
      ["converted", 1],
    ]);
    expect(effect.funnel[4]!.interval.low).toBeCloseTo(wilsonInterval(1, 10).low, 12);
    expect(effect.uplift.difference).toBeCloseTo(0.1, 12);
    expect(effect.incrementalConversions).toBeCloseTo(1, 12);
    expect(effect.incrementalRevenue).toBe(50_000);
    expect(effect.cost).toBe(20_000);
    expect(effect.costPerConversion).toBe(20_000);
    expect(effect.roi).toBeCloseTo(1.5, 12);
    expect(effect.channels).toEqual([
      { channel: "sms", targeted: 5, converted: 1, rate: 0.2 },
      { channel: "wechat", targeted: 1, converted: 0, rate: 0 },
    ]);
  });
});
