/**
 * The vocabularies the value models explain themselves with — RFM segments, churn levels and reasons, contribution
 * and value factors, why a customer deserves a call, why an offer is left out — each with its label in i18n/.
 * Re-exported by vocabulary.ts (`@bankcrm/core/vocabulary`), which keeps every vocabulary by name.
 */
/** RFM segments, from the R score and the mean of the F and M scores. */
export const RFM_SEGMENTS = [
  "champions",
  "loyal",
  "potential_loyalists",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
] as const;
export const CHURN_LEVELS = ["low", "medium", "high"] as const;
/** Explanations of the value models, each with a label for the people who read them. */
export const CONTRIBUTION_FACTORS = [
  "depositSpread",
  "loanMargin",
  "expectedLoss",
  "productFees",
  "transactionFees",
  "costToServe",
] as const;
export const VALUE_FACTORS = ["aum", "contribution", "productDepth", "tenure", "engagement", "lifetimeValue"] as const;
export const CHURN_REASONS = [
  "modelDropout",
  "inactive90",
  "inactive180",
  "balanceFalling",
  "balanceCollapsing",
  "complaint",
  "complaints",
] as const;
/** Why a customer deserves a call now (客户关怀): what `careEvents` finds. */
export const CARE_REASONS = [
  "birthday",
  "depositMaturity",
  "wealthMaturity",
  "riskAssessmentExpired",
  "idDocumentExpiring",
  "dormantAccount",
  "dueDiligenceReview",
] as const;
export const OFFER_EXCLUSIONS = [
  "held",
  "aboveRiskTolerance",
  "noRiskAssessment",
  "riskAssessmentExpired",
  "noMarketingConsent",
  "dismissed",
  "inProgress",
] as const;
/** Why a customer turned an offer down, as the relationship manager records it (kept on the interaction). */
export const OFFER_DISMISSAL_REASONS = ["not_interested", "held_elsewhere", "not_now", "too_costly", "other"] as const;

export type RfmSegment = (typeof RFM_SEGMENTS)[number];
export type ChurnLevel = (typeof CHURN_LEVELS)[number];
export type ContributionFactorCode = (typeof CONTRIBUTION_FACTORS)[number];
export type ValueFactorCode = (typeof VALUE_FACTORS)[number];
export type ChurnReasonCode = (typeof CHURN_REASONS)[number];
export type CareReason = (typeof CARE_REASONS)[number];
export type ExclusionCode = (typeof OFFER_EXCLUSIONS)[number];
export type OfferDismissalReason = (typeof OFFER_DISMISSAL_REASONS)[number];
