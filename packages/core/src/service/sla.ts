/**
 * Service time limits in working days (投诉处理时限): a case's due time is the end
 * of its Nth working day after the day it was opened, on the bank's clock
 * (Beijing) and a working calendar with its holidays and make-up days.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { bankDay, bankTime } from "../sales/day.js";
import type { Priority, ServiceCaseType } from "../vocabulary.js";
import { DAY_MS } from "../time.js";
import { mainlandChinaCalendar, type WorkCalendar } from "./calendar.js";
import { bindingDue } from "./regulatory.js";

/** Working days allowed, by case type, then priority (`default` for the priorities not named). */
export type SlaTable = Partial<Record<ServiceCaseType, Partial<Record<Priority, number>> & { default: number }>> & {
  default: Partial<Record<Priority, number>> & { default: number };
};

/**
 * The default limits: a fraud report is worked the next working day; a complaint
 * within 15 working days (urgent 2, high 5); enquiries 3; personal-information requests 15; other requests 5.
 * A bank sets its own.
 */
export const DEFAULT_SLA_TABLE: SlaTable = {
  complaint: { urgent: 2, high: 5, medium: 10, default: 15 },
  fraud_report: { default: 1 },
  transaction_dispute: { urgent: 2, high: 5, default: 10 },
  inquiry: { urgent: 1, default: 3 },
  // A personal-information request: the bank's own 15 working days, inside the standard's 30 calendar days.
  personal_information: { default: 15 },
  default: { urgent: 1, high: 3, default: 5 },
};

export interface SlaPolicy {
  /** Working days after the day of opening; 0: by the end of the day (the next working day if opened on a day off). */
  workingDays: number;
}

/** The limit for a case's type and priority from a table. */
export function slaPolicyFor(
  c: { type: ServiceCaseType; priority: Priority },
  table: SlaTable = DEFAULT_SLA_TABLE,
): SlaPolicy {
  const row = table[c.type] ?? table.default;
  return { workingDays: row[c.priority] ?? row.default };
}

export interface SlaDue {
  /** The end of the last working day, as an ISO instant (midnight Beijing). */
  dueAt: string;
  /** The working day it falls on. */
  dueDay: string;
  /** True when a day counted lies outside the calendar's official table (there only weekends are known). */
  estimated: boolean;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** When a case opened at `openedAt` is due under `policy` on `calendar` (default: mainland China). */
export function computeSlaDue(
  openedAt: string | Date,
  policy: SlaPolicy,
  calendar: WorkCalendar = mainlandChinaCalendar,
): SlaDue {
  if (!Number.isInteger(policy.workingDays) || policy.workingDays < 0 || policy.workingDays > 365)
    throw new BankcrmInvalidArgumentError("workingDays", "a whole number from 0 to 365");
  let day = bankDay(openedAt);
  let estimated = !calendar.covers(day);
  let left = policy.workingDays;
  if (left === 0)
    while (!calendar.isWorkingDay(day)) {
      day = nextDay(day);
      estimated ||= !calendar.covers(day);
    }
  while (left > 0) {
    day = nextDay(day);
    estimated ||= !calendar.covers(day);
    if (calendar.isWorkingDay(day)) left--;
  }
  return { dueAt: bankTime(nextDay(day)), dueDay: day, estimated };
}

/**
 * Working days left until `dueAt` at `now`: the working days after today up to
 * and including the due day, plus today if it is one and not over; negative
 * when overdue (the working days since).
 */
export function workingDaysLeft(
  now: string | Date,
  dueAt: string,
  calendar: WorkCalendar = mainlandChinaCalendar,
): number {
  const today = bankDay(now);
  const dueDay = bankDay(new Date(Date.parse(dueAt) - 1)); // the due instant is the end of its day
  if (today <= dueDay) {
    let n = 0;
    for (let d = today; d <= dueDay; d = nextDay(d)) if (calendar.isWorkingDay(d)) n++;
    return n;
  }
  let n = 0;
  for (let d = nextDay(dueDay); d <= today; d = nextDay(d)) if (calendar.isWorkingDay(d)) n++;
  return -Math.max(1, n);
}

export type SlaState = "on_time" | "due_soon" | "overdue" | "met" | "missed";

/**
 * Where a case stands against its limit — the earlier of the bank's service level and, for a complaint, the
 * regulator's (`binding` says which): open (on time, due soon, overdue) or resolved (met, missed).
 */
export function slaState(
  c: { slaDueAt: string; regulatoryDueAt?: string | undefined; resolvedAt?: string; status: string },
  now: string | Date,
  options: { calendar?: WorkCalendar; dueSoonDays?: number } = {},
): { state: SlaState; workingDaysLeft: number; binding: "sla" | "regulatory"; dueAt: string } {
  const calendar = options.calendar ?? mainlandChinaCalendar;
  const { dueAt, binding } = bindingDue(c);
  const resolved = c.status === "resolved" || c.status === "closed";
  if (resolved && c.resolvedAt !== undefined) {
    const met = Date.parse(c.resolvedAt) <= Date.parse(dueAt);
    return { state: met ? "met" : "missed", workingDaysLeft: 0, binding, dueAt };
  }
  const left =
    Date.parse(typeof now === "string" ? now : now.toISOString()) > Date.parse(dueAt)
      ? Math.min(-1, workingDaysLeft(now, dueAt, calendar))
      : Math.max(0, workingDaysLeft(now, dueAt, calendar));
  const state: SlaState = left < 0 ? "overdue" : left <= (options.dueSoonDays ?? 1) ? "due_soon" : "on_time";
  return { state, workingDaysLeft: left, binding, dueAt };
}
