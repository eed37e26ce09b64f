/**
 * A customer's points (积分) from their ledger: what each transaction earns under the programme, the balance on a day
 * — redemptions spend the points that lapse soonest first; points past their last day count no more, whether or not
 * the nightly job has written them off yet —, the entries that job writes, and whether a staff member's entry may be
 * made (a redemption the balance covers, for a reward the customer's tier may have; an adjustment by a branch manager).
 */
import type { Customer } from "../schemas/customer.js";
import type { Holding } from "../schemas/holding.js";
import type { LoyaltyEntry } from "../schemas/loyalty-entry.js";
import type { Transaction } from "../schemas/transaction.js";
import { DAY_MS, instantMs } from "../time.js";
import type { ProductType, Tier } from "../vocabulary.js";
import { DEFAULT_LOYALTY_PROGRAM, type LoyaltyProgram, type Reward } from "./program.js";

const BEIJING_MS = 8 * 3_600_000;
const TIER_ORDER: readonly Tier[] = ["standard", "gold", "platinum", "diamond", "private"];

/** The day (Beijing) of an instant: when points lapse and when a day's redemption happens. */
export function beijingDay(at: string): string {
  return new Date(instantMs(at) + BEIJING_MS).toISOString().slice(0, 10);
}

/** The last day points earned at `at` count: 31 December, `validYears` after the year they were earned. */
export function expiresOnFor(at: string, program: LoyaltyProgram = DEFAULT_LOYALTY_PROGRAM): string {
  return `${Number(beijingDay(at).slice(0, 4)) + program.validYears}-12-31`;
}

/** Points a transaction earns on a holding of `productType` for a customer of `tier` (0 when no rule counts it). */
export function earnedPoints(
  transaction: Pick<Transaction, "amount" | "category" | "direction">,
  productType: ProductType | undefined,
  tier: Tier | undefined,
  program: LoyaltyProgram = DEFAULT_LOYALTY_PROGRAM,
): number {
  if (productType === undefined || transaction.amount.currency !== program.currency) return 0;
  const rule = program.rules.find(
    (r) =>
      r.productType === productType && r.category === transaction.category && r.direction === transaction.direction,
  );
  if (!rule) return 0;
  const base =
    rule.flat ??
    (rule.every && rule.points ? Math.floor(transaction.amount.amount / (rule.every * 100)) * rule.points : 0);
  // In hundredths, so 1.2 × 3 is 3 (not 3.5999… rounded down to 3 by luck).
  return Math.floor((base * Math.round(program.tierMultiplier[tier ?? "standard"] * 100)) / 100);
}

/** The earn entries of a customer's transactions (one per transaction that earns; id `<transaction id>-P`). */
export function earnEntries(
  customer: Pick<Customer, "id" | "tier">,
  transactions: readonly Transaction[],
  holdings: readonly Pick<Holding, "id" | "productType">[],
  program: LoyaltyProgram = DEFAULT_LOYALTY_PROGRAM,
): LoyaltyEntry[] {
  const productOf = new Map(holdings.map((h) => [h.id, h.productType]));
  const out: LoyaltyEntry[] = [];
  for (const t of transactions) {
    const points = earnedPoints(t, productOf.get(t.holdingId), customer.tier, program);
    if (points > 0)
      out.push({
        id: `${t.id}-P`,
        customerId: customer.id,
        kind: "earn",
        points,
        at: t.at,
        expiresOn: expiresOnFor(t.at, program),
        transactionId: t.id,
      });
  }
  return out;
}

interface Lot {
  expiresOn: string | undefined;
  remaining: number;
}

/** A ledger's standing on a day. */
export interface PointsBalance {
  /** Points the customer may spend now. */
  balance: number;
  /** Points past their last day that no expire entry has written off yet (the nightly job's next work). */
  lapsed: number;
  /** The live points by the day they lapse, soonest first (points with no last day are not listed). */
  expiring: { on: string; points: number }[];
  /** Totals of the entries up to the day, as positive numbers. */
  earned: number;
  redeemed: number;
  expired: number;
}

const lapsedOn = (lot: Lot, day: string) => lot.expiresOn !== undefined && lot.expiresOn < day;
const bySoonest = (a: Lot, b: Lot) =>
  a.expiresOn === b.expiresOn
    ? 0
    : a.expiresOn === undefined
      ? 1
      : b.expiresOn === undefined
        ? -1
        : a.expiresOn < b.expiresOn
          ? -1
          : 1;

/** Takes `points` from the lots lapsed on `day` (or the live ones), soonest to lapse first; returns what is left. */
function take(lots: Lot[], points: number, day: string, lapsed: boolean): number {
  let left = points;
  for (const lot of lots.filter((l) => l.remaining > 0 && lapsedOn(l, day) === lapsed).sort(bySoonest)) {
    const n = Math.min(lot.remaining, left);
    lot.remaining -= n;
    left -= n;
    if (left === 0) break;
  }
  return left;
}

