/**
 * A campaign measured from what customers did: who of each group reached the goal within the window, a customer
 * once; and, against the demo world's stated true effect, the measured uplift's 95% interval covering it in at least
 * 90% of 50 seeded launches.
 */
import { describe, expect, it } from "vitest";
import {
  collectionSchemas,
  derivedResponses,
  measureCampaign,
  planLaunch,
  validate,
  type CampaignMember,
} from "../src/index.js";
import { DEMO_CAMPAIGN_WORLD, demoCampaignOutcomes, generateDemoCustomers } from "../src/demo/index.js";
import { TIERS } from "../src/vocabulary.js";

const LAUNCH = "2026-11-02T02:00:00.000Z";
const member = (customerId: string, group: CampaignMember["group"]) => ({
  customerId,
  group,
  channel: "sms" as const,
  at: LAUNCH,
});
const campaign = { id: "CP-MEASURE", productType: "fund" as const, productRisk: "R3" as const, measureDays: 28 };

describe("measureCampaign", () => {
  const members = [
    ...Array.from({ length: 10 }, (_, i) => member(`T${i}`, "treatment")),
    ...Array.from({ length: 10 }, (_, i) => member(`C${i}`, "control")),
    member("X0", "excluded"),
  ];
  const opened = (customerId: string, openedAt: string, productType = "fund" as const) => ({
    customerId,
    productType,
    openedAt,
  });

  it("counts who opened the product within the window, once each, in both groups", () => {
    const holdings = [
      opened("T0", "2026-11-02"), // the launch day counts
      opened("T1", "2026-11-20"),
      opened("T1", "2026-11-21"), // twice: once
      opened("T2", "2026-11-30"), // the last day
      opened("T3", "2026-12-01"), // after the window
      opened("T4", "2026-10-30"), // before the launch
      { ...opened("T5", "2026-11-10"), productType: "insurance" as const }, // another product
      opened("C0", "2026-11-05"),
      opened("X0", "2026-11-05"), // excluded: in no group
    ];
    const m = measureCampaign(
      campaign,
      members,
      { holdings },
      { asOf: "2026-12-10T00:00:00Z", revenuePerConversion: 100 },
    );
    expect(m.goal).toEqual({ kind: "productOpened", productType: "fund" });
    expect(m.window).toEqual({ from: LAUNCH, to: "2026-11-30T02:00:00.000Z", complete: true });
    expect(m.treatment).toEqual({ size: 10, converted: 3 });
    expect(m.control).toEqual({ size: 10, converted: 1 });
    expect(m.effect!.uplift.difference).toBeCloseTo(0.2, 12);
    expect(m.effect!.incrementalConversions).toBeCloseTo(2, 12);
    // The responses the records show: the treated who converted, once, when first, valid records.
    const withIds = holdings.map((h, i) => ({ ...h, id: `H${i}` }));
    const responses = derivedResponses(campaign, members, { holdings: withIds }, { asOf: "2026-12-10T00:00:00Z" });
    expect(responses.map((r) => [r.id, r.at, r.convertedTo])).toEqual([
      ["CP-MEASURE--T0--converted", LAUNCH, "H0"],
      ["CP-MEASURE--T1--converted", "2026-11-20T00:00:00.000Z", "H1"],
      ["CP-MEASURE--T2--converted", "2026-11-30T00:00:00.000Z", "H3"],
    ]);
    for (const r of responses) expect(validate(collectionSchemas.campaignResponses, r, "en").success).toBe(true);
  });

  it("measures a transaction goal of at least an amount, and a window still open as far as today", () => {
    const goal = {
      kind: "transaction" as const,
      category: "investment_purchase" as const,
      minAmount: { amount: 100_000, currency: "CNY" },
    };
    const tx = (customerId: string, at: string, amount: number, category = "investment_purchase" as const) => ({
      customerId,
      category,
      at,
      amount: { amount, currency: "CNY" as const },
    });
    const transactions = [
      tx("T0", "2026-11-03T01:00:00Z", 200_000),
      tx("T1", "2026-11-03T01:00:00Z", 50_000), // too small
      tx("T2", "2026-11-12T01:00:00Z", 500_000), // after today
      tx("C0", "2026-11-04T01:00:00Z", 100_000),
    ];
    const m = measureCampaign(
      { ...campaign, goal },
      members,
      { holdings: [], transactions },
      {
        asOf: "2026-11-10T00:00:00.000Z",
        revenuePerConversion: 100,
      },
    );
    expect(m.window).toEqual({ from: LAUNCH, to: "2026-11-10T00:00:00.000Z", complete: false });
    expect(m.treatment.converted).toBe(1);
    expect(m.control.converted).toBe(1);
  });

  it("measures an AUM goal: AUM products opened less those closed in the window, at least the increase", () => {
    const goal = { kind: "aumGrowth" as const, minIncrease: { amount: 1_000_000, currency: "CNY" } };
    const held = (
      customerId: string,
      productType: "fund" | "mortgage" | "time_deposit",
      amount: number,
      openedAt: string,
      closedAt?: string,
    ) => ({
      customerId,
      productType,
      openedAt,
      balance: { amount, currency: "CNY" },
      ...(closedAt ? { closedAt } : {}),
    });
    const holdings = [
      held("T0", "fund", 600_000, "2026-11-05"),
      held("T0", "time_deposit", 400_000, "2026-11-06"), // together: ¥10,000 up
      held("T1", "fund", 2_000_000, "2026-11-05", "2026-11-20"), // opened and closed: no growth
      held("T2", "mortgage", 5_000_000, "2026-11-05"), // a loan is not AUM
      held("T3", "fund", 1_500_000, "2026-10-01", "2026-11-10"), // closed in the window: down
      held("T3", "fund", 2_000_000, "2026-11-11"), // ¥5,000 up net: short
      held("C0", "time_deposit", 1_000_000, "2026-11-29"),
    ];
    const m = measureCampaign(
      { ...campaign, goal },
      members,
      { holdings },
      { asOf: "2026-12-10T00:00:00Z", revenuePerConversion: 1 },
    );
    expect(m.treatment.converted).toBe(1);
    expect(m.control.converted).toBe(1);
  });

  it("reports the treated other campaigns reached in the window (overlap) and a control group they reached (contamination)", () => {
    const other = (
      campaignId: string,
      customerId: string,
      at: string,
      group: CampaignMember["group"] = "treatment",
    ) => ({ campaignId, customerId, group, at });
    const others = [
      other("CP-A", "T0", "2026-11-10T00:00:00Z"),
      other("CP-B", "T0", "2026-11-12T00:00:00Z"),
      other("CP-B", "T1", "2026-10-20T00:00:00Z"), // launched 13 days before: still working on them
      other("CP-C", "T2", "2026-09-01T00:00:00Z"), // long before: not counted
      other("CP-C", "T3", "2026-12-05T00:00:00Z"), // after the window
      other("CP-A", "C0", "2026-11-15T00:00:00Z"),
      other("CP-A", "C1", "2026-11-15T00:00:00Z", "control"), // held out there too: not reached
      other("CP-MEASURE", "C2", "2026-11-15T00:00:00Z"), // this campaign's own rows are not another's
    ];
    const m = measureCampaign(
      campaign,
      members,
      { holdings: [] },
      { asOf: "2026-12-10T00:00:00Z", revenuePerConversion: 1, others },
    );
    expect(m.overlap).toEqual({ treated: 2, campaigns: ["CP-A", "CP-B"] });
    expect(m.contamination).toEqual({ control: 1, share: 0.1 });
    expect(
      measureCampaign(campaign, members, { holdings: [] }, { asOf: "2026-12-10T00:00:00Z", revenuePerConversion: 1 })
        .overlap,
    ).toBeUndefined();
  });

  it("needs a goal (or a product) and a launch", () => {
    expect(() =>
      measureCampaign({ id: "X" }, members, { holdings: [] }, { asOf: LAUNCH, revenuePerConversion: 1 }),
    ).toThrow();
    expect(() => measureCampaign(campaign, [], { holdings: [] }, { asOf: LAUNCH, revenuePerConversion: 1 })).toThrow();
  });
});

