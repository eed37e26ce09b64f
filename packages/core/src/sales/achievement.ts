/**
 * Target achievement (销售目标设定与跟踪) from what customers did — customers onboarded, holdings opened and closed,
 * a card's first transaction — credited to the relationship manager of record at the time, with pace (what an even
 * pace would have achieved by today). The same function runs on the server (`GET /sales/performance`) and in an
 * embedded workstation.
 *
 * The rules (docs/sales.md):
 * - new_customers: customers whose `onboardedAt` falls in the period (count), credited to their RM;
 * - aum_growth, deposit_balance: the net change of AUM products' (deposits') balances in the period — a holding
 *   opened adds its balance, one closed takes it away — credited to the customer's RM;
 * - loan_disbursement, wealth_sales, insurance_premium, product_sales_amount: the amount of the products of the
 *   metric's kind opened in the period (`productTypes` narrows product sales);
 * - credit_cards_issued, product_sales_count: how many were opened;
 * - card_activations: credit cards sold whose first transaction falls in the period.
 * A sale counts for its seller (the holding's `soldBy`: the RM of record on the day it was opened) and, when it was
 * referred and `referralShare` is set, that share of it for the referrer (the seller keeps the rest). A team's target
 * counts its members'; a branch's every sale and customer of the branch.
 */
import { AUM_PRODUCT_TYPES } from "../scoring/aum.js";
import type { Customer } from "../schemas/customer.js";
import { CREDIT_PRODUCT_TYPES, INVESTMENT_PRODUCT_TYPES, type Holding } from "../schemas/holding.js";
import { targetOwner, type SalesTarget } from "../schemas/sales-target.js";
import type { Staff } from "../schemas/staff.js";
import type { ProductType, SalesMetric } from "../vocabulary.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { DAY_MS, isoDay } from "../time.js";
import type { Sale } from "./commission.js";

/** A change of a holding's balance on a day (a deposit, a redemption, a new holding's first balance). */
export interface BalanceChange {
  customerId: string;
  productType: ProductType;
  /** ISO date. */
  on: string;
  /** Minor units, signed. */
  delta: number;
}

type AchievementCustomer = Pick<Customer, "id" | "onboardedAt" | "relationshipManagerId" | "branchId">;

export interface AchievementFacts {
  customers: readonly AchievementCustomer[];
  balanceChanges?: readonly BalanceChange[];
  /** Products opened (`salesOf`): who sold them, who referred them. */
  sales?: readonly Sale[];
  /** The first transaction on each card (`firstUse`): card activations. */
  activations?: ReadonlyMap<string, string>;
  /** The staff, for team targets (who is in which team). */
  staff?: readonly Pick<Staff, "id" | "teamId">[];
}

export interface Achievement {
  targetId: string;
  metric: SalesMetric;
  /** The staff member, team or branch the target belongs to. */
  owner: { staffId: string } | { teamId: string } | { branchId: string };
  periodStart: string;
  periodEnd: string;
  target: number;
  achieved: number;
  /** achieved / target (0 when the target is 0). */
  ratio: number;
  /** Share of the period elapsed by `asOf`, 0–1. */
  elapsed: number;
  /** What an even pace would have achieved by `asOf`: target × elapsed, rounded. */
  expected: number;
  /** achieved − expected: ahead when positive. */
  pace: number;
}

const DEPOSIT_TYPES: readonly ProductType[] = ["current_deposit", "time_deposit", "certificate_of_deposit"];
/** Loans disbursed: the credit products but cards (counted as cards issued). */
const LOAN_TYPES = CREDIT_PRODUCT_TYPES.filter((t) => t !== "credit_card");
const SOLD: Partial<Record<SalesMetric, readonly ProductType[]>> = {
  loan_disbursement: LOAN_TYPES,
  wealth_sales: INVESTMENT_PRODUCT_TYPES,
  insurance_premium: ["insurance"],
  credit_cards_issued: ["credit_card"],
  card_activations: ["credit_card"],
};

/** A holding's balance as balance changes: its balance on the day it was opened, and that balance gone when closed. */
export function balanceChangesOf(
  holdings: readonly Pick<Holding, "customerId" | "productType" | "openedAt" | "closedAt" | "balance">[],
): BalanceChange[] {
  return holdings.flatMap((h) => {
    const base = { customerId: h.customerId, productType: h.productType };
    return [
      { ...base, on: h.openedAt, delta: h.balance.amount },
      ...(h.closedAt !== undefined ? [{ ...base, on: h.closedAt, delta: -h.balance.amount }] : []),
    ];
  });
}

/**
 * Holdings as sales: the seller is the holding's `soldBy` — the RM of record on the day it was opened — or, for a
 * holding kept without one, the customer's RM now; a holding of a customer with neither is nobody's sale.
 */