const byTime = (a: LoyaltyEntry, b: LoyaltyEntry) =>
  instantMs(a.at) - instantMs(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The lots of a ledger replayed up to `asOf` (an instant), with what was spent beyond them and the totals. */
function replay(entries: readonly LoyaltyEntry[], asOf: string) {
  const until = instantMs(asOf);
  const lots: Lot[] = [];
  const totals = { earned: 0, redeemed: 0, expired: 0, deficit: 0 };
  for (const e of [...entries].sort(byTime)) {
    if (instantMs(e.at) > until) break;
    if (e.kind === "earn") totals.earned += e.points;
    else if (e.kind === "redeem") totals.redeemed -= e.points;
    else if (e.kind === "expire") totals.expired -= e.points;
    if (e.points > 0) {
      lots.push({ expiresOn: e.expiresOn, remaining: e.points });
      continue;
    }
    const day = beijingDay(e.at);
    // An expiry writes off lapsed points; anything else spends live ones. What neither covers stays owed.
    let left = take(lots, -e.points, day, e.kind === "expire");
    if (e.kind === "expire") left = take(lots, left, day, false);
    totals.deficit += left;
  }
  return { lots, totals };
}

/** The balance of a customer's ledger at `asOf` (an instant; default now), and what lapses when. */
export function pointsBalance(
  entries: readonly LoyaltyEntry[],
  asOf: string = new Date().toISOString(),
): PointsBalance {
  const { lots, totals } = replay(entries, asOf);
  const day = beijingDay(asOf);
  let live = 0;
  let lapsed = 0;
  const expiring = new Map<string, number>();
  for (const lot of lots) {
    if (lot.remaining === 0) continue;
    if (lapsedOn(lot, day)) lapsed += lot.remaining;
    else {
      live += lot.remaining;
      if (lot.expiresOn !== undefined) expiring.set(lot.expiresOn, (expiring.get(lot.expiresOn) ?? 0) + lot.remaining);
    }
  }
  return {
    balance: live - totals.deficit,
    lapsed,
    expiring: [...expiring].sort(([a], [b]) => (a < b ? -1 : 1)).map(([on, points]) => ({ on, points })),
    earned: totals.earned,
    redeemed: totals.redeemed,
    expired: totals.expired,
  };
}

/**
 * The nightly job's entries for one customer: each lot of points lapsed by `asOf` and not yet written off, as one
 * expire entry per last day, dated the next day's midnight (Beijing); id `<customer>-X<last day>-<asOf's day>`, so the
 * job run twice on a day writes the same entries.
 */
export function expiryEntries(customerId: string, entries: readonly LoyaltyEntry[], asOf: string): LoyaltyEntry[] {
  const { lots } = replay(entries, asOf);
  const day = beijingDay(asOf);
  const byDay = new Map<string, number>();
  for (const lot of lots)
    if (lot.remaining > 0 && lapsedOn(lot, day))
      byDay.set(lot.expiresOn!, (byDay.get(lot.expiresOn!) ?? 0) + lot.remaining);
  return [...byDay].map(([on, points]) => ({
    id: `${customerId}-X${on}-${day}`,
    customerId,
    kind: "expire" as const,
    points: -points,
    at: `${new Date(Date.parse(`${on}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)}T00:00:00+08:00`,
  }));
}

/** Why a staff member's ledger entry is refused (a write-message key), or nothing. */
export type LoyaltyRefusal = "ledgerSystem" | "adjustRole" | "rewardUnknown" | "rewardTier" | "insufficientPoints";

/** The reward of a code in the programme's catalogue. */
export function rewardOf(
  code: string | undefined,
  program: LoyaltyProgram = DEFAULT_LOYALTY_PROGRAM,
): Reward | undefined {
  return program.rewards.find((r) => r.code === code);
}

/** Whether a customer of `tier` may have the reward (its lowest tier or above). */
export function rewardAllowed(reward: Reward, tier: Tier | undefined): boolean {
  return reward.minTier === undefined || TIER_ORDER.indexOf(tier ?? "standard") >= TIER_ORDER.indexOf(reward.minTier);
}

/**
 * Whether staff may add `entry` to the customer's `ledger`: earned and expired points come from the bank's systems
 * (its import and nightly job), never a person; an adjustment is a branch manager's; a redemption is of a reward in the
 * catalogue at its price, that the customer's tier may have and their balance covers — on the later of its own time
 * and `now` (the writer's clock), so a redemption dated back (an offline device's, or a forged one) spends neither
 * points that have lapsed since nor points spent since.
 */
export function loyaltyRefusal(
  entry: LoyaltyEntry,
  ledger: readonly LoyaltyEntry[],
  customer: Pick<Customer, "tier"> | undefined,
  role: string,
  now: string = entry.at,
  program: LoyaltyProgram = DEFAULT_LOYALTY_PROGRAM,
): LoyaltyRefusal | undefined {
  if (entry.kind === "earn" || entry.kind === "expire") return "ledgerSystem";
  if (entry.kind === "adjust") return role === "branch_manager" ? undefined : "adjustRole";
  const reward = rewardOf(entry.rewardCode, program);
  if (!reward || entry.points !== -reward.points) return "rewardUnknown";
  if (!rewardAllowed(reward, customer?.tier)) return "rewardTier";
  const when = instantMs(now) > instantMs(entry.at) ? now : entry.at;
  return pointsBalance(ledger, when).balance < reward.points ? "insufficientPoints" : undefined;
}
