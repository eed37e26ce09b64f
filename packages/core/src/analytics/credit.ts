/**
 * Credit analysis (客户信用分析) of one customer's loans and cards: each credit line's limit, what is owed, its
 * use of the limit month by month (worked back from today's balance through the line's own transactions), days
 * past due and the risk class those days put it in at least (五级分类: 《商业银行金融资产风险分类办法》 2023 —
 * past due at all: special mention; over 90 days: substandard; over 270: doubtful; over 360: loss), and early
 * warnings, each said with its figures. For the relationship manager and the branch manager to look at: the
 * bank's credit department classifies; nothing here decides.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { messageTable, type Label, type Locale } from "../i18n/locale.js";
import type { Holding } from "../schemas/holding.js";
import type { Transaction } from "../schemas/transaction.js";
import { DAY_MS } from "../time.js";
import { wholeMoney, wholePercent } from "./said.js";

/** The product types that lend. */
export const CREDIT_PRODUCT_TYPES = ["credit_card", "consumer_loan", "mortgage", "business_loan"] as const;
export const LOAN_CLASSES = ["normal", "special_mention", "substandard", "doubtful", "loss"] as const;
export type LoanClass = (typeof LOAN_CLASSES)[number];
export const CREDIT_WARNING_CODES = ["pastDue", "highUtilisation", "risingUtilisation", "cashAdvance"] as const;
export type CreditWarningCode = (typeof CREDIT_WARNING_CODES)[number];

export interface CreditLine {
  holdingId: string;
  productType: Holding["productType"];
  productCode: string;
  currency: string;
  /** Minor units; absent for a loan without a revolving limit. */
  limit?: number;
  owed: number;
  /** owed / limit, with a limit. */
  utilisation?: number;
  /** Use of the limit at each of the last `months` month ends, oldest first (the last is today's). */
  trend?: number[];
  daysPastDue: number;
  /** The least risk class the days past due put the line in. */
  class: LoanClass;
}

export interface CreditWarning {
  code: CreditWarningCode;
  holdingId: string;
  currency: string;
  /** What the warning is said with: days, shares (0–1), amounts in minor units. */
  figures: Record<string, number>;
}

export interface CreditOptions {
  /** The day judged, YYYY-MM-DD (Beijing). */
  asOf: string;
  /** Month ends in a line's trend. Default 6. */
  months?: number;
  /** Use of the limit warned about. Default 0.9. */
  highUtilisation?: number;
  /** Rise in use over the trend warned about. Default 0.3. */
  risingBy?: number;
  /** Days back a card's cash withdrawal is warned about. Default 30. */
  cashAdvanceDays?: number;
}

/** The least class a loan's days past due put it in (2023 rules: > 90 substandard, > 270 doubtful, > 360 loss). */
export function loanClassOf(daysPastDue: number): LoanClass {
  if (daysPastDue > 360) return "loss";
  if (daysPastDue > 270) return "doubtful";
  if (daysPastDue > 90) return "substandard";
  return daysPastDue > 0 ? "special_mention" : "normal";
}

const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/** The last day of each of the `months` months up to the as-of day's (the last is the as-of day itself). */
function monthEnds(asOf: string, months: number): number[] {
  const [y, m] = asOf.split("-").map(Number) as [number, number];
  const ends: number[] = [];
  for (let i = months - 1; i >= 1; i--) {
    // Day 0 of the next month is the last day of this one (UTC calendar; Beijing's midnight after it).
    const last = new Date(Date.UTC(y, m - i, 0));
    ends.push(dayStart(last.toISOString().slice(0, 10)) + DAY_MS);
  }
  ends.push(dayStart(asOf) + DAY_MS);
  return ends;
}

type Tx = Pick<Transaction, "holdingId" | "at" | "amount" | "direction" | "category">;

function lineOf(h: Holding, txs: readonly Tx[], o: Required<CreditOptions>, ends: number[]): CreditLine {
  const owed = h.balance.amount;
  const limit = h.creditLimit && h.creditLimit.amount > 0 ? h.creditLimit.amount : undefined;
  const daysPastDue = h.overdueSince
    ? Math.max(0, Math.floor((dayStart(o.asOf) - dayStart(h.overdueSince)) / DAY_MS))
    : h.status === "overdue"
      ? 1
      : 0;
  const line: CreditLine = {
    holdingId: h.id,
    productType: h.productType,
    productCode: h.productCode,
    currency: h.balance.currency,
    ...(limit !== undefined ? { limit, utilisation: owed / limit } : {}),
    owed,
    daysPastDue,
    class: loanClassOf(daysPastDue),
  };
  if (limit === undefined) return line;
  // Owed at a month end = owed now − what was charged after it + what was repaid after it.
  const own = txs.filter((t) => t.holdingId === h.id && t.amount.currency === line.currency);
  line.trend = ends.map((end) => {
    let then = owed;
    for (const t of own)
      if (Date.parse(t.at) >= end) then += t.direction === "debit" ? -t.amount.amount : t.amount.amount;
    return Math.max(0, then) / limit;
  });
  return line;
}

