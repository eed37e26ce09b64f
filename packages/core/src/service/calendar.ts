/**
 * Working days on the mainland China public-holiday calendar (法定节假日), with
 * its make-up working days (调休上班): a table bundled in the core, from the
 * State Council's annual notices, not a runtime dependency.
 *
 * Sources — 国务院办公厅关于2025年部分节假日安排的通知 (published November 2024) and
 * 国务院办公厅关于2026年部分节假日安排的通知 (published November 2025). The test
 * suite checks every day of both years against the `chinese-days` package's
 * data (a well-kept, widely used compilation of the same notices). Add a year
 * when the State Council publishes it; beyond the table only weekends are
 * known, and every due time computed there says it is an estimate.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { DAY_MS } from "../time.js";

export interface WorkCalendar {
  /** Its name, e.g. "CN-mainland". */
  readonly name: string;
  /** Whether a day (ISO date) is a working day. */
  isWorkingDay(day: string): boolean;
  /** Whether the day's year has an official table (outside it only weekends are known). */
  covers(day: string): boolean;
}

export interface HolidayTable {
  name: string;
  /** Years with an official table. */
  years: readonly number[];
  /** Public holidays (days off), ISO dates. */
  holidays: readonly string[];
  /** Make-up working days on weekends, ISO dates. */
  workdays: readonly string[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar from a holiday table: Monday–Friday work, except holidays; make-up days work. */
export function workCalendar(table: HolidayTable): WorkCalendar {
  const holidays = new Set(table.holidays);
  const workdays = new Set(table.workdays);
  const years = new Set(table.years);
  return {
    name: table.name,
    covers: (day) => years.has(Number(day.slice(0, 4))),
    isWorkingDay(day) {
      if (!ISO_DAY.test(day)) throw new BankcrmInvalidArgumentError("day", "an ISO date YYYY-MM-DD");
      if (workdays.has(day)) return true;
      if (holidays.has(day)) return false;
      const weekday = new Date(Date.parse(`${day}T00:00:00Z`)).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
  };
}

/** Every day from `from` to `to` inclusive (ISO dates). */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The mainland China table: 2025 and 2026. */
export const MAINLAND_CHINA_HOLIDAYS: HolidayTable = {
  name: "CN-mainland",
  years: [2025, 2026],
  holidays: [
    // 2025: 元旦; 春节 1.28–2.4; 清明; 劳动节 5.1–5.5; 端午 5.31–6.2; 国庆、中秋 10.1–10.8.
    "2025-01-01",
    ...days("2025-01-28", "2025-02-04"),
    ...days("2025-04-04", "2025-04-06"),
    ...days("2025-05-01", "2025-05-05"),
    ...days("2025-05-31", "2025-06-02"),
    ...days("2025-10-01", "2025-10-08"),
    // 2026: 元旦 1.1–1.3; 春节 2.15–2.23; 清明 4.4–4.6; 劳动节 5.1–5.5; 端午 6.19–6.21; 中秋 9.25–9.27; 国庆 10.1–10.7.
    ...days("2026-01-01", "2026-01-03"),
    ...days("2026-02-15", "2026-02-23"),
    ...days("2026-04-04", "2026-04-06"),
    ...days("2026-05-01", "2026-05-05"),
    ...days("2026-06-19", "2026-06-21"),
    ...days("2026-09-25", "2026-09-27"),
    ...days("2026-10-01", "2026-10-07"),
  ],
  workdays: [
    "2025-01-26",
    "2025-02-08",
    "2025-04-27",
    "2025-09-28",
    "2025-10-11",
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
  ],
};

export const mainlandChinaCalendar: WorkCalendar = /* @__PURE__ */ workCalendar(MAINLAND_CHINA_HOLIDAYS);
