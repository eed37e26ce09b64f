/**
 * Sales performance (销售业绩): targets with achievement and pace, each RM's rank among those with a target of the same
 * metric and period, and commission — all from the records, by the same function on the server (`GET
 * /sales/performance`) and in an embedded workstation.
 */
import type { Customer } from "../schemas/customer.js";
import type { Holding } from "../schemas/holding.js";
import type { SalesTarget } from "../schemas/sales-target.js";
import type { Staff } from "../schemas/staff.js";
import { isoDay } from "../time.js";
import { balanceChangesOf, computeAchievement, firstUse, salesOf, type Achievement } from "./achievement.js";
import { computeCommission, type Commission, type CommissionScheme } from "./commission.js";

export interface RankedAchievement extends Achievement {
  /** Among the parts of the same allocated target (or RMs' targets of one metric and period): 1 is the furthest along. */
  rank?: number;
  /** How many are ranked. */
  of?: number;
}

export interface SalesPerformance {
  asOf: string;
  periodStart: string;
  periodEnd: string;
  achievements: RankedAchievement[];
  /** Per person, for the sales opened in the period; empty without a scheme. */
  commission: Commission[];
}

export interface PerformanceInput {
  targets: readonly SalesTarget[];
  customers: readonly Pick<Customer, "id" | "onboardedAt" | "relationshipManagerId" | "branchId">[];
  holdings: readonly Holding[];
  /** Card transactions, for activations. */
  transactions?: readonly { holdingId: string; at: string }[];
  staff?: readonly Pick<Staff, "id" | "teamId">[];
  scheme?: CommissionScheme;
  /** The share of a referred sale credited to the referrer toward targets (default 0: the seller's). */
  referralShare?: number;
  asOf: string | Date;
  /** The commission period; by default the calendar quarter of `asOf`. */
  period?: { periodStart: string; periodEnd: string };
}

/** The calendar quarter a day falls in. */
export function quarterOf(day: string): { periodStart: string; periodEnd: string } {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const end = new Date(Date.UTC(year, q * 3 + 3, 0));
  return { periodStart: `${year}-${String(q * 3 + 1).padStart(2, "0")}-01`, periodEnd: end.toISOString().slice(0, 10) };
}

export function salesPerformance(input: PerformanceInput): SalesPerformance {
  const asOf = isoDay(input.asOf);
  const period = input.period ?? quarterOf(asOf);
  const sales = salesOf(input.holdings, input.customers);
  const achievements: RankedAchievement[] = computeAchievement(
    input.targets,
    {
      customers: input.customers,
      sales,
      balanceChanges: balanceChangesOf(input.holdings),
      activations: firstUse(input.transactions ?? []),
      ...(input.staff ? { staff: input.staff } : {}),
    },
    { asOf, ...(input.referralShare !== undefined ? { referralShare: input.referralShare } : {}) },
  );
  const groups = new Map<string, RankedAchievement[]>();
  const parentOf = new Map(input.targets.map((t) => [t.id, t.parentId]));
  for (const a of achievements) {
    if (!("staffId" in a.owner)) continue;
    // Peers: the parts of one allocated target, or RMs' own targets of the same metric and period.
    const key = parentOf.get(a.targetId) ?? `${a.metric}|${a.periodStart}|${a.periodEnd}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => b.ratio - a.ratio || a.targetId.localeCompare(b.targetId));
    group.forEach((a, i) => Object.assign(a, { rank: i + 1, of: group.length }));
  }
  const commission = input.scheme ? computeCommission(input.scheme, sales, { ...period, asOf }) : [];
  return { asOf, ...period, achievements, commission };
}
