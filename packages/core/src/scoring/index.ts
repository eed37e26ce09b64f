export { computeAum, AUM_PRODUCT_TYPES, type AumOptions, type AumResult } from "./aum.js";
export { assignTier, defaultTierConfig, type TierConfig, type TierAssignment } from "./tier.js";
