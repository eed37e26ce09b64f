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
import type { Transaction } from "../schemas/transaction.js";
import { earnEntries, pointsBalance, rewardAllowed } from "../loyalty/ledger.js";
import { DEFAULT_LOYALTY_PROGRAM } from "../loyalty/program.js";
import { createRandom, type Random } from "./random.js";
import { addDays, daysBetween, isoDateTime, parseDate } from "./time.js";

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
