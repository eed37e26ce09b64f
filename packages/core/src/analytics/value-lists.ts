/**
 * The customers who matter, found in the whole book's metrics:
 *
 * - **gold customers** (黄金客户甄别): worth far more than their tier says —
 *   contribution or predicted lifetime value in the book's top share while the
 *   tier is below the one such customers are served at — and customers within
 *   reach of the next tier (`assignTier().next`);
 * - **churn alerts** (流失预警): profitable customers slipping away — P(alive)
 *   falling since the last computation, money flowing out over 30 / 90 days,
 *   products closed, recent complaints — newest first.
 *
 * Every entry carries its reasons as codes with their figures, in words by
 * `valueReasonText` in zh-CN and English.
 */
import { DAY_MS, instantMs, isoDay } from "../time.js";
import { wholeMoney, wholePercent } from "./said.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { TIERS, type Tier } from "../schemas/enums.js";
import { tierLabels } from "../i18n/labels.js";
import type { Locale } from "../i18n/locale.js";
import { valueMessage } from "../i18n/value-messages.js";
import type { BookCustomer, CustomerValue } from "./book-metrics.js";

export type GoldReasonCode = "topContribution" | "topLifetimeValue" | "nearNextTier";
export type ChurnAlertCode = "aliveFalling" | "outflow30" | "outflow90" | "productsClosed" | "complaints";

export interface ValueReason<C extends string> {
  code: C;
  /** The figures the reason quotes: shares as 0–1, money in minor units, tiers as codes. */
  params: Record<string, string | number>;
}

export interface GoldCustomer {
  customerId: string;
  value: CustomerValue;
  reasons: ValueReason<GoldReasonCode>[];
}

export interface GoldOptions {
  /** The book's top share that counts as worth much (default 0.1: the top 10%). */
  topShare?: number;
  /** The tier customers worth that much are served at (default platinum): below it, they are under-served. */
  servedFrom?: Tier;
  /** Within reach of the next tier: a gap of at most this share of its threshold (default 0.2). */
  reachShare?: number;
}

/** Where `v` stands in ascending `sorted`: the share of values below it. */
function percentile(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length === 0 ? 0 : lo / sorted.length;
}

const share = (name: string, v: number | undefined, fallback: number): number => {
  const x = v ?? fallback;
  if (!(x > 0 && x < 1)) throw new BankcrmInvalidArgumentError(name, "a share between 0 and 1");
  return x;
};

/**
 * The bar of the book's top share, as one number: a value is in the top
 * `topShare` (by the share of the book strictly below it, as `findGoldCustomers`
 * ranks) exactly when it is greater than this. `sorted` ascending. For a
 * store or a stream: compare with it instead of ranking (a flag without the percentile).
 */
export function topShareBar(sorted: Float64Array, topShare: number): number {
  const n = sorted.length;
  if (n === 0) return Infinity; // an empty book has no top
  const from = 1 - topShare;
  // The fewest values below that reach the top share, by the same arithmetic as `percentile`.
  let i = Math.min(n, Math.max(0, Math.ceil(from * n) - 1));
  while (i > 0 && (i - 1) / n >= from) i--;
  while (i < n && i / n < from) i++;
  return i === 0 ? -Infinity : sorted[i - 1]!;
}

export interface GoldBars {
  /** A contribution above this is in the book's top share. */
  contribution: number;
  /** A lifetime value above this is in the top share of those known. */
  clv: number;
  /** Tiers below this index of `TIERS` are below the one such customers are served at. */
  servedAt: number;
}

/** The bars `findGoldCustomers` applies, for a job that cannot hold the whole book's values at once. */
export function goldBars(
  contributions: ArrayLike<number>,
  clvs: ArrayLike<number>,
  options: Pick<GoldOptions, "topShare" | "servedFrom"> = {},
): GoldBars {
  const top = share("topShare", options.topShare, 0.1);
  const servedAt = TIERS.indexOf(options.servedFrom ?? "platinum");
  if (servedAt < 0) throw new BankcrmInvalidArgumentError("servedFrom", "a tier");
  return {
    contribution: topShareBar(Float64Array.from(contributions).sort(), top),
    clv: topShareBar(Float64Array.from(clvs).sort(), top),
    servedAt,
  };
}

/** Within reach of the next tier: a gap of at most `reachShare` of the next tier's threshold. */
export function isNearNextTier(v: Pick<CustomerValue, "aum" | "next">, reachShare = 0.2): boolean {
  const reach = share("reachShare", reachShare, 0.2);
  return v.next !== undefined && v.next.gap > 0 && v.next.gap <= reach * (v.aum + v.next.gap);
}

