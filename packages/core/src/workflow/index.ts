export {
  defineMachine,
  type StateMachine,
  type TransitionDefinition,
  type TransitionContext,
  type GuardRefusal,
} from "./state-machine.js";
export {
  leadMachine,
  opportunityMachine,
  serviceCaseMachine,
  taskMachine,
  campaignMachine,
  DEFAULT_STAGE_PROBABILITY,
  DEFAULT_REOPEN_WINDOW_DAYS,
  OPEN_STAGES,
} from "./machines.js";
export {
  availableTransitions,
  applyTransition,
  applyUpdate,
  stampCreate,
  canWrite,
  assertCanWrite,
  versionOf,
  type AvailableTransition,
  type TransitionOptions,
  type WriteKind,
  type WriteStamp,
} from "./transition.js";
export { applyCustomerChange, consentInForce, type CustomerChangeInput } from "./customer-change.js";
export { guardFreeText, type FreeTextPolicy } from "./free-text.js";
