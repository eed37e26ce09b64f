/**
 * Fraud and anomaly signals (欺诈发现) for the relationship manager's attention: a customer's recent
 * transactions measured against their own history, each signal with the figures it is said with. Signals ask a
 * person to look — they block, freeze and decide nothing.
 *
 * - `unusualAmount`: a recent payment out larger than anything the customer paid in the baseline window, and
 *   `multiple` times its median (with at least `minBaseline` payments to judge by, and at least `floor`).
 * - `newPayeeBurst`: within `burstHours`, payments out to `burstPayees` or more counterparties never seen in
 *   the baseline (the pattern of a takeover or of a scam's "safe account").
 * - `dormantReactivation`: a holding quiet for `dormantDays` or more that moves money out again.
 *
 * Amounts compare within one currency; the baseline is the `baselineDays` before the recent `recentDays`.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { messageTable, type Label, type Locale } from "../i18n/locale.js";
import type { Transaction } from "../schemas/transaction.js";
import { DAY_MS } from "../time.js";
import { wholeMoney } from "./said.js";

export const ANOMALY_CODES = ["unusualAmount", "newPayeeBurst", "dormantReactivation"] as const;
export type AnomalyCode = (typeof ANOMALY_CODES)[number];

export interface AnomalySignal {
  code: AnomalyCode;
  customerId: string;
  /** The latest transaction the signal stands on. */
  at: string;
  transactionIds: string[];
  holdingId?: string;
  currency: string;
  /** What the signal is said with: amounts in minor units, days, hours, counts. */
  figures: Record<string, number>;
}

export interface AnomalyOptions {
  /** The day judged (its end): recent transactions are those of the `recentDays` up to it. */
  asOf: string;
  recentDays?: number;
  baselineDays?: number;
  /** Payments out the baseline needs before an amount is judged unusual. Default 10. */
  minBaseline?: number;
  /** Times the baseline's median an unusual payment is at least. Default 5. */
  multiple?: number;
  /** Smallest amount (minor units) judged unusual. Default 500,000 (¥5,000). */
  floor?: number;
  burstHours?: number;
  burstPayees?: number;
  dormantDays?: number;
}

const DEFAULTS = {
  recentDays: 7,
  baselineDays: 180,
  minBaseline: 10,
  multiple: 5,
  floor: 500_000,
  burstHours: 24,
  burstPayees: 3,
  dormantDays: 180,
};

type Tx = Pick<
  Transaction,
  "id" | "customerId" | "holdingId" | "at" | "amount" | "direction" | "category" | "counterparty"
>;

function checked(options: AnomalyOptions): typeof DEFAULTS & { end: number } {
  const o = { ...DEFAULTS, ...options };
  for (const [name, v] of Object.entries(o))
    if (name !== "asOf" && (typeof v !== "number" || !Number.isFinite(v) || v <= 0))
      throw new BankcrmInvalidArgumentError(name, "a positive number");
  // The end of the day in Beijing (the bank's calendar).
  const end = Date.parse(`${options.asOf}T00:00:00+08:00`) + DAY_MS;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) || Number.isNaN(end))
    throw new BankcrmInvalidArgumentError("asOf", "a day, YYYY-MM-DD");
  return { ...o, end };
}

const median = (sorted: readonly number[]) =>
  sorted.length % 2 === 1
    ? sorted[(sorted.length - 1) / 2]!
    : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;

/** Recent payments out larger than the customer's own history allows. */
function unusualAmounts(recent: Tx[], baseline: Tx[], o: ReturnType<typeof checked>): AnomalySignal[] {
  const out: AnomalySignal[] = [];
  for (const t of recent) {
    if (t.direction !== "debit" || t.amount.amount < o.floor) continue;
    const past = baseline
      .filter((b) => b.direction === "debit" && b.amount.currency === t.amount.currency)
      .map((b) => b.amount.amount)
      .sort((a, b) => a - b);
    if (past.length < o.minBaseline) continue;
    const mid = median(past);
    const max = past[past.length - 1]!;
    if (t.amount.amount <= max || t.amount.amount < o.multiple * mid) continue;
    out.push({
      code: "unusualAmount",
      customerId: t.customerId,
      at: t.at,
      transactionIds: [t.id],
      holdingId: t.holdingId,
      currency: t.amount.currency,
      figures: { amount: t.amount.amount, baselineMax: max, baselineMedian: mid, times: t.amount.amount / mid },
    });
  }
  return out;
}

