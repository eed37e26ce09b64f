export {
  createOutbox,
  leadSender,
  type Outbox,
  type OutboxEntry,
  type OutboxOptions,
  type OutboxState,
  type OutboxStatus,
} from "./outbox.js";
