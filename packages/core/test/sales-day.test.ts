/** The relationship manager's day on the bank's clock: task buckets, first-contact limits, care tasks. */
import { describe, expect, it } from "vitest";
import {
  BankcrmInvalidArgumentError,
  bankDay,
  bankTime,
  careTask,
  DEFAULT_FIRST_CONTACT_HOURS,
  firstContactClock,
  groupTasks,
  TaskSchema,
  type Task,
} from "../src/index.js";

const task = (id: string, dueAt: string, status: Task["status"] = "open"): Task =>
  TaskSchema.parse({
    id,
    assigneeId: "ST1",
    type: "call",
    title: id,
    priority: "medium",
    status,
    dueAt,
    ...(status === "done" ? { completedAt: dueAt } : {}),
  });

describe("the bank's day (Beijing time)", () => {
  it("puts an instant on its Beijing calendar day", () => {
    // 16:00 UTC is midnight in Beijing: the next day.
    expect(bankDay("2026-11-30T15:59:59Z")).toBe("2026-11-30");
    expect(bankDay("2026-11-30T16:00:00Z")).toBe("2026-12-01");
    expect(bankTime("2026-12-01", "09:00")).toBe("2026-12-01T01:00:00.000Z");
    expect(() => bankDay("not a date")).toThrow(BankcrmInvalidArgumentError);
  });

  it("splits open tasks into overdue, today and upcoming, done and cancelled left out", () => {
    const now = "2026-11-30T02:00:00Z"; // 10:00 in Beijing
    const day = groupTasks(
      [
        task("late", "2026-11-29T15:59:00Z"), // 23:59 on the 29th, Beijing
        task("early-today", "2026-11-29T16:00:00Z"), // 00:00 on the 30th
        task("later-today", "2026-11-30T09:00:00Z"), // 17:00 on the 30th: later today
        task("tomorrow", "2026-11-30T16:30:00Z"),
        task("done", "2026-11-28T01:00:00Z", "done"),
        task("older", "2026-11-01T01:00:00Z"),
      ],
      { now },
    );
    expect(day.overdue.map((t) => t.id)).toEqual(["older", "late"]);
    expect(day.today.map((t) => t.id)).toEqual(["early-today", "later-today"]);
    expect(day.upcoming.map((t) => t.id)).toEqual(["tomorrow"]);
  });
});

describe("firstContactClock", () => {
  const lead = { status: "new" as const, source: "internet_banking" as const, createdAt: "2026-11-29T10:00:00Z" };
  it("counts down the source's limit (24 h for internet banking, 48 h by default)", () => {
    const clock = firstContactClock(lead, "2026-11-30T04:00:00Z")!;
    expect(clock.dueAt).toBe("2026-11-30T10:00:00.000Z");
    expect(clock.left).toBe(6 * 3_600_000);
    expect(clock.overdue).toBe(false);
    const walkIn = firstContactClock({ ...lead, source: "branch_walk_in" }, "2026-11-30T04:00:00Z")!;
    expect(walkIn.dueAt).toBe("2026-12-01T10:00:00.000Z");
    expect(DEFAULT_FIRST_CONTACT_HOURS.default).toBe(48);
  });
  it("goes negative once the limit passes, and stops once the lead is contacted", () => {
    const late = firstContactClock(lead, "2026-11-30T12:30:00Z")!;
    expect(late.overdue).toBe(true);
    expect(late.left).toBe(-2.5 * 3_600_000);
    expect(firstContactClock({ ...lead, status: "contacted" }, "2026-11-30T12:30:00Z")).toBeUndefined();
  });
  it("takes a bank's own limits, and refuses nonsense", () => {
    const clock = firstContactClock(lead, "2026-11-29T10:00:00Z", { internet_banking: 2, default: 8 })!;
    expect(clock.left).toBe(2 * 3_600_000);
    expect(() => firstContactClock(lead, "2026-11-29T10:00:00Z", { default: -1, internet_banking: -1 })).toThrow(
      BankcrmInvalidArgumentError,
    );
  });
});

describe("careTask", () => {
  it("makes a valid task with its reason, due at 09:00 Beijing a few days before a maturity", () => {
    const t = careTask(
      { customerId: "CU1", reason: "depositMaturity", dueOn: "2026-12-10", holdingId: "H1" },
      { assigneeId: "ST1", asOf: "2026-11-30", customerName: "王*明" },
    );
    expect(TaskSchema.safeParse(t).success).toBe(true);
    expect(t).toMatchObject({
      id: "TK-CARE-CU1-depositMaturity-2026-12-10",
      assigneeId: "ST1",
      customerId: "CU1",
      careReason: "depositMaturity",
      priority: "high",
      dueAt: "2026-12-07T01:00:00.000Z", // 3 days before, 09:00 +08:00
      title: "王*明 · 定期存款即将到期",
    });
  });
  it("is never due before today, and titles in English when asked", () => {
    const t = careTask(
      { customerId: "CU2", reason: "riskAssessmentExpired", dueOn: "2026-11-30" },
      { assigneeId: "ST1", asOf: "2026-11-30T03:00:00Z", locale: "en" },
    );
    expect(t.dueAt).toBe("2026-11-30T01:00:00.000Z");
    expect(t.title).toBe("Risk assessment over a year old");
    const soon = careTask(
      { customerId: "CU3", reason: "wealthMaturity", dueOn: "2026-12-01" },
      { assigneeId: "ST1", asOf: "2026-11-30" },
    );
    expect(soon.dueAt).toBe("2026-11-30T01:00:00.000Z"); // 3 days before would be in the past
  });
});