describe("the demo world answers a campaign", () => {
  const base = generateDemoCustomers({ seed: "world", count: 50 });
  const audience = Array.from({ length: 4000 }, (_, i) => ({
    ...base[i % base.length]!,
    id: `CU${String(i).padStart(8, "0")}`,
    status: "active" as const,
    tier: TIERS[i % 5]!,
    riskTolerance: "C5" as const,
    riskAssessedAt: "2026-10-01",
    consents: [
      {
        purpose: "marketing" as const,
        channel: "all" as const,
        granted: true,
        textVersion: "v",
        recordedAt: "2026-01-01T00:00:00Z",
      },
    ],
  }));

  it("opens valid holdings, more of them as the demo clock runs, at the same days", () => {
    const { members } = planLaunch(
      { ...campaign, channels: ["sms"], requiredConsent: "marketing" },
      { customers: audience.slice(0, 500), holds: new Map(), contacts: [] },
      { at: LAUNCH },
    );
    const week = demoCampaignOutcomes(campaign, members, { days: 7 });
    const month = demoCampaignOutcomes(campaign, members, { days: 28 });
    expect(month.length).toBeGreaterThan(week.length);
    expect(month.filter((h) => week.some((w) => w.id === h.id && w.openedAt === h.openedAt))).toHaveLength(week.length);
    for (const h of month) expect(validate(collectionSchemas.holdings, h, "en").success).toBe(true);
    const excluded = new Set(members.filter((m) => m.group === "excluded").map((m) => m.customerId));
    expect(month.some((h) => excluded.has(h.customerId))).toBe(false);
  });

  it("is measured truly: the uplift's 95% interval holds the true effect in at least 45 of 50 seeded launches", () => {
    let covered = 0;
    const uplifts: number[] = [];
    for (let run = 0; run < 50; run++) {
      const c = { ...campaign, id: `CP-RUN-${run}`, channels: ["sms" as const], requiredConsent: "marketing" as const };
      const { members } = planLaunch(
        c,
        { customers: audience, holds: new Map(), contacts: [] },
        { at: LAUNCH, controlShare: 0.25 },
      );
      const holdings = demoCampaignOutcomes(c, members, { days: 28, seed: `run-${run}` });
      const m = measureCampaign(c, members, { holdings }, { asOf: "2026-12-31T00:00:00Z", revenuePerConversion: 100 });
      const { low, high } = m.effect!.uplift.interval;
      if (low <= DEMO_CAMPAIGN_WORLD.trueUplift && DEMO_CAMPAIGN_WORLD.trueUplift <= high) covered++;
      uplifts.push(m.effect!.uplift.difference);
    }
    expect(covered).toBeGreaterThanOrEqual(45);
    // And the estimate is centred on the truth: the mean of 50 is within a point of it.
    const mean = uplifts.reduce((a, b) => a + b, 0) / uplifts.length;
    expect(Math.abs(mean - DEMO_CAMPAIGN_WORLD.trueUplift)).toBeLessThan(0.01);
  });
});
