export { LOCALES, DEFAULT_LOCALE, resolveLocale, messageTable, fillLabel, type Label, type Locale } from "./locale.js";
export { message, hasMessage, messageKeys, type MessageKey } from "./messages.js";
export * from "./labels.js";
export { knowledgeKindLabels, knowledgeStatusLabels } from "./knowledge-labels.js";
export {
  benefitLabels,
  loyaltyEntryKindLabels,
  pricingKindLabels,
  pricingStatusLabels,
  rewardLabels,
} from "./loyalty-labels.js";
export { contactPersonRoleLabels, relationshipGroupKindLabels, relationshipRoleLabels } from "./sme-labels.js";
export { callLeftOutLabels, outboundOutcomeLabels } from "./outbound-labels.js";
export {
  validate,
  parseOrThrow,
  localizeIssues,
  unknownKeys,
  type ValidationResult,
  type ValidateOptions,
} from "./validate.js";
export { describeError } from "./describe-error.js";
export { writeMessage, writeMessageKeys, type WriteMessageKey } from "./write-messages.js";
export { segmentMessage, segmentMessageKeys, type SegmentMessageKey } from "./segment-messages.js";
export { valueMessage, valueMessageKeys, type ValueMessageKey } from "./value-messages.js";
export { saleMessageKeys } from "./sale-messages.js";
