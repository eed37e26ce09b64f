export {
  availableTransitions,
  applyTransition,
  applyUpdate,
  stampCreate,
  withDerived,
  withWriterFields,
  canWrite,
  assertCanWrite,
  versionOf,
  type AvailableTransition,
  type TransitionOptions,
  type WriteKind,
  type WriteStamp,
} from "./transition.js";
export {
  applyCustomerChange,
  applySelfServiceChange,
  consentInForce,
  SELF_SERVICE_CHANGES,
  type CustomerChangeInput,
} from "./customer-change.js";
export { guardFreeText, hasFreeText, identifiersFor, type FreeTextPolicy } from "./free-text.js";
