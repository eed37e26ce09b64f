/**
 * Customer tiers by AUM (客户等级). Defaults follow common practice at Chinese
 * retail banks: gold from 50,000 CNY, platinum from 500,000, diamond from
 * 2,000,000 and private banking from 6,000,000 (私人银行门槛).
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Money } from "../money/money-schema.js";
import { TIERS, type Tier } from "../schemas/enums.js";

export interface TierConfig {
  currency: string;
  /** Minimum AUM in minor units for each tier; must rise with the tier. */
  thresholds: Readonly<Record<Tier, number>>;
}

export const defaultTierConfig: TierConfig = Object.freeze({
  currency: "CNY",
  thresholds: Object.freeze({
    standard: 0,
    gold: 5_000_000, // 50,000 CNY in fen
    platinum: 50_000_000,
    diamond: 200_000_000,
    private: 600_000_000,
  }),
});

export interface TierAssignment {
  tier: Tier;
  aum: Money;
  /** The threshold the customer met. */
  threshold: number;
  /** The next tier up and how much more AUM reaches it; absent at the top. */
  next?: { tier: Tier; threshold: number; gap: number };
}

function checkConfig(config: TierConfig): void {
  let previous = -1;
  for (const tier of TIERS) {
    const t = config.thresholds[tier];
    if (!Number.isSafeInteger(t) || t <= previous) {
      throw new BankcrmInvalidArgumentError(
        "config.thresholds",
        `"${tier}" must be an integer above the tier below it`,
      );
    }
    previous = t;
  }
}

/** The tier a customer's AUM earns, with the reason (threshold met, gap to the next tier). */
export function assignTier(input: { aum: Money }, config: TierConfig = defaultTierConfig): TierAssignment {
  checkConfig(config);
  const { aum } = input;
  if (aum.currency !== config.currency) {
    throw new BankcrmInvalidArgumentError("aum", `AUM in ${aum.currency}, thresholds in ${config.currency}`);
  }
  const amount = Number.isFinite(aum.amount) ? aum.amount : 0;
  const index = tierIndex(amount, config);
  const tier = TIERS[index]!;
  const nextTier = TIERS[index + 1];
  return {
    tier,
    aum,
    threshold: config.thresholds[tier],
    ...(nextTier
      ? { next: { tier: nextTier, threshold: config.thresholds[nextTier], gap: config.thresholds[nextTier] - amount } }
      : {}),
  };
}

/** The index in `TIERS` of the tier an amount earns (config checked by the caller). */
function tierIndex(amount: number, config: TierConfig): number {
  for (let i = TIERS.length - 1; i >= 0; i--) if (amount >= config.thresholds[TIERS[i]!]) return i;
  return 0;
}

/**
 * `assignTier`'s tier and next tier for many amounts in CNY minor units: the
 * config checked once, no objects a call unless there is a next tier. The same
 * answers as `assignTier` (tested).
 */
export function tierAssigner(
  config: TierConfig = defaultTierConfig,
): (amount: number) => { tier: Tier; next?: { tier: Tier; gap: number } } {
  checkConfig(config);
  const plain = TIERS.map((tier) => ({ tier }));
  return (raw) => {
    const amount = Number.isFinite(raw) ? raw : 0;
    const index = tierIndex(amount, config);
    const nextTier = TIERS[index + 1];
    if (!nextTier) return plain[index]!;
    return { tier: TIERS[index]!, next: { tier: nextTier, gap: config.thresholds[nextTier] - amount } };
  };
}
