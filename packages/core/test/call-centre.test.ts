import { describe, expect, it } from "vitest";
import { BankcrmInvalidArgumentError, type Interaction, type ServiceCase } from "../src/index.js";
import { callCentreStatistics } from "../src/service/index.js";

const bj = (day: string, time = "10:00") => new Date(`2026-${day}T${time}:00+08:00`).toISOString();
const call = (customerId: string, at: string, over: Partial<Interaction> = {}): Interaction => ({
  id: `IN-${customerId}-${at}`,
  customerId,
  at,
  channel: "call_center_inbound",
  type: "call",
  summary: "来电",
  confidential: false,
  ...over,
});
const kase = (id: string, over: Partial<ServiceCase>): ServiceCase => ({
  id,
  customerId: "A",
  type: "complaint",
  priority: "medium",
  channel: "call_center_inbound",
  status: "open",
  subject: "工单",
  openedAt: bj("11-02"),
  slaDueAt: bj("11-16"),
  ...over,
});
const PERIOD = { from: bj("11-01", "00:00"), to: bj("12-01", "00:00") };

describe("callCentreStatistics", () => {
  // November's calls, worked by hand: A called twice in three days about a card complaint; B twice, ten days apart;
  // C once about a loan and again on 2 December; E once (and once in October); D's call was an RM's, not the desk's.
  const calls = [
    call("A", bj("11-02"), { type: "complaint", caseId: "C1", durationSeconds: 300 }),
    call("A", bj("11-05"), { type: "complaint", caseId: "C1", durationSeconds: 180 }),
    call("B", bj("11-10", "09:00"), { type: "inquiry", durationSeconds: 240 }),
    call("B", bj("11-20", "09:00"), { type: "inquiry", durationSeconds: 120 }),
    call("C", bj("11-29", "15:00"), { type: "service", caseId: "C2" }),
    call("C", bj("12-02")),
    call("D", bj("11-15"), { channel: "phone" }),
    call("E", bj("10-30")),
    call("E", bj("11-03"), { durationSeconds: 60 }),
  ];
  const cases = [
    kase("C1", { category: "card", status: "resolved", resolvedAt: bj("11-20") }), // past its 16 November limit
    kase("C2", { type: "loan_service", category: "loan", openedAt: bj("11-29"), slaDueAt: bj("12-10") }),
    kase("C3", { openedAt: bj("11-10"), slaDueAt: bj("11-24"), status: "resolved", resolvedAt: bj("11-12") }),
    kase("C4", { channel: "branch", openedAt: bj("11-10"), slaDueAt: bj("11-11") }), // a branch's case
    kase("C5", { openedAt: bj("11-25"), slaDueAt: bj("11-28") }), // still open at the period's end: past its limit
  ];

  it("counts the period's inbound calls, their handling time, first-contact resolution and repeat callers", () => {
    const s = callCentreStatistics(calls, cases, PERIOD);
    expect(s.calls).toBe(6);
    expect(s).toMatchObject({ timed: 5, meanHandlingSeconds: 180, medianHandlingSeconds: 180 });
    // Called back within 7 days: A's first call, and C's (on 2 December, after the period).
    expect(s.firstContactResolved).toBe(4);
    expect(s.firstContactResolution).toBeCloseTo(4 / 6, 12);
    expect(s.repeatCallers).toEqual([{ customerId: "A", calls: 2 }]);
  });

  it("says why people called and which queues went past their limits", () => {
    const s = callCentreStatistics(calls, cases, PERIOD);
    expect(s.byCategory).toEqual({ card: 2, uncategorized: 3, loan: 1 });
    expect(s.byType).toEqual({ complaint: 2, inquiry: 2, service: 1, call: 1 });
    expect(s.breachesByQueue).toEqual({
      complaint: { cases: 3, breached: 2, share: 2 / 3 },
      loan_service: { cases: 1, breached: 0, share: 0 },
    });
  });

  it("with a 14-day window, B's second call makes the first one unresolved too; bad periods are refused", () => {
    const s = callCentreStatistics(calls, cases, { ...PERIOD, repeatDays: 14 });
    expect(s.firstContactResolved).toBe(3);
    expect(s.repeatCallers).toEqual([
      { customerId: "A", calls: 2 },
      { customerId: "B", calls: 2 },
    ]);
    expect(() => callCentreStatistics([], [], { from: PERIOD.to, to: PERIOD.from })).toThrow(
      BankcrmInvalidArgumentError,
    );
    expect(() => callCentreStatistics([], [], { ...PERIOD, repeatDays: 0 })).toThrow(BankcrmInvalidArgumentError);
    expect(callCentreStatistics([], [], PERIOD)).toMatchObject({
      calls: 0,
      firstContactResolution: 0,
      meanHandlingSeconds: undefined,
    });
  });
});