/** Gold customers: under-served by their tier, or within reach of the next; the most valuable first. */
export function findGoldCustomers(values: readonly CustomerValue[], options: GoldOptions = {}): GoldCustomer[] {
  const top = share("topShare", options.topShare, 0.1);
  const reach = share("reachShare", options.reachShare, 0.2);
  const servedAt = TIERS.indexOf(options.servedFrom ?? "platinum");
  if (servedAt < 0) throw new BankcrmInvalidArgumentError("servedFrom", "a tier");
  const contributions = Float64Array.from(values, (v) => v.contribution).sort();
  const clvs = Float64Array.from(
    values.filter((v) => v.clv !== undefined),
    (v) => v.clv!,
  ).sort();
  const out: GoldCustomer[] = [];
  for (const v of values) {
    const reasons: ValueReason<GoldReasonCode>[] = [];
    const tier = v.recordedTier ?? v.tier;
    if (TIERS.indexOf(tier) < servedAt) {
      const pc = percentile(contributions, v.contribution);
      if (v.contribution > 0 && pc >= 1 - top)
        reasons.push({ code: "topContribution", params: { percentile: pc, contribution: v.contribution, tier } });
      if (v.clv !== undefined && v.clv > 0) {
        const pl = percentile(clvs, v.clv);
        if (pl >= 1 - top) reasons.push({ code: "topLifetimeValue", params: { percentile: pl, clv: v.clv, tier } });
      }
    }
    if (v.next && isNearNextTier(v, reach))
      reasons.push({ code: "nearNextTier", params: { next: v.next.tier, gap: v.next.gap } });
    if (reasons.length > 0) out.push({ customerId: v.customerId, value: v, reasons });
  }
  return out.sort((a, b) => b.value.contribution - a.value.contribution || (a.customerId < b.customerId ? -1 : 1));
}

export interface ChurnAlert {
  customerId: string;
  value: CustomerValue;
  /** The newest signal's day. */
  at: string;
  reasons: (ValueReason<ChurnAlertCode> & { at: string })[];
}

export interface ChurnAlertOptions {
  asOf: string | Date;
  /** The previous computation's P(alive) by customer, to see it fall. */
  previous?: ReadonlyMap<string, { probabilityAlive?: number }>;
  /** A fall of P(alive) of at least this much is an alert (default 0.2). */
  aliveDrop?: number;
  /** Net outflow of at least this share of what the customer held at the window's start (default 0.3). */
  outflowShare?: number;
  /** Only customers contributing more than this (minor units a year; default 0: the profitable ones). */
  minContribution?: number;
}

type ChurnSignal = ChurnAlert["reasons"][number];

/** The newest signal first; among the same day, the larger contribution. */
export const newestAlertFirst = (a: ChurnAlert, b: ChurnAlert): number =>
  (a.at < b.at ? 1 : a.at > b.at ? -1 : 0) || b.value.contribution - a.value.contribution;

/**
 * The churn alert in two steps, for a job that reads each customer's records
 * once and fits its models afterwards: `signals` — what the records say alone
 * (net outflow over 30 or 90 days against what was held, products closed,
 * complaints), given the customer's open AUM — and `alert`, once their value
 * is known (a fall of P(alive), the profitable ones only). `churnAlerts` is the
 * two over a batch.
 */