function warningsOf(line: CreditLine, txs: readonly Tx[], o: Required<CreditOptions>): CreditWarning[] {
  const out: CreditWarning[] = [];
  const at = { holdingId: line.holdingId, currency: line.currency };
  if (line.daysPastDue > 0) out.push({ code: "pastDue", ...at, figures: { days: line.daysPastDue, owed: line.owed } });
  if (line.utilisation !== undefined && line.utilisation >= o.highUtilisation)
    out.push({ code: "highUtilisation", ...at, figures: { share: line.utilisation, limit: line.limit! } });
  const trend = line.trend;
  if (trend && trend.length > 1 && trend[trend.length - 1]! - trend[0]! >= o.risingBy)
    out.push({
      code: "risingUtilisation",
      ...at,
      figures: { from: trend[0]!, to: trend[trend.length - 1]!, months: trend.length - 1 },
    });
  if (line.productType === "credit_card") {
    const since = dayStart(o.asOf) + DAY_MS - o.cashAdvanceDays * DAY_MS;
    const cash = txs.filter(
      (t) =>
        t.holdingId === line.holdingId &&
        t.direction === "debit" &&
        t.category === "cash_withdrawal" &&
        Date.parse(t.at) >= since &&
        Date.parse(t.at) < dayStart(o.asOf) + DAY_MS,
    );
    if (cash.length > 0)
      out.push({
        code: "cashAdvance",
        ...at,
        figures: { count: cash.length, total: cash.reduce((s, t) => s + t.amount.amount, 0), days: o.cashAdvanceDays },
      });
  }
  return out;
}

/**
 * One customer's credit lines (open loans and cards) and early warnings. A holding or transaction whose amounts
 * a role may not see (masked by the server) is left out: the analysis is of what may be seen.
 */
export function creditAnalysis(
  holdings: readonly Holding[],
  transactions: readonly Tx[],
  options: CreditOptions,
): { lines: CreditLine[]; warnings: CreditWarning[] } {
  const o: Required<CreditOptions> = {
    months: 6,
    highUtilisation: 0.9,
    risingBy: 0.3,
    cashAdvanceDays: 30,
    ...options,
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.asOf) || Number.isNaN(dayStart(o.asOf)))
    throw new BankcrmInvalidArgumentError("asOf", "a day, YYYY-MM-DD");
  if (!Number.isInteger(o.months) || o.months < 1 || o.months > 36)
    throw new BankcrmInvalidArgumentError("months", "a whole number from 1 to 36");
  for (const name of ["highUtilisation", "risingBy", "cashAdvanceDays"] as const)
    if (!Number.isFinite(o[name]) || o[name] <= 0) throw new BankcrmInvalidArgumentError(name, "a positive number");
  const seen = transactions.filter((t) => (t.amount as unknown) !== undefined && Number.isFinite(t.amount.amount));
  const ends = monthEnds(o.asOf, o.months);
  const lines = holdings
    .filter(
      (h) =>
        (CREDIT_PRODUCT_TYPES as readonly string[]).includes(h.productType) &&
        h.status !== "closed" &&
        (h.balance as unknown) !== undefined,
    )
    .map((h) => lineOf(h, seen, o, ends));
  return { lines, warnings: lines.flatMap((l) => warningsOf(l, seen, o)) };
}

const CREDIT_MESSAGES = {
  pastDue: {
    "zh-CN": "已逾期 {days} 天，欠款 {owed}，风险分类至少为{class}",
    en: "{days} days past due, {owed} owed: classed at least {class}",
  },
  highUtilisation: {
    "zh-CN": "额度使用率 {share}（额度 {limit}）",
    en: "{share} of the {limit} limit in use",
  },
  risingUtilisation: {
    "zh-CN": "额度使用率 {months} 个月内由 {from} 升至 {to}",
    en: "Use of the limit up from {from} to {to} in {months} months",
  },
  cashAdvance: {
    "zh-CN": "近 {days} 天信用卡取现 {count} 笔，共 {total}",
    en: "{count} cash withdrawal(s) on the card in {days} days, {total} in all",
  },
} as const satisfies Record<CreditWarningCode, Label>;
const { text: say } = messageTable(CREDIT_MESSAGES);

export const loanClassLabels = {
  normal: { "zh-CN": "正常", en: "normal" },
  special_mention: { "zh-CN": "关注", en: "special mention" },
  substandard: { "zh-CN": "次级", en: "substandard" },
  doubtful: { "zh-CN": "可疑", en: "doubtful" },
  loss: { "zh-CN": "损失", en: "loss" },
} as const satisfies Record<LoanClass, Label>;

/** A warning in words, with its figures. */
export function creditWarningText(warning: CreditWarning, locale: Locale): string {
  const money = (minor: number | undefined) => wholeMoney(minor, warning.currency, locale);
  const pct = (x: number | undefined) => wholePercent(x, locale);
  const f = warning.figures;
  switch (warning.code) {
    case "pastDue":
      return say("pastDue", locale, {
        days: f.days ?? 0,
        owed: money(f.owed),
        class: loanClassLabels[loanClassOf(f.days ?? 0)][locale],
      });
    case "highUtilisation":
      return say("highUtilisation", locale, { share: pct(f.share), limit: money(f.limit) });
    case "risingUtilisation":
      return say("risingUtilisation", locale, { from: pct(f.from), to: pct(f.to), months: f.months ?? 0 });
    case "cashAdvance":
      return say("cashAdvance", locale, { days: f.days ?? 0, count: f.count ?? 0, total: money(f.total) });
  }
}
