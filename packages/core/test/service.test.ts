/** Service time limits on the mainland China calendar, and service statistics — hand-worked cases. */
import { describe, expect, it } from "vitest";
import chineseDays from "chinese-days/dist/chinese-days.json" with { type: "json" };
import {
  BankcrmInvalidArgumentError,
  callerAnswersMatch,
  callerLock,
  MAINLAND_CHINA_HOLIDAYS,
  ServiceCaseSchema,
  computeSlaDue,
  mainlandChinaCalendar,
  serviceStatistics,
  slaPolicyFor,
  slaState,
  workCalendar,
  workingDaysLeft,
  type ServiceCase,
} from "../src/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

const beijing = (day: string, time = "10:00") => new Date(`${day}T${time}:00+08:00`).toISOString();

describe("the mainland China working calendar", () => {
  it("agrees with chinese-days on every day of 2025 and 2026 (holidays and make-up working days)", () => {
    const holidays = new Set(chineseDays.holidays ? Object.keys(chineseDays.holidays) : []);
    const workdays = new Set(chineseDays.workdays ? Object.keys(chineseDays.workdays) : []);
    let checked = 0;
    for (let t = Date.parse("2025-01-01T00:00:00Z"); t <= Date.parse("2026-12-31T00:00:00Z"); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const weekday = new Date(t).getUTCDay();
      const theirs = workdays.has(day) || (!holidays.has(day) && weekday !== 0 && weekday !== 6);
      expect(mainlandChinaCalendar.isWorkingDay(day), day).toBe(theirs);
      checked++;
    }
    expect(checked).toBe(730);
    expect(MAINLAND_CHINA_HOLIDAYS.years).toEqual([2025, 2026]);
  });

  it("knows the 2026 Spring Festival and National Day, and their make-up Saturdays and Sunday", () => {
    for (const day of ["2026-02-15", "2026-02-18", "2026-02-23", "2026-10-01", "2026-10-07"])
      expect(mainlandChinaCalendar.isWorkingDay(day), day).toBe(false);
    for (const day of ["2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10"])
      expect(mainlandChinaCalendar.isWorkingDay(day), day).toBe(true);
    expect(mainlandChinaCalendar.covers("2027-01-04")).toBe(false);
    expect(() => mainlandChinaCalendar.isWorkingDay("2026/02/14")).toThrow(BankcrmInvalidArgumentError);
  });
});

describe("computeSlaDue", () => {
  it("counts across the 2026 Spring Festival: the make-up Saturday counts, the nine days off do not", () => {
    // Opened Friday 13 February; 5 working days: Sat 14 (make-up) 1, 15–23 off, 24, 25, 26, 27 → end of the 27th.
    const due = computeSlaDue(beijing("2026-02-13"), { workingDays: 5 });
    expect(due).toEqual({ dueAt: "2026-02-27T16:00:00.000Z", dueDay: "2026-02-27", estimated: false });
  });

  it("counts across National Day: 1–7 October off, Saturday 10 October works", () => {
    // Opened Wednesday 30 September 15:00; 3 working days: 8, 9, 10 October → end of the 10th.
    expect(computeSlaDue(beijing("2026-09-30", "15:00"), { workingDays: 3 }).dueDay).toBe("2026-10-10");
    // Opened on a holiday: the count starts on the next working day.
    expect(computeSlaDue(beijing("2026-10-03"), { workingDays: 1 }).dueDay).toBe("2026-10-08");
    // Opened Saturday 19 September: Sunday the 20th is a make-up working day.
    expect(computeSlaDue(beijing("2026-09-19"), { workingDays: 1 }).dueDay).toBe("2026-09-20");
    // Zero days: by the end of the day, or of the next working day when opened on a day off.
    expect(computeSlaDue(beijing("2026-10-05"), { workingDays: 0 }).dueDay).toBe("2026-10-08");
    expect(computeSlaDue(beijing("2026-11-30"), { workingDays: 0 }).dueDay).toBe("2026-11-30");
  });

  it("uses the Beijing day of the opening time, and says when it counted past the table", () => {
    // 23:30 UTC on 12 February is 07:30 on the 13th in Beijing.
    expect(computeSlaDue("2026-02-12T23:30:00Z", { workingDays: 1 }).dueDay).toBe("2026-02-14");
    const late = computeSlaDue(beijing("2026-12-30"), { workingDays: 5 });
    expect(late.estimated).toBe(true);
    expect(late.dueDay).toBe("2027-01-06"); // weekends only in 2027: 31, 1, 4, 5, 6
    expect(() => computeSlaDue(beijing("2026-12-30"), { workingDays: -1 })).toThrow(BankcrmInvalidArgumentError);
  });

  it("takes the limit from a table by type and priority, and a bank's own calendar", () => {
    expect(slaPolicyFor({ type: "complaint", priority: "urgent" })).toEqual({ workingDays: 2 });
    expect(slaPolicyFor({ type: "complaint", priority: "low" })).toEqual({ workingDays: 15 });
    expect(slaPolicyFor({ type: "card_service", priority: "high" })).toEqual({ workingDays: 3 });
    expect(slaPolicyFor({ type: "fraud_report", priority: "low" })).toEqual({ workingDays: 1 });
    const sixDays = workCalendar({ name: "six-day", years: [2026], holidays: [], workdays: ["2026-02-14"] });
    expect(computeSlaDue(beijing("2026-02-13"), { workingDays: 1 }, sixDays).dueDay).toBe("2026-02-14");
  });
});

