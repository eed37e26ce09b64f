/**
 * The demo bank's points ledgers. The bank went live with bankcrm's ledger on the first day of the month two months
 * before "today": each customer's balance was carried over from the old system then (what they earned the year
 * before lapses on 31 December, the rest a year later), every transaction since earns by the programme, and some
 * customers have redeemed a reward. The customer record's `loyaltyPoints` stays what the old system last reported —
 * the balance carried over — as a bank's import would leave it; the ledger is the account from then on.
 */
import type { Customer } from "../schemas/customer.js";
import type { Holding } from "../schemas/holding.js";
import type { LoyaltyEntry } from "../schemas/loyalty-entry.js";
import type { PreferentialPrice } from "../schemas/preferential-price.js";
import type { Transaction } from "../schemas/transaction.js";
import { earnEntries, pointsBalance, rewardAllowed } from "../loyalty/ledger.js";
import { DEFAULT_LOYALTY_PROGRAM } from "../loyalty/program.js";
import { createRandom, type Random } from "./random.js";
import { addDays, daysBetween, isoDate, isoDateTime, parseDate } from "./time.js";

/** The day the demo bank's ledger went live: the first of the month two months before `asOf`. */
function goLive(asOf: Date): Date {
  return new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - 2, 1));
}

/**
 * One demo customer's ledger as of `asOf` (YYYY-MM-DD), from their history: the same for the same seed, whether the
 * whole portfolio is generated or one customer's history when they are first opened.
 */
export function demoLedgerFor(
  customer: Customer,
  history: { holdings: readonly Holding[]; transactions: readonly Transaction[] },
  seed: string,
  asOf: string,
): LoyaltyEntry[] {
  const r = createRandom(`${seed}:loyalty:${customer.id}`);
  return demoLedger(r, customer, history.holdings, history.transactions, parseDate(asOf));
}

function demoLedger(
  r: Random,
  customer: Customer,
  holdings: readonly Holding[],
  transactions: readonly Transaction[],
  asOf: Date,
): LoyaltyEntry[] {
  const start = goLive(asOf);
  const year = start.getUTCFullYear();
  const opening = customer.loyaltyPoints;
  const older = Math.round(opening * r.next() * 0.5);
  const carried = (points: number, expiresYear: number, n: number): LoyaltyEntry => ({
    id: `${customer.id}-L${n}`,
    customerId: customer.id,
    kind: "adjust",
    points,
    at: isoDateTime(start, 0),
    expiresOn: `${expiresYear}-12-31`,
    reason: `历史积分迁入（${expiresYear - 1}年获得）`,
    createdBy: "system",
  });
  const ledger: LoyaltyEntry[] = [];
  if (older > 0) ledger.push(carried(older, year, 1));
  if (opening - older > 0) ledger.push(carried(opening - older, year + 1, 2));
  const since = transactions.filter((t) => parseDate(t.at.slice(0, 10)) >= start);
  ledger.push(...earnEntries(customer, since, holdings));
  // Some spend points on a reward they may have, on a day since the go-live.
  const days = daysBetween(start, asOf);
  if (days > 1 && r.bool(0.25)) {
    const at = isoDateTime(addDays(start, r.int(1, days - 1)), r.int(0, 10 * 3600));
    const balance = pointsBalance(ledger, at).balance;
    const affordable = DEFAULT_LOYALTY_PROGRAM.rewards.filter(
      (w) => w.points <= balance && rewardAllowed(w, customer.tier),
    );
    if (affordable.length > 0) {
      const reward = r.pick(affordable);
      ledger.push({
        id: `${customer.id}-L3`,
        customerId: customer.id,
        kind: "redeem",
        points: -reward.points,
        at,
        rewardCode: reward.code,
        createdBy: customer.relationshipManagerId ?? "system",
      });
    }
  }
  return ledger;
}

/**
 * A demo company's preferential prices: about a third of companies with a relationship manager have a loan rate
 * 20–40 bp below the standard (LPR 3.0% + 85 bp), requested by their RM and approved by the branch's manager, for a
 * year from some months ago; one in ten of those also waits for approval of a deposit rate above the standard.
 */
export function demoPricesFor(
  customer: Customer,
  staff: readonly { id: string; role: string; branchId: string }[],
  seed: string,
  asOf: string,
): PreferentialPrice[] {
  const rm = customer.relationshipManagerId;
  const manager = staff.find((s) => s.role === "branch_manager" && s.branchId === customer.branchId);
  if (customer.kind !== "corporate" || !rm || !manager) return [];
  const r = createRandom(`${seed}:pricing:${customer.id}`);
  if (!r.bool(0.35)) return [];
  const start = addDays(parseDate(asOf), -r.int(30, 200));
  const created = isoDateTime(addDays(start, -3), 2 * 3600);
  const approved: PreferentialPrice = {
    id: `PP-${customer.id}-1`,
    customerId: customer.id,
    kind: "loan_rate",
    productType: "business_loan",
    standardBp: 385,
    offeredBp: 385 - 10 * r.int(2, 4),
    amount: { amount: r.int(50, 500) * 10_000_00, currency: "CNY" },
    validFrom: isoDate(start),
    validUntil: isoDate(addDays(start, 365)),
    reason: r.pick(["他行报价更低，客户结算账户在我行", "核心客户，带来代发工资与存款", "供应链上游企业，批量获客"]),
    status: "approved",
    createdBy: rm,
    createdAt: created,
    approvedBy: manager.id,
    approvedAt: isoDateTime(addDays(start, -1), 3 * 3600),
  };
  if (!r.bool(0.1)) return [approved];
  const waiting: PreferentialPrice = {
    id: `PP-${customer.id}-2`,
    customerId: customer.id,
    kind: "deposit_rate",
    productType: "time_deposit",
    standardBp: 165,
    offeredBp: 185,
    validFrom: asOf,
    validUntil: isoDate(addDays(parseDate(asOf), 365)),
    reason: "客户拟转入大额定期存款",
    status: "requested",
    createdBy: rm,
    createdAt: isoDateTime(addDays(parseDate(asOf), -1), 2 * 3600),
  };
  return [approved, waiting];
}
