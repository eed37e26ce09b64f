/**
 * What a regulator checks, as rules the SDK enforces (docs/compliance.md): suitability and dual recording at the sale
 * (适当性管理, 双录). `@bankcrm/core/compliance`.
 */
export {
  DEFAULT_SALE_POLICY,
  ELDER_SALE_RULE,
  SALE_CHECKED_PRODUCT_TYPES,
  SALE_REFUSAL_CODES,
  ageOn,
  saleChecked,
  saleOverridable,
  saleRefusals,
  type SalePolicy,
  type SaleRefusal,
  type SaleRefusalCode,
  type SaleRule,
} from "./sale-check.js";
export { transitionNeedsCustomer } from "../workflow/transition.js";
export { describeSaleRefusal, saleRefusalText } from "../i18n/sale-messages.js";
export { isSaleRefusedError } from "../errors/sale-refused-error.js";
export {
  DEFAULT_KYC_POLICY,
  kycByBranch,
  kycState,
  type BranchKyc,
  type DocumentState,
  type KycPolicy,
  type KycState,
  type ReviewState,
} from "./kyc.js";
export {
  RetentionTableSchema,
  SalePolicySchema,
  SaleRuleSchema,
  retentionTableOf,
  salePolicyOf,
} from "./sale-policy-schema.js";
export {
  subjectAccessDocument,
  subjectAccessPackage,
  type SubjectAccessPackage,
  type Withheld,
} from "./subject-access.js";
export { breach, regulatoryBreaches, type BranchBreaches } from "./breaches.js";
export {
  ANONYMOUS_CUSTOMER_ID,
  DEFAULT_RETENTION,
  HOLD_KINDS,
  PERSONAL_COLLECTIONS,
  anonymised,
  erasureAnswer,
  holdsOn,
  restricted,
  retentionPlan,
  yearsAfter,
  type Hold,
  type HoldKind,
  type PersonalCollection,
  type RetentionPlan,
  type RetentionRule,
  type RetentionStep,
  type RetentionTable,
} from "./retention.js";
export { boundTo } from "../segmentation/definition.js";
export { requireSensitiveConsent } from "../segmentation/catalog.js";
export { SENSITIVE_CONSENT } from "../segmentation/definition.js";
