import { BankcrmError, hasErrorName } from "./bankcrm-error.js";

/**
 * A state machine refused an event: the record is not in a state where the
 * event applies (a won opportunity cannot be lost, a closed case cannot be
 * resolved again). `allowed` lists the events that do apply now — to offer
 * instead, or to show. Nothing was written.
 */
export class BankcrmTransitionError extends BankcrmError {
  readonly collection: string;
  readonly event: string;
  /** The record's state when the event was refused. */
  readonly from: string;
  /** The events this actor may apply to the record in its current state. */
  readonly allowed: readonly string[];

  constructor(
    collection: string,
    event: string,
    from: string,
    allowed: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(
      "invalid_transition",
      `${collection}: "${event}" does not apply in state "${from}"; allowed: ${allowed.length > 0 ? allowed.join(", ") : "none"}`,
      options,
    );
    this.name = "BankcrmTransitionError";
    this.collection = collection;
    this.event = event;
    this.from = from;
    this.allowed = allowed;
  }
}

export function isTransitionError(error: unknown): error is BankcrmTransitionError {
  return hasErrorName(error, "BankcrmTransitionError");
}
