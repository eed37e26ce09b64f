export {
  createOutbox,
  failureReason,
  httpSender,
  type WriteEntryBody,
  type Outbox,
  type OutboxEntry,
  type OutboxOptions,
  type OutboxState,
  type OutboxStatus,
} from "./outbox.js";
