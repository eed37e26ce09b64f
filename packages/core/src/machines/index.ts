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