describe("working days left and the case's state", () => {
  const due = computeSlaDue(beijing("2026-09-28"), { workingDays: 3 }); // 29, 30, then 8 October
  it("counts the working days left across the holiday, then the days overdue", () => {
    expect(due.dueDay).toBe("2026-10-08");
    expect(workingDaysLeft(beijing("2026-09-29"), due.dueAt)).toBe(3); // 29, 30, 8
    expect(workingDaysLeft(beijing("2026-10-03"), due.dueAt)).toBe(1); // 8
    expect(workingDaysLeft(beijing("2026-10-09"), due.dueAt)).toBe(-1);
    expect(workingDaysLeft(beijing("2026-10-12"), due.dueAt)).toBe(-3); // 9, 10 (make-up), 12
  });
  it("says on time, due soon, overdue, met or missed", () => {
    const c = { slaDueAt: due.dueAt, status: "open" };
    expect(slaState(c, beijing("2026-09-29")).state).toBe("on_time");
    expect(slaState(c, beijing("2026-10-08", "09:00"))).toEqual({
      state: "due_soon",
      workingDaysLeft: 1,
      binding: "sla",
      dueAt: due.dueAt,
    });
    expect(slaState(c, beijing("2026-10-09")).state).toBe("overdue");
    expect(
      slaState({ ...c, status: "resolved", resolvedAt: beijing("2026-10-08", "18:00") }, beijing("2026-10-20")).state,
    ).toBe("met");
    expect(slaState({ ...c, status: "closed", resolvedAt: beijing("2026-10-09") }, beijing("2026-10-20")).state).toBe(
      "missed",
    );
  });
});

