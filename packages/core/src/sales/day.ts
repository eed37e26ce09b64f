/**
 * A relationship manager's day (时间管理): tasks as overdue, today and upcoming on
 * the bank's clock (Beijing time), the first-contact time limit of a new lead,
 * and a care event made into a task.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { careReasonLabels, labelIn } from "../i18n/labels.js";
import type { Locale } from "../i18n/locale.js";
import type { Lead } from "../schemas/lead.js";
import type { Task } from "../schemas/task.js";
import type { CareReason, LeadSource, Priority, TaskType } from "../vocabulary.js";
import { DAY_MS } from "../time.js";
import type { CareEvent } from "./care.js";

/** The bank's clock: Beijing time, UTC+8 all year (no daylight saving). */
const BANK_OFFSET_MS = 8 * 3_600_000;

const instant = (at: string | Date): number => {
  const ms = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new BankcrmInvalidArgumentError("at", "a date or an ISO date-time");
  return ms;
};

/** The calendar day (`2026-11-30`) an instant falls on in Beijing. */
export function bankDay(at: string | Date): string {
  return new Date(instant(at) + BANK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Beijing calendar day starts (or a time of it, e.g. `09:00`). */
export function bankTime(day: string, time = "00:00"): string {
  const ms = Date.parse(`${day}T${time}:00+08:00`);
  if (Number.isNaN(ms)) throw new BankcrmInvalidArgumentError("day", "an ISO date and a time HH:MM");
  return new Date(ms).toISOString();
}

export type TaskBucket = "overdue" | "today" | "upcoming";

export interface DayTasks {
  /** Due before today began, oldest first. */
  overdue: Task[];
  /** Due today (Beijing), earliest first. */
  today: Task[];
  /** Due after today, earliest first. */
  upcoming: Task[];
}

const ACTIVE_TASK = new Set<Task["status"]>(["open", "in_progress"]);

/** Which part of the day a task's due time falls in, seen at `now`. */
export function taskBucket(task: Pick<Task, "dueAt">, now: string | Date): TaskBucket {
  const due = bankDay(task.dueAt);
  const today = bankDay(now);
  return due < today ? "overdue" : due === today ? "today" : "upcoming";
}

/** Open and in-progress tasks split into overdue, today and upcoming (done and cancelled left out). */
export function groupTasks(tasks: readonly Task[], options: { now: string | Date }): DayTasks {
  const day: DayTasks = { overdue: [], today: [], upcoming: [] };
  const active = tasks.filter((t) => ACTIVE_TASK.has(t.status));
  active.sort((a, b) => instant(a.dueAt) - instant(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const task of active) day[taskBucket(task, options.now)].push(task);
  return day;
}

/**
 * Hours a new lead may wait for its first contact, by source; `default` for the
 * others. Internet-banking and app leads are the ones a customer is waiting on.
 */
export type FirstContactPolicy = Partial<Record<LeadSource, number>> & { default: number };
export const DEFAULT_FIRST_CONTACT_HOURS: FirstContactPolicy = {
  internet_banking: 24,
  mobile_app: 24,
  call_center: 24,
  default: 48,
};

export interface FirstContactClock {
  /** When the first contact is due (ISO date-time). */
  dueAt: string;
  /** Milliseconds left; negative once overdue. */
  left: number;
  overdue: boolean;
}

/**
 * The first-contact time limit of a lead still waiting for it (status `new`);
 * undefined once contacted, qualified, converted or disqualified.
 */
export function firstContactClock(
  lead: Pick<Lead, "status" | "source" | "createdAt">,
  now: string | Date,
  policy: FirstContactPolicy = DEFAULT_FIRST_CONTACT_HOURS,
): FirstContactClock | undefined {
  if (lead.status !== "new") return undefined;
  const hours = policy[lead.source] ?? policy.default;
  if (!Number.isFinite(hours) || hours < 0)
    throw new BankcrmInvalidArgumentError("policy", "hours as a number from 0 up");
  const due = instant(lead.createdAt) + hours * 3_600_000;
  const left = due - instant(now);
  return { dueAt: new Date(due).toISOString(), left, overdue: left < 0 };
}

const CARE_TASK: Record<CareReason, { type: TaskType; priority: Priority; daysBefore: number }> = {
  birthday: { type: "call", priority: "low", daysBefore: 0 },
  // Call a few days before the money is free to move, not on the day.
  depositMaturity: { type: "call", priority: "high", daysBefore: 3 },
  wealthMaturity: { type: "call", priority: "high", daysBefore: 3 },
  riskAssessmentExpired: { type: "review", priority: "medium", daysBefore: 0 },
  idDocumentExpiring: { type: "document", priority: "medium", daysBefore: 7 },
  dormantAccount: { type: "call", priority: "medium", daysBefore: 0 },
  // Start the review a fortnight before it falls due: the customer may have documents to bring.
  dueDiligenceReview: { type: "review", priority: "high", daysBefore: 14 },
};

export interface CareTaskOptions {
  /** Who will do it: the customer's relationship manager. */
  assigneeId: string;
  /** Today (the task is never due before it). */
  asOf: string | Date;
  /** Language of the title. Default zh-CN. */
  locale?: Locale;
  /** The customer's name as the person may see it (masked), for the title. */
  customerName?: string;
}

/**
 * A care event as a task for the relationship manager: its reason kept in
 * `careReason`, due at 09:00 Beijing on the day to call. The id is made from
 * the customer, reason and day, so the same event never becomes two tasks
 * (creating it again is a conflict, not a duplicate).
 */
export function careTask(event: CareEvent, options: CareTaskOptions): Task {
  const rule = CARE_TASK[event.reason];
  const today = bankDay(options.asOf);
  const callOn = new Date(Date.parse(`${event.dueOn}T00:00:00Z`) - rule.daysBefore * DAY_MS).toISOString().slice(0, 10);
  const day = callOn < today ? today : callOn;
  const reason = labelIn(careReasonLabels, event.reason, options.locale ?? "zh-CN");
  return {
    id: `TK-CARE-${event.customerId}-${event.reason}-${event.dueOn}`,
    assigneeId: options.assigneeId,
    customerId: event.customerId,
    type: rule.type,
    title: (options.customerName ? `${options.customerName} · ${reason}` : reason).slice(0, 120),
    priority: rule.priority,
    status: "open",
    dueAt: bankTime(day, "09:00"),
    careReason: event.reason,
    notes: event.holdingId ? `${event.dueOn} · ${event.holdingId}` : event.dueOn,
  };
}
