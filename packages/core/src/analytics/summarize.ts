/**
 * Per-customer RFM summaries in the conventions of the customer-base literature
 * (Fader, Hardie & Lee; the `lifetimes` and BTYD packages):
 * - transactions on the same calendar day are merged into one purchase;
 * - `frequency` is the number of repeat purchase days (days after the first);
 * - `recency` is the time from the first to the last purchase, `T` the time from
 *   the first purchase to the end of the calibration period;
 * - `monetaryValue` is the mean value of the repeat purchase days (0 when none).
 */
import { DAY_MS } from "../time.js";
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
  if (typeof at === "string" && /^\d{4}-\d{2}-\d{2}$/.test(at)) return Date.parse(`${at}T00:00:00Z`) / DAY_MS;
  const ms = typeof at === "string" ? Date.parse(at) : at.getTime();
  return Math.floor((ms + offsetMs) / DAY_MS);
}

export function summarizeTransactions(
  transactions: Iterable<SummaryTransaction>,
  options: SummarizeOptions,
): CustomerSummary[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.calibrationEnd)) {
    throw new BankcrmInvalidArgumentError("calibrationEnd", "a date, YYYY-MM-DD");
  }
  const offsetMs = (options.utcOffsetMinutes ?? 480) * 60_000;
  const end = Date.parse(`${options.calibrationEnd}T00:00:00Z`) / DAY_MS;
  const divisor = (options.unit ?? "week") === "week" ? 7 : 1;
  const byCustomer = new Map<string, Map<number, number>>();
  for (const t of transactions) {
    const day = dayNumber(t.at, offsetMs);
    const amount = typeof t.amount === "number" ? t.amount : t.amount.amount;
    if (!Number.isFinite(day) || !Number.isFinite(amount)) {
      throw new BankcrmInvalidArgumentError("transactions", `customer ${t.customerId}: time and amount must be finite`);
    }
    if (day > end) continue;
    let days = byCustomer.get(t.customerId);
    if (!days) byCustomer.set(t.customerId, (days = new Map<number, number>()));
    days.set(day, (days.get(day) ?? 0) + amount);
  }
  const summaries: CustomerSummary[] = [];
  for (const [customerId, days] of byCustomer) {
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
    summaries.push({
      customerId,
      frequency,
      recency: (last - first) / divisor,
      T: (end - first) / divisor,
      monetaryValue: frequency > 0 ? repeatTotal / frequency : 0,
    });
  }
  return summaries;
}
