export { mask, isMasked, MASK_CHAR, type MaskKind, type MaskOptions } from "./mask.js";
export {
  sensitivity,
  defineRecord,
  C1,
  C2,
  c2,
  type FieldClass,
  type FieldSensitivity,
  type FieldClassMap,
  type RecordSensitivity,
} from "./sensitivity.js";
export { rejectC3, findC3Fields, isC3FieldName, C3_FIELD_NAMES } from "./c3.js";
export {
  defaultAccessPolicy,
  canReveal,
  canReadConfidential,
  CONFIDENTIAL_READER_ROLES,
  FINANCIAL_READER_ROLES,
  authorizeReveal,
  customerScopeOf,
  inCustomerScope,
  HEAD_OFFICE_BRANCH_ID,
  type CustomerScope,
  type AccessPolicy,
  type Actor,
  type RevealAuditEvent,
  type RevealRequest,
} from "./access-policy.js";
export { maskRecord, type MaskRecordOptions } from "./mask-record.js";
export { findIdentifiers, identifiersOf, maskIdentifiers, type Found, type Identifiers } from "./free-text.js";