/** Payments out to several never-seen counterparties within a few hours: the first window that reaches the count. */
function newPayeeBursts(recent: Tx[], baseline: Tx[], o: ReturnType<typeof checked>): AnomalySignal[] {
  const known = new Set(baseline.flatMap((b) => (b.counterparty ? [b.counterparty.trim()] : [])));
  const fresh = recent
    .filter((t) => t.direction === "debit" && t.counterparty && !known.has(t.counterparty.trim()))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const out: AnomalySignal[] = [];
  let from = 0;
  for (let i = 0; i < fresh.length; i++) {
    while (Date.parse(fresh[i]!.at) - Date.parse(fresh[from]!.at) > o.burstHours * 3_600_000) from++;
    const window = fresh.slice(from, i + 1);
    const currency = fresh[i]!.amount.currency;
    const payees = new Set(window.map((t) => t.counterparty!.trim()));
    if (payees.size < o.burstPayees) continue;
    out.push({
      code: "newPayeeBurst",
      customerId: fresh[i]!.customerId,
      at: fresh[i]!.at,
      transactionIds: window.map((t) => t.id),
      currency,
      figures: {
        payees: payees.size,
        total: window.filter((t) => t.amount.currency === currency).reduce((s, t) => s + t.amount.amount, 0),
        hours: o.burstHours,
      },
    });
    // One signal per burst: the next starts after this one.
    from = i + 1;
  }
  return out;
}

/** A holding quiet for months that moves money out again. */
function reactivations(all: Tx[], recentFrom: number, o: ReturnType<typeof checked>): AnomalySignal[] {
  const byHolding = new Map<string, Tx[]>();
  for (const t of all) byHolding.set(t.holdingId, [...(byHolding.get(t.holdingId) ?? []), t]);
  const out: AnomalySignal[] = [];
  for (const [holdingId, list] of byHolding) {
    list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const first = list.findIndex((t) => Date.parse(t.at) >= recentFrom);
    if (first <= 0) continue; // nothing recent, or no earlier transaction to be quiet since
    const quietDays = Math.floor((Date.parse(list[first]!.at) - Date.parse(list[first - 1]!.at)) / DAY_MS);
    const out_ = list.slice(first).filter((t) => t.direction === "debit");
    if (quietDays < o.dormantDays || out_.length === 0) continue;
    const currency = out_[0]!.amount.currency;
    out.push({
      code: "dormantReactivation",
      customerId: list[first]!.customerId,
      at: out_[out_.length - 1]!.at,
      transactionIds: out_.map((t) => t.id),
      holdingId,
      currency,
      figures: {
        quietDays,
        total: out_.filter((t) => t.amount.currency === currency).reduce((s, t) => s + t.amount.amount, 0),
      },
    });
  }
  return out;
}

/**
 * One customer's anomaly signals, newest first. A transaction without its amount or time (a role the server
 * masks them for) is left out: signals are judged on what may be seen.
 */
export function anomalySignals(transactions: readonly Tx[], options: AnomalyOptions): AnomalySignal[] {
  const o = checked(options);
  const recentFrom = o.end - o.recentDays * DAY_MS;
  const baselineFrom = recentFrom - o.baselineDays * DAY_MS;
  const all = transactions.filter(
    (t) => (t.amount as unknown) !== undefined && Number.isFinite(t.amount.amount) && Date.parse(t.at) < o.end,
  );
  const recent = all.filter((t) => Date.parse(t.at) >= recentFrom);
  const baseline = all.filter((t) => Date.parse(t.at) >= baselineFrom && Date.parse(t.at) < recentFrom);
  return [
    ...unusualAmounts(recent, baseline, o),
    ...newPayeeBursts(recent, baseline, o),
    ...reactivations(all, recentFrom, o),
  ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

const ANOMALY_MESSAGES = {
  unusualAmount: {
    "zh-CN": "单笔支出 {amount}，超过客户近 {days} 天最大单笔 {max}，为其中位数 {median} 的 {times} 倍",
    en: "A payment of {amount}: above the largest of the last {days} days ({max}), {times} times the median ({median})",
  },
  newPayeeBurst: {
    "zh-CN": "{hours} 小时内向 {payees} 个从未往来的收款方转出共 {total}",
    en: "{total} paid to {payees} never-seen payees within {hours} hours",
  },
  dormantReactivation: {
    "zh-CN": "账户沉寂 {days} 天后重新转出 {total}",
    en: "{total} paid out after {days} days without a transaction",
  },
} as const satisfies Record<AnomalyCode, Label>;
const { text: say } = messageTable(ANOMALY_MESSAGES);

/** A signal in words, with its figures (amounts in the signal's currency). */
export function anomalyText(
  signal: AnomalySignal,
  locale: Locale,
  options: Pick<AnomalyOptions, "baselineDays"> = {},
): string {
  const money = (minor: number | undefined) => wholeMoney(minor, signal.currency, locale);
  const f = signal.figures;
  if (signal.code === "unusualAmount")
    return say("unusualAmount", locale, {
      amount: money(f.amount),
      max: money(f.baselineMax),
      median: money(f.baselineMedian),
      times: (f.times ?? 0).toFixed(1),
      days: options.baselineDays ?? DEFAULTS.baselineDays,
    });
  if (signal.code === "newPayeeBurst")
    return say("newPayeeBurst", locale, { hours: f.hours ?? 0, payees: f.payees ?? 0, total: money(f.total) });
  return say("dormantReactivation", locale, { days: f.quietDays ?? 0, total: money(f.total) });
}
