/**
 * Target achievement (销售目标设定与跟踪): what counts toward which target, from
 * the facts a bank has — customers onboarded, holding balance changes, won
 * opportunities — credited to the relationship manager of record, with pace
 * (what should be achieved by today if the target is met evenly).
 *
 * The rules (docs/sales.md):
 * - new_customers: customers whose `onboardedAt` falls in the period (count);
 * - aum_growth: the net change of AUM products' balances in the period (minor units);
 * - deposit_balance: the net change of deposits' balances (current, time, certificates) in the period;
 * - loan_disbursement: won opportunities for mortgages, consumer and business loans closed in the period (amount);
 * - wealth_sales: won opportunities for wealth management, funds, precious metals, treasury bonds (amount);
 * - credit_cards_issued: won credit-card opportunities (count);
 * - insurance_premium: won insurance opportunities (amount).
 * A customer's facts are credited to the customer's relationship manager and branch; a won
 * opportunity to its owner and to its customer's branch. A staff target counts the staff
 * member's; a branch target its branch's.
 */
import { AUM_PRODUCT_TYPES } from "../scoring/aum.js";
import type { Customer } from "../schemas/customer.js";
import { CREDIT_PRODUCT_TYPES, INVESTMENT_PRODUCT_TYPES } from "../schemas/holding.js";
import type { Opportunity } from "../schemas/opportunity.js";
import type { SalesTarget } from "../schemas/sales-target.js";
import type { ProductType, SalesMetric } from "../vocabulary.js";
import { DAY_MS, isoDay } from "../time.js";

/** A change of a holding's balance on a day (a deposit, a redemption, a new holding's first balance). */
export interface BalanceChange {
  customerId: string;
  productType: ProductType;
  /** ISO date. */
  on: string;
  /** Minor units, signed. */
  delta: number;
}

export interface AchievementFacts {
  customers: readonly Pick<Customer, "id" | "onboardedAt" | "relationshipManagerId" | "branchId">[];
  balanceChanges?: readonly BalanceChange[];
  opportunities?: readonly Pick<
    Opportunity,
    "id" | "customerId" | "ownerId" | "stage" | "productType" | "amount" | "closedAt"
  >[];
}

export interface Achievement {
  targetId: string;
  metric: SalesMetric;
  /** The staff member or branch the target belongs to. */
  owner: { staffId: string } | { branchId: string };
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

export function computeAchievement(
  targets: readonly SalesTarget[],
  facts: AchievementFacts,
  options: { asOf: string | Date },
): Achievement[] {
  const today = isoDay(options.asOf);
  const customers = new Map(facts.customers.map((c) => [c.id, c]));
  return targets.map((t) => {
    const inPeriod = (date: string | undefined) =>
      date !== undefined && date.slice(0, 10) >= t.periodStart && date.slice(0, 10) <= t.periodEnd;
    // Whose facts count: the staff member's (relationship manager of record / owner) or the branch's.
    const customerCounts = (customerId: string) => {
      const c = customers.get(customerId);
      if (!c) return false;
      return t.staffId !== undefined ? c.relationshipManagerId === t.staffId : c.branchId === t.branchId;
    };
    const wonCounts = (o: NonNullable<AchievementFacts["opportunities"]>[number]) =>
      o.stage === "won" &&
      inPeriod(o.closedAt) &&
      (t.staffId !== undefined ? o.ownerId === t.staffId : customers.get(o.customerId)?.branchId === t.branchId);
    const won = (types: readonly ProductType[]) =>
      (facts.opportunities ?? []).filter((o) => types.includes(o.productType) && wonCounts(o));
    const balance = (types: readonly ProductType[]) =>
      (facts.balanceChanges ?? [])
        .filter((b) => types.includes(b.productType) && inPeriod(b.on) && customerCounts(b.customerId))
        .reduce((sum, b) => sum + b.delta, 0);
    const sum = (list: readonly { amount: { amount: number } }[]) => list.reduce((s, o) => s + o.amount.amount, 0);
    const achieved: Record<SalesMetric, () => number> = {
      new_customers: () => facts.customers.filter((c) => inPeriod(c.onboardedAt) && customerCounts(c.id)).length,
      aum_growth: () => balance(AUM_PRODUCT_TYPES),
      deposit_balance: () => balance(DEPOSIT_TYPES),
      loan_disbursement: () => sum(won(LOAN_TYPES)),
      wealth_sales: () => sum(won(INVESTMENT_PRODUCT_TYPES)),
      credit_cards_issued: () => won(["credit_card"]).length,
      insurance_premium: () => sum(won(["insurance"])),
    };
    const value = achieved[t.metric]();
    const days = (Date.parse(t.periodEnd) - Date.parse(t.periodStart)) / DAY_MS + 1;
    const passed = Math.min(days, Math.max(0, (Date.parse(today) - Date.parse(t.periodStart)) / DAY_MS + 1));
    const elapsed = passed / days;
    const expected = Math.round(t.target * elapsed);
    return {
      targetId: t.id,
      metric: t.metric,
      owner: t.staffId !== undefined ? { staffId: t.staffId } : { branchId: t.branchId! },
      target: t.target,
      achieved: value,
      ratio: t.target === 0 ? 0 : value / t.target,
      elapsed,
      expected,
      pace: value - expected,
    };
  });
}