describe("serviceStatistics", () => {
  const base = (id: string, overrides: Partial<ServiceCase>): ServiceCase =>
    ServiceCaseSchema.parse({
      id,
      customerId: "CU1",
      type: "complaint",
      priority: "medium",
      channel: "phone",
      status: "open",
      subject: id,
      openedAt: beijing("2026-11-02"),
      slaDueAt: beijing("2026-11-16", "24:00"),
      ...overrides,
    });
  it("counts by type and category, overdue share, mean time to resolve, repeat complaints and CSAT", () => {
    const cases = [
      base("A", { category: "card", status: "resolved", resolvedAt: beijing("2026-11-03"), satisfaction: 5 }), // 24 h
      base("B", { category: "card", status: "closed", resolvedAt: beijing("2026-11-05"), satisfaction: 2 }), // 72 h
      base("C", { customerId: "CU2", type: "inquiry", status: "resolved", resolvedAt: beijing("2026-11-04") }), // 48 h, not rated
      base("D", { customerId: "CU3", slaDueAt: beijing("2026-11-20") }), // open, overdue at 30 Nov
      base("E", {
        customerId: "CU3",
        openedAt: beijing("2026-06-01"),
        status: "closed",
        resolvedAt: beijing("2026-06-02"),
        slaDueAt: beijing("2026-06-10"),
      }), // CU3's earlier complaint: 5 months before D
    ];
    const s = serviceStatistics(cases, { asOf: beijing("2026-11-30") });
    expect(s.total).toBe(5);
    expect(s.open).toBe(1);
    expect(s.byType).toEqual({ complaint: 4, inquiry: 1 });
    expect(s.byCategory).toEqual({ card: 2, uncategorized: 3 });
    expect(s.overdue).toBe(1);
    expect(s.overdueShare).toBeCloseTo(0.2, 10);
    expect(s.meanHoursToResolve).toBeCloseTo((24 + 72 + 48 + 24) / 4, 10);
    // CU1: A and B opened the same day → repeat; CU3: D and E 5 months apart → not within 90 days.
    expect(s.repeatComplaints).toEqual([{ customerId: "CU1", complaints: 2 }]);
    expect(s.satisfaction).toEqual({ asked: 4, responses: 2, responseRate: 0.5, csat: 0.5, mean: 3.5 });
  });
  it("has no mean and no CSAT without resolved or rated cases", () => {
    const s = serviceStatistics([base("X", {})], { asOf: beijing("2026-11-03") });
    expect(s.meanHoursToResolve).toBeUndefined();
    expect(s.satisfaction.csat).toBeUndefined();
    expect(s.satisfaction.responseRate).toBe(0);
  });
});

describe("verifying a caller", () => {
  const { customers } = generateDemoPortfolio({ seed: "verify", customers: 60 });
  const person = customers.find((c) => c.kind === "individual")!;
  const company = customers.find((c) => c.kind === "corporate")!;

  it("matches a person's birth date and ID last four, a company's credit code first and last four — nothing else", () => {
    if (person.kind !== "individual" || company.kind !== "corporate") throw new Error("the demo bank has both kinds");
    const last4 = person.idDocument.number.slice(-4);
    expect(callerAnswersMatch(person, { first: ` ${person.birthDate} `, last4: last4.toLowerCase() })).toBe(true);
    expect(callerAnswersMatch(person, { first: person.birthDate, last4: "0000" === last4 ? "1111" : "0000" })).toBe(
      false,
    );
    expect(callerAnswersMatch(person, { first: "1900-01-01", last4 })).toBe(false);
    expect(callerAnswersMatch(person, { first: 19900101, last4 })).toBe(false);
    expect(callerAnswersMatch(company, { first: company.uscc.slice(0, 4), last4: company.uscc.slice(-4) })).toBe(true);
    expect(callerAnswersMatch(company, { first: company.uscc.slice(0, 4), last4: "" })).toBe(false);
  });

  it("locks after the third failure within a day, until a day after the latest", () => {
    const now = new Date("2026-12-06T12:00:00Z");
    expect(callerLock([], now)).toEqual({ locked: false, attemptsLeft: 3 });
    expect(callerLock(["2026-12-06T11:00:00Z", "2026-12-06T11:30:00Z"], now)).toEqual({
      locked: false,
      attemptsLeft: 1,
    });
    expect(callerLock(["2026-12-05T11:00:00Z", "2026-12-06T11:00:00Z", "2026-12-06T11:30:00Z"], now)).toEqual({
      locked: false,
      attemptsLeft: 1,
    });
    expect(callerLock(["2026-12-05T13:00:00Z", "2026-12-06T11:00:00Z", "2026-12-06T11:30:00Z"], now)).toEqual({
      locked: true,
      attemptsLeft: 0,
      until: "2026-12-07T11:30:00.000Z",
    });
  });
});
