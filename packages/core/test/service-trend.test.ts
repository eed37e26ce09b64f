import { describe, expect, it } from "vitest";
import { BankcrmInvalidArgumentError, type ServiceCase } from "../src/index.js";
import { serviceTrend } from "../src/service/index.js";

const bj = (day: string) => new Date(`2026-${day}T10:00:00+08:00`).toISOString();
const kase = (id: string, over: Partial<ServiceCase>): ServiceCase => ({
  id,
  customerId: "CU1",
  type: "complaint",
  priority: "medium",
  channel: "branch",
  status: "open",
  subject: "工单",
  openedAt: bj("09-05"),
  slaDueAt: bj("09-19"),
  ...over,
});

describe("serviceTrend", () => {
  const cases = [
    kase("S1", { category: "card", status: "resolved", resolvedAt: bj("09-10"), satisfaction: 5 }),
    // Resolved on 2 October, rated 2: at September's end still open, and past its 25 September limit.
    kase("S2", {
      type: "inquiry",
      openedAt: bj("09-20"),
      slaDueAt: bj("09-25"),
      status: "closed",
      resolvedAt: bj("10-02"),
      satisfaction: 2,
    }),
    kase("S3", {
      category: "fees",
      openedAt: bj("10-10"),
      slaDueAt: bj("10-24"),
      status: "resolved",
      resolvedAt: bj("10-30"),
      satisfaction: 3,
    }),
    kase("S4", { category: "card", openedAt: bj("11-25"), slaDueAt: bj("12-09") }),
    kase("S5", { openedAt: bj("08-01"), slaDueAt: bj("08-15") }),
  ];

  it("gives each month's cases as they stood at its end, worked by hand", () => {
    const trend = serviceTrend(cases, { asOf: bj("11-30"), periods: 3 });
    expect(trend.map((p) => p.month)).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect(trend[0]).toEqual({
      month: "2026-09",
      opened: 2,
      complaints: 1,
      breached: 1,
      breachShare: 0.5,
      meanHoursToResolve: 120,
      csat: 1,
      ratings: 1,
      byCategory: { card: 1, uncategorized: 1 },
    });
    expect(trend[1]).toMatchObject({
      opened: 1,
      complaints: 1,
      breached: 1,
      breachShare: 1,
      meanHoursToResolve: 480,
      csat: 0,
      ratings: 1,
    });
    expect(trend[2]).toMatchObject({
      opened: 1,
      complaints: 1,
      breached: 0,
      meanHoursToResolve: undefined,
      csat: undefined,
      ratings: 0,
    });
  });

  it("counts months on the bank's calendar and refuses what it cannot count", () => {
    // 23:30 on 31 October in Beijing is October's, though it is 31 October 15:30 UTC.
    const late = kase("S6", { openedAt: "2026-10-31T15:30:00.000Z", slaDueAt: bj("11-10") });
    const trend = serviceTrend([late], { asOf: bj("11-30"), periods: 2 });
    expect(trend.map((p) => [p.month, p.opened])).toEqual([
      ["2026-10", 1],
      ["2026-11", 0],
    ]);
    expect(serviceTrend([], { asOf: bj("11-30") })).toHaveLength(12);
    // A case opened at the as-of instant itself is this month's.
    const now = kase("S7", { openedAt: bj("11-30"), slaDueAt: bj("12-14") });
    expect(serviceTrend([now], { asOf: bj("11-30"), periods: 1 })[0]).toMatchObject({ opened: 1, complaints: 1 });
    expect(() => serviceTrend([], { asOf: "yesterday" })).toThrow(BankcrmInvalidArgumentError);
    expect(() => serviceTrend([], { asOf: bj("11-30"), periods: 0 })).toThrow(BankcrmInvalidArgumentError);
  });
});