export function salesOf(
  holdings: readonly Pick<
    Holding,
    "id" | "customerId" | "productType" | "balance" | "openedAt" | "closedAt" | "soldBy" | "referredBy"
  >[],
  customers: readonly Pick<Customer, "id" | "relationshipManagerId">[],
): Sale[] {
  const rm = new Map(customers.map((c) => [c.id, c.relationshipManagerId]));
  return holdings.flatMap((h) => {
    const sellerId = h.soldBy ?? rm.get(h.customerId);
    if (sellerId === undefined) return [];
    return [
      {
        holdingId: h.id,
        customerId: h.customerId,
        productType: h.productType,
        amount: Math.abs(h.balance.amount),
        openedAt: h.openedAt,
        ...(h.closedAt !== undefined ? { closedAt: h.closedAt } : {}),
        sellerId,
        ...(h.referredBy !== undefined ? { referrerId: h.referredBy } : {}),
      },
    ];
  });
}

/** Each card's first transaction day, from its transactions (any order). */
export function firstUse(transactions: readonly { holdingId: string; at: string }[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const t of transactions) {
    const day = t.at.slice(0, 10);
    const seen = first.get(t.holdingId);
    if (seen === undefined || day < seen) first.set(t.holdingId, day);
  }
  return first;
}

export function computeAchievement(
  targets: readonly SalesTarget[],
  facts: AchievementFacts,
  options: { asOf: string | Date; referralShare?: number },
): Achievement[] {
  const share = options.referralShare ?? 0;
  if (!(share >= 0 && share <= 1)) throw new BankcrmInvalidArgumentError("referralShare", "a share from 0 to 1");
  const today = isoDay(options.asOf);
  const customers = new Map(facts.customers.map((c) => [c.id, c]));
  const teamOf = new Map((facts.staff ?? []).map((s) => [s.id, s.teamId]));
  return targets.map((t) => {
    const inPeriod = (date: string | undefined) =>
      date !== undefined && date.slice(0, 10) >= t.periodStart && date.slice(0, 10) <= t.periodEnd;
    const isOwner = (staffId: string | undefined) =>
      staffId !== undefined && (t.staffId !== undefined ? staffId === t.staffId : teamOf.get(staffId) === t.teamId);
    // A customer's own facts (onboarding, balances) count for their RM, the RM's team and their branch.
    const branchOnly = t.staffId === undefined && t.teamId === undefined;
    const customerCounts = (c: AchievementCustomer | undefined) =>
      c === undefined ? false : branchOnly ? c.branchId === t.branchId : isOwner(c.relationshipManagerId);
    // A sale's credit: the seller's part and the referrer's share, or the whole sale for the customer's branch.
    const credit = (s: Sale) => {
      if (branchOnly) return s.customerId !== undefined && customers.get(s.customerId)?.branchId === t.branchId ? 1 : 0;
      const referred = s.referrerId !== undefined && s.referrerId !== s.sellerId;
      return (isOwner(s.sellerId) ? (referred ? 1 - share : 1) : 0) + (referred && isOwner(s.referrerId) ? share : 0);
    };
    const types = t.productTypes ?? SOLD[t.metric];
    const sold = (facts.sales ?? []).filter(
      (s) =>
        (types === undefined || types.includes(s.productType)) &&
        inPeriod(t.metric === "card_activations" ? facts.activations?.get(s.holdingId) : s.openedAt),
    );
    const count = () => round2(sold.reduce((n, s) => n + credit(s), 0));
    const amount = () => Math.round(sold.reduce((n, s) => n + credit(s) * s.amount, 0));
    const balance = (kinds: readonly ProductType[]) =>
      (facts.balanceChanges ?? [])
        .filter((b) => kinds.includes(b.productType) && inPeriod(b.on) && customerCounts(customers.get(b.customerId)))
        .reduce((sum, b) => sum + b.delta, 0);
    const achieved: Record<SalesMetric, () => number> = {
      new_customers: () => facts.customers.filter((c) => inPeriod(c.onboardedAt) && customerCounts(c)).length,
      aum_growth: () => balance(AUM_PRODUCT_TYPES),
      deposit_balance: () => balance(DEPOSIT_TYPES),
      loan_disbursement: amount,
      wealth_sales: amount,
      insurance_premium: amount,
      product_sales_amount: amount,
      credit_cards_issued: count,
      product_sales_count: count,
      card_activations: count,
    };
    const value = achieved[t.metric]();
    const days = (Date.parse(t.periodEnd) - Date.parse(t.periodStart)) / DAY_MS + 1;
    const passed = Math.min(days, Math.max(0, (Date.parse(today) - Date.parse(t.periodStart)) / DAY_MS + 1));
    const elapsed = passed / days;
    const expected = Math.round(t.target * elapsed);
    return {
      targetId: t.id,
      metric: t.metric,
      owner: targetOwner(t),
      periodStart: t.periodStart,
      periodEnd: t.periodEnd,
      target: t.target,
      achieved: value,
      ratio: t.target === 0 ? 0 : value / t.target,
      elapsed,
      expected,
      pace: round2(value - expected),
    };
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;
