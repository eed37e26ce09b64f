/**
 * Per-customer RFM summaries in the conventions of the customer-base literature
 * (Fader, Hardie & Lee; the `lifetimes` and BTYD packages):
 * - transactions on the same calendar day are merged into one purchase;
 * - `frequency` is the number of repeat purchase days (days after the first);
 * - `recency` is the time from the first to the last purchase, `T` the time from
 *   the first purchase to the end of the calibration period;
 * - `monetaryValue` is the mean value of the repeat purchase days (0 when none).
 */
import { DAY_MS, instantMs } from "../time.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Money } from "../money/money-schema.js";

export interface SummaryTransaction {
  customerId: string;
  /** ISO date or date-time, or a Date. */
  at: string | Date;
  /** A plain number or Money (its `amount` is used). */
  amount: number | Money;
}

export interface CustomerSummary {
  customerId: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}

export interface SummarizeOptions {
  /** Last day of the calibration period (inclusive), YYYY-MM-DD. Later transactions are ignored. */
  calibrationEnd: string;
  /** Unit of recency and T. Default "week" (days / 7). */
  unit?: "week" | "day";
  /** Offset of the calendar used to merge same-day purchases, in minutes. Default 480 (China Standard Time). */
  utcOffsetMinutes?: number;
}

function dayNumber(at: string | Date, offsetMs: number): number {
  if (typeof at !== "string") return Math.floor((at.getTime() + offsetMs) / DAY_MS);
  if (at.length === 10 && /^\d{4}-\d{2}-\d{2}$/.test(at)) return Date.parse(`${at}T00:00:00Z`) / DAY_MS;
  return Math.floor((instantMs(at) + offsetMs) / DAY_MS);
}

interface Calendar {
  offsetMs: number;
  end: number;
  divisor: number;
}

const calendars = new WeakMap<SummarizeOptions, Calendar & { from: [string, number?, string?] }>();

/** The options checked and turned into numbers — once per options object while it says the same (a book's batches reuse theirs). */
function calendarOf(options: SummarizeOptions): Calendar {
  const known = calendars.get(options);
  if (
    known &&
    known.from[0] === options.calibrationEnd &&
    known.from[1] === options.utcOffsetMinutes &&
    known.from[2] === options.unit
  )
    return known;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.calibrationEnd)) {
    throw new BankcrmInvalidArgumentError("calibrationEnd", "a date, YYYY-MM-DD");
  }
  const calendar = {
    from: [options.calibrationEnd, options.utcOffsetMinutes, options.unit] as [string, number?, string?],
    offsetMs: (options.utcOffsetMinutes ?? 480) * 60_000,
    end: Date.parse(`${options.calibrationEnd}T00:00:00Z`) / DAY_MS,
    divisor: (options.unit ?? "week") === "week" ? 7 : 1,
  };
  calendars.set(options, calendar);
  return calendar;
}

/** A transaction's purchase day, or undefined after the calibration end (left out). */
function dayOf(
  t: Omit<SummaryTransaction, "customerId">,
  amount: number,
  customerId: string,
  c: Calendar,
): number | undefined {
  const day = dayNumber(t.at, c.offsetMs);
  if (!Number.isFinite(day) || !Number.isFinite(amount)) {
    throw new BankcrmInvalidArgumentError("transactions", `customer ${customerId}: time and amount must be finite`);
  }
  return day > c.end ? undefined : day;
}

const amountOf = (t: Omit<SummaryTransaction, "customerId">) =>
  typeof t.amount === "number" ? t.amount : t.amount.amount;

/**
 * One customer's summary from their own transactions (a book's batches hold
 * each customer's together): the same figures `summarizeTransactions` gives
 * them; undefined without a purchase up to the calibration end.
 */
export function summarizeCustomer(
  customerId: string,
  transactions: Iterable<Omit<SummaryTransaction, "customerId">>,
  options: SummarizeOptions,
): CustomerSummary | undefined {
  const c = calendarOf(options);
  const days = new Map<number, number>();
  for (const t of transactions) {
    const amount = amountOf(t);
    const day = dayOf(t, amount, customerId, c);
    if (day !== undefined) days.set(day, (days.get(day) ?? 0) + amount);
  }
  return days.size === 0 ? undefined : summaryOf(customerId, days, c);
}

function summaryOf(customerId: string, days: Map<number, number>, c: Calendar): CustomerSummary {
  const { end, divisor } = c;
  let first = Infinity;
  let last = -Infinity;
  let total = 0;
  for (const [day, value] of days) {
    if (day < first) first = day;
    if (day > last) last = day;
    total += value;
  }
  const frequency = days.size - 1;
  const repeatTotal = total - days.get(first)!;
  return {
    customerId,
    frequency,
    recency: (last - first) / divisor,
    T: (end - first) / divisor,
    monetaryValue: frequency > 0 ? repeatTotal / frequency : 0,
  };
}

export function summarizeTransactions(
  transactions: Iterable<SummaryTransaction>,
  options: SummarizeOptions,
): CustomerSummary[] {
  const c = calendarOf(options);
  const byCustomer = new Map<string, Map<number, number>>();
  for (const t of transactions) {
    const amount = amountOf(t);
    const day = dayOf(t, amount, t.customerId, c);
    if (day === undefined) continue;
    let days = byCustomer.get(t.customerId);
    if (!days) byCustomer.set(t.customerId, (days = new Map<number, number>()));
    days.set(day, (days.get(day) ?? 0) + amount);
  }
  const summaries: CustomerSummary[] = [];
  for (const [customerId, days] of byCustomer) summaries.push(summaryOf(customerId, days, c));
  return summaries;
}
