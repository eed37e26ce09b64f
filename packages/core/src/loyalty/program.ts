/**
 * A bank's loyalty programme (积分计划): how points are earned — per product and transaction kind, more for a higher
 * tier —, how long they last, what they buy, and the benefits each tier carries (会员专属权益). The default is an
 * illustrative programme of the kind Chinese retail banks publish; a bank passes its own.
 */
import type { Tier, TransactionCategory, TransactionDirection, ProductType } from "../vocabulary.js";

/** Points for one kind of transaction on one product: `points` for every `every` yuan (whole units), or `flat`. */
export interface EarnRule {
  productType: ProductType;
  category: TransactionCategory;
  direction: TransactionDirection;
  /** Yuan per step: 1 point per ¥20 spent is `{ every: 20, points: 1 }`. */
  every?: number;
  points?: number;
  /** Points for the transaction whatever its amount (a salary paid in: 代发工资). */
  flat?: number;
}

/** What points buy: a reward's code (its label in `rewardLabels`), its price in points, and the lowest tier it is for. */
export interface Reward {
  code: string;
  points: number;
  minTier?: Tier;
}

export const BENEFIT_CODES = [
  "points_earning",
  "birthday_points",
  "transfer_fee_waiver",
  "priority_service",
  "airport_lounge",
  "annual_fee_waiver",
  "health_checkup",
  "dedicated_manager",
  "family_wealth_planning",
] as const;
export type BenefitCode = (typeof BENEFIT_CODES)[number];

export interface LoyaltyProgram {
  /** Amounts the rules count in this currency only (minor units on the transaction). */
  currency: string;
  rules: readonly EarnRule[];
  /** Earned points × this for the customer's tier (rounded down). */
  tierMultiplier: Readonly<Record<Tier, number>>;
  /** Points earned in a year count to the end of the year `validYears` later (Beijing): 1 = the next 31 December. */
  validYears: number;
  rewards: readonly Reward[];
  /** The benefits each tier has; a tier has its own and none of a higher one's. */
  benefits: Readonly<Record<Tier, readonly BenefitCode[]>>;
}

const STANDARD: readonly BenefitCode[] = ["points_earning", "birthday_points"];
const GOLD: readonly BenefitCode[] = [...STANDARD, "transfer_fee_waiver", "priority_service"];
const PLATINUM: readonly BenefitCode[] = [...GOLD, "airport_lounge", "annual_fee_waiver"];
const DIAMOND: readonly BenefitCode[] = [...PLATINUM, "health_checkup", "dedicated_manager"];

export const DEFAULT_LOYALTY_PROGRAM: LoyaltyProgram = Object.freeze({
  currency: "CNY",
  rules: Object.freeze([
    { productType: "credit_card", category: "consumption", direction: "debit", every: 20, points: 1 },
    { productType: "credit_card", category: "utility", direction: "debit", every: 20, points: 1 },
    { productType: "current_deposit", category: "consumption", direction: "debit", every: 50, points: 1 },
    { productType: "current_deposit", category: "utility", direction: "debit", every: 50, points: 1 },
    { productType: "current_deposit", category: "insurance_premium", direction: "debit", every: 100, points: 1 },
    { productType: "current_deposit", category: "salary", direction: "credit", flat: 100 },
  ] satisfies EarnRule[]),
  tierMultiplier: Object.freeze({ standard: 1, gold: 1.2, platinum: 1.5, diamond: 2, private: 2 }),
  validYears: 1,
  rewards: Object.freeze([
    { code: "cash_rebate_10", points: 1_000 },
    { code: "video_membership", points: 3_000 },
    { code: "mobile_credit_50", points: 5_000 },
    { code: "annual_fee_waiver", points: 10_000 },
    { code: "airport_lounge", points: 20_000, minTier: "platinum" },
    { code: "health_checkup", points: 60_000, minTier: "diamond" },
  ] satisfies Reward[]),
  benefits: Object.freeze({
    standard: STANDARD,
    gold: GOLD,
    platinum: PLATINUM,
    diamond: DIAMOND,
    private: [...DIAMOND, "family_wealth_planning"] satisfies BenefitCode[],
  }),
});
