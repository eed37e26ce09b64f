export { computeAum, AUM_PRODUCT_TYPES, type AumOptions, type AumResult } from "./aum.js";
export { assignTier, defaultTierConfig, type TierConfig, type TierAssignment } from "./tier.js";
export {
  computeContribution,
  defaultContributionConfig,
  type Contribution,
  type ContributionConfig,
  type ContributionFactor,
  type ContributionFactorCode,
} from "./contribution.js";
export {
  scoreCustomerValue,
  normalizedWeights,
  VALUE_FACTOR_INPUTS,
  defaultValueScoreConfig,
  type ValueInputs,
  type ValueScore,
  type ValueScoreConfig,
  type ValueFactor,
  type ValueFactorCode,
} from "./value-score.js";
