export {
  BENEFIT_CODES,
  DEFAULT_LOYALTY_PROGRAM,
  type BenefitCode,
  type EarnRule,
  type LoyaltyProgram,
  type Reward,
} from "./program.js";
export {
  beijingDay,
  earnEntries,
  earnedPoints,
  expiresOnFor,
  expiryEntries,
  loyaltyRefusal,
  pointsBalance,
  rewardAllowed,
  rewardOf,
  type LoyaltyRefusal,
  type PointsBalance,
} from "./ledger.js";
export { LoyaltyEntrySchema, type LoyaltyEntry } from "../schemas/loyalty-entry.js";
export { benefitLabels, rewardLabels } from "../i18n/loyalty-labels.js";
