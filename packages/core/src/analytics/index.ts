export {
  summarizeTransactions,
  summarizeCustomer,
  type CustomerSummary,
  type SummarizeOptions,
  type SummaryTransaction,
} from "./summarize.js";
export { scoreRfm, rfmSegment, rfmCell, rfmCellRule, type RfmScore } from "./rfm.js";
export {
  creditAnalysis,
  creditWarningText,
  loanClassOf,
  loanClassLabels,
  CREDIT_PRODUCT_TYPES,
  CREDIT_WARNING_CODES,
  LOAN_CLASSES,
  type CreditLine,
  type CreditWarning,
  type CreditWarningCode,
  type CreditOptions,
  type LoanClass,
} from "./credit.js";
export {
  anomalySignals,
  anomalyText,
  ANOMALY_CODES,
  type AnomalyCode,
  type AnomalySignal,
  type AnomalyOptions,
} from "./anomaly.js";
export {
  fitBgNbd,
  bgNbdModel,
  groupTriples,
  type BgNbdModel,
  type BgNbdParams,
  type RepeatBuyer,
  type FitOptions,
} from "./bg-nbd.js";
export {
  fitGammaGamma,
  gammaGammaModel,
  customerLifetimeValue,
  type GammaGammaModel,
  type GammaGammaParams,
  type Spender,
  type ClvOptions,
} from "./gamma-gamma.js";
export {
  churnRisk,
  defaultChurnConfig,
  type ChurnRisk,
  type ChurnSignals,
  type ChurnReason,
  type ChurnConfig,
} from "./churn.js";
export { mineAssociationRules, type AssociationRule, type AprioriOptions } from "./association-rules.js";
export {
  nextBestOffers,
  offerResponses,
  latestMarketingConsent,
  type OfferResponses,
  type NextBestOffers,
  type Offer,
  type OfferableProduct,
  type OfferReason,
  type NextBestOfferOptions,
  type ExclusionCode,
} from "./next-best-offer.js";
export { unsuitability, type SuitabilityOptions, type Unsuitability } from "./suitability.js";
export {
  computeBookMetrics,
  createBookMetricsJob,
  fitBookModels,
  scoreCustomer,
  type BookCustomer,
  type BookMetrics,
  type BookMetricsOptions,
  type BookMetricsJob,
  type BookMetricsJobOptions,
  type BookModels,
  type CustomerValue,
} from "./book-metrics.js";
export {
  findGoldCustomers,
  churnAlerts,
  churnAlerter,
  newestAlertFirst,
  goldBars,
  isNearNextTier,
  topShareBar,
  type GoldBars,
  valueReasonText,
  type GoldCustomer,
  type GoldOptions,
  type GoldReasonCode,
  type ChurnAlert,
  type ChurnAlertCode,
  type ChurnAlertOptions,
  type ValueReason,
} from "./value-lists.js";
export {
  serveBookMetrics,
  startBookMetrics,
  type BookMetricsRun,
  startBookMetricsParallel,
  type BookMetricsSource,
  type BookPart,
  type StartBookMetricsOptions,
} from "./book-metrics-worker.js";
export {
  summarizeGroup,
  type GroupMemberFigures,
  type GroupMemberRecords,
  type GroupSummary,
} from "./relationship-group.js";
export {
  productUsage,
  type ProductUsage,
  type ProductUsageOptions,
  type UsageCustomer,
  type ProductReach,
  type ChannelUse,
} from "./usage.js";
