/**
 * @bankcrm/core — the domain model of a bank's customers: record schemas,
 * collections and their machines, identifiers, privacy (sensitivity classes,
 * masking, reveal policy), money, localized messages, value scoring,
 * segmentation, sales, service and marketing rules. Pure functions; no I/O, no DOM.
 *
 * The root holds the domain (at most 250 runtime names; a test counts them).
 * Every type is exported here; the values that are lists, tables or internals
 * sit behind subpaths, each also exporting what the root does from its area:
 *   @bankcrm/core/vocabulary   the closed vocabularies as const tuples (TIERS, …)
 *   @bankcrm/core/schemas      + each vocabulary's zod enum and the `*Fields` shapes
 *   @bankcrm/core/i18n         + the label table of each vocabulary and the areas' message tables
 *   @bankcrm/core/collections  + how a collection is stored (indexes, derived and clear fields)
 *   @bankcrm/core/identifiers  + check-digit and region internals
 *   @bankcrm/core/text         bidi isolation of data shown inside a sentence
 *   @bankcrm/core/marketing    + the statistics (normal CDF, Wilson interval, two-proportion test)
 *   @bankcrm/core/analytics    CLV (BG/NBD, Gamma-Gamma), churn, RFM, association rules, next best offer, book metrics
 *   @bankcrm/core/numeric      the numerical routines the models fit with
 *   @bankcrm/core/demo         the seeded demo bank
 */
export * from "./errors/index.js";
export {
  COUNT_METRICS,
  isCountMetric,
  ID_PATTERN,
  vocabularies,
  CREDIT_PRODUCT_TYPES,
  CUSTOMER_CHANGE_KINDS,
  CampaignResponseSchema,
  CampaignSchema,
  CorporateCustomerSchema,
  CustomerChangeKindSchema,
  CustomerChangeSchema,
  CustomerSchema,
  HoldingSchema,
  INVESTMENT_PRODUCT_TYPES,
  IdSchema,
  IndividualCustomerSchema,
  InteractionSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  LeadSchema,
  OpportunitySchema,
  RateSchema,
  RelationshipGroupSchema,
  SalesTargetSchema,
  SegmentSchema,
  ServiceCaseSchema,
  StaffSchema,
  TagSchema,
  TagsSchema,
  TaskSchema,
  TransactionSchema,
  VersionSchema,
  definitionOf,
  matchesCustomerSearch,
  recordJsonSchema,
  text,
} from "./schemas/index.js";
export type * from "./schemas/index.js";
export * from "./machines/index.js";
export {
  COLLECTION_NAMES,
  MACHINE_COLLECTIONS,
  WRITABLE_COLLECTIONS,
  WRITER_ROLES,
  belongsTo,
  collectionSchemas,
  collectionSpec,
  collections,
  isCollectionName,
  recordJsonSchemas,
  recordSchemas,
} from "./collections/index.js";
export type * from "./collections/index.js";
export * from "./metrics/index.js";
export {
  BankCardNumberSchema,
  MobileSchema,
  ResidentIdNumberSchema,
  UsccSchema,
  formatResidentIdNumber,
  formatUscc,
  isValidBankCardNumber,
  isValidMobile,
  isValidResidentIdNumber,
  isValidUscc,
  normalizeBankCardNumber,
  normalizeMobile,
  parseResidentIdNumber,
  provinceOf,
} from "./identifiers/index.js";
export type * from "./identifiers/index.js";
export type * from "./text/index.js";
export * from "./privacy/index.js";
export * from "./money/index.js";
export {
  DEFAULT_LOCALE,
  LOCALES,
  describeError,
  fillLabel,
  hasMessage,
  label,
  labelIn,
  labelsOf,
  localizeIssues,
  message,
  messageKeys,
  messageTable,
  parseOrThrow,
  resolveLocale,
  unknownKeys,
  validate,
} from "./i18n/index.js";
export type * from "./i18n/index.js";
export * from "./scoring/index.js";
export type * from "./analytics/index.js";
export * from "./segmentation/index.js";
export * from "./workflow/index.js";
export * from "./sales/index.js";
export type * from "./compliance/index.js";
// The service desk's rules at the root; the newer figures (serviceTrend, callCentreStatistics) only in
// @bankcrm/core/service: the root keeps to its 250 names.
export {
  MAINLAND_CHINA_HOLIDAYS,
  mainlandChinaCalendar,
  workCalendar,
  DEFAULT_SLA_TABLE,
  computeSlaDue,
  slaPolicyFor,
  slaState,
  workingDaysLeft,
  serviceStatistics,
  CALLER_LOCK_HOURS,
  CALLER_VERIFICATION_ATTEMPTS,
  callerAnswersMatch,
  callerLock,
  bindingDue,
  caseDerivedFields,
  MAX_COMPLAINT_EXTENSIONS,
  regulatoryDue,
  REGULATORY_COMPLAINT_DAYS,
} from "./service/index.js";
export type * from "./service/index.js";
export {
  DEFAULT_CONTACT_POLICY,
  assignControlGroup,
  campaignAudience,
  campaignEffectiveness,
  campaignMemberId,
  derivedResponses,
  goalOf,
  measureCampaign,
  planLaunch,
} from "./marketing/index.js";
export type * from "./marketing/index.js";
export * from "./contract/index.js";
export type * from "./demo/index.js";
export { DAY_MS, instantMs } from "./time.js";