export function churnAlerter(options: ChurnAlertOptions): {
  signals(b: BookCustomer, aum: number): ChurnSignal[];
  alert(v: CustomerValue, signals: readonly ChurnSignal[]): ChurnAlert | undefined;
} {
  const asOf = isoDay(options.asOf);
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`) + DAY_MS;
  const drop = share("aliveDrop", options.aliveDrop, 0.2);
  const outflow = share("outflowShare", options.outflowShare, 0.3);
  const floor = options.minContribution ?? 0;
  const since30 = asOfMs - 30 * DAY_MS;
  const since90 = asOfMs - 90 * DAY_MS;
  return {
    signals(b, aum) {
      const reasons: ChurnSignal[] = [];
      // Net outflow over a window, against what was held at its start (now + what left).
      let net30 = 0;
      let net90 = 0;
      let last30 = "";
      let last90 = "";
      for (const t of b.transactions) {
        const at = instantMs(t.at);
        if (at < since90 || at >= asOfMs || t.amount.currency !== "CNY") continue;
        const signed = t.direction === "debit" ? t.amount.amount : -t.amount.amount;
        net90 += signed;
        if (t.direction === "debit" && t.at > last90) last90 = t.at;
        if (at >= since30) {
          net30 += signed;
          if (t.direction === "debit" && t.at > last30) last30 = t.at;
        }
      }
      // The 30-day outflow says it first; the 90-day one would repeat it.
      for (const [net, last, code] of [
        [net30, last30, "outflow30"],
        [net90, last90, "outflow90"],
      ] as const)
        if (net > 0 && net >= outflow * (aum + net)) {
          reasons.push({ code, at: isoDay(last), params: { amount: net, share: net / (aum + net) } });
          break;
        }
      const closed = b.holdings.filter(
        (h) =>
          h.status === "closed" &&
          h.maturityDate !== undefined &&
          Date.parse(h.maturityDate) >= since90 &&
          Date.parse(h.maturityDate) < asOfMs,
      );
      if (closed.length > 0) {
        const at = closed.map((h) => h.maturityDate!).sort()[closed.length - 1]!;
        reasons.push({ code: "productsClosed", at, params: { count: closed.length } });
      }
      const complaints = (b.serviceCases ?? []).filter(
        (c) => c.type === "complaint" && Date.parse(c.openedAt) >= since90,
      );
      if (complaints.length > 0) {
        const at = isoDay(complaints.map((c) => c.openedAt).sort()[complaints.length - 1]!);
        reasons.push({ code: "complaints", at, params: { count: complaints.length } });
      }
      return reasons;
    },
    alert(v, signals) {
      if (!(v.contribution > floor)) return undefined;
      const reasons: ChurnSignal[] = [];
      const before = options.previous?.get(v.customerId)?.probabilityAlive;
      if (before !== undefined && v.probabilityAlive !== undefined && before - v.probabilityAlive >= drop)
        reasons.push({ code: "aliveFalling", at: asOf, params: { from: before, to: v.probabilityAlive } });
      reasons.push(...signals);
      if (reasons.length === 0) return undefined;
      reasons.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      return { customerId: v.customerId, value: v, at: reasons[0]!.at, reasons };
    },
  };
}

/** Profitable customers slipping away, each with its signals; the newest signal first. */
export function churnAlerts(
  book: readonly BookCustomer[],
  values: readonly CustomerValue[],
  options: ChurnAlertOptions,
): ChurnAlert[] {
  const alerter = churnAlerter(options);
  const floor = options.minContribution ?? 0;
  const byId = new Map(values.map((v) => [v.customerId, v]));
  const out: ChurnAlert[] = [];
  for (const b of book) {
    const v = byId.get(b.customer.id);
    if (!v || !(v.contribution > floor)) continue;
    const alert = alerter.alert(v, alerter.signals(b, v.aum));
    if (alert) out.push(alert);
  }
  return out.sort(newestAlertFirst);
}

const pct = wholePercent;
const yuan = (fen: number, l: Locale) => wholeMoney(fen, "CNY", l);

/** A gold or churn reason in words. */
export function valueReasonText(reason: ValueReason<GoldReasonCode | ChurnAlertCode>, locale: Locale): string {
  const p = reason.params;
  const tier = (code: unknown) => tierLabels[code as Tier]?.[locale] ?? String(code);
  // A reason without its amount (a role that may not see money): said without it.
  const quoted = (key: string) => p[key] !== undefined && p[key] !== null;
  switch (reason.code) {
    case "topContribution":
      return valueMessage(quoted("contribution") ? "reasonTopContribution" : "reasonTopContributionUnquoted", locale, {
        top: pct(1 - Number(p.percentile), locale),
        amount: yuan(Number(p.contribution), locale),
        tier: tier(p.tier),
      });
    case "topLifetimeValue":
      return valueMessage(quoted("clv") ? "reasonTopLifetimeValue" : "reasonTopLifetimeValueUnquoted", locale, {
        top: pct(1 - Number(p.percentile), locale),
        amount: yuan(Number(p.clv), locale),
        tier: tier(p.tier),
      });
    case "nearNextTier":
      return valueMessage(quoted("gap") ? "reasonNearNextTier" : "reasonNearNextTierUnquoted", locale, {
        tier: tier(p.next),
        gap: yuan(Number(p.gap), locale),
      });
    case "aliveFalling":
      return valueMessage("reasonAliveFalling", locale, {
        from: pct(Number(p.from), locale),
        to: pct(Number(p.to), locale),
      });
    case "outflow30":
    case "outflow90": {
      const key = reason.code === "outflow30" ? "reasonOutflow30" : "reasonOutflow90";
      return valueMessage(quoted("amount") ? key : `${key}Unquoted`, locale, {
        amount: yuan(Number(p.amount), locale),
        share: pct(Number(p.share), locale),
      });
    }
    case "productsClosed":
      return valueMessage("reasonProductsClosed", locale, { count: Number(p.count) });
    case "complaints":
      return valueMessage("reasonComplaints", locale, { count: Number(p.count) });
  }
}
