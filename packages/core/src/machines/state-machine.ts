/**
 * State machines over records: which events apply in which state, who may
 * apply them, what details each needs, and what it changes. Pure: a machine
 * never reads a clock or a store — the caller passes the actor and the time.
 */
import type * as z from "zod";
import type { Actor } from "../privacy/access-policy.js";
import type { StaffRole } from "../vocabulary.js";
import type { Customer } from "../schemas/customer.js";
import type { SalePolicy } from "../compliance/sale-check.js";
import type { TransitionRecord } from "../schemas/write-metadata.js";

/** What a transition is applied with: who, when, why, and the event's own details. */
export interface TransitionContext<D = Record<string, unknown>> {
  actor: Actor;
  /** ISO-8601 instant of the transition. */
  at: string;
  details: D;
  /** The record's customer, for events whose `needsCustomer` holds of the record (the caller reads it; a machine never does). */
  customer?: Customer | undefined;
  /** The bank's sale policy (default `DEFAULT_SALE_POLICY`). */
  salePolicy?: SalePolicy | undefined;
}

export interface TransitionDefinition<R = Record<string, unknown>> {
  event: string;
  /** States the event applies in. */
  from: readonly string[];
  /** The state after, or a function of the details (an opportunity moved to a chosen stage). */
  to: string | ((record: R, details: Record<string, unknown>) => string);
  /** Roles that may apply it; default: the collection's writers. */
  roles?: readonly StaffRole[];
  /** The details it needs (`reason`, `amount`, `until`…), validated with localized messages. */
  details?: z.ZodType<Record<string, unknown>>;
  /**
   * A refusal that depends on the record or the actor rather than the state —
   * the reopen window, four eyes. Returns a message key, or undefined to allow.
   */
  guard?: (record: R, context: TransitionContext) => GuardRefusal | undefined;
  /** The event is checked against the record's customer, which the caller reads and passes (`customer`). */
  needsCustomer?: (record: R) => boolean;
  /**
   * A check of the event as applied — with its details and the customer — that throws a typed refusal (a sale that
   * cannot be won). Unlike `guard`, it does not hide the event from `availableTransitions`.
   */
  check?: (record: R, context: TransitionContext) => void;
  /** The fields the transition sets besides the state. */
  effect?: (record: R, context: TransitionContext) => Partial<R>;
}

export interface GuardRefusal {
  /** "accessDenied" refusals are about who acts; "invalid" ones about the record. */
  kind: "accessDenied" | "invalid";
  /** Message key in i18n/messages.ts. */
  reason:
    | "fourEyes"
    | "fourEyesPublish"
    | "fourEyesPricing"
    | "pricingAuthority"
    | "recusal"
    | "reopenWindow"
    | "sameStage"
    | "snoozeInPast"
    | "extendComplaintOnly"
    | "extendLimit"
    | "extendApproval";
}

export interface StateMachine<R = Record<string, unknown>> {
  /** The field that holds the state: `status`, or `stage` for opportunities. */
  field: string;
  /** Every state: the field's vocabulary (`LEAD_STATUSES`, …), never a second list. */
  states: readonly string[];
  /** States a new record may start in. */
  initial: readonly string[];
  /** States nothing leaves (reopen aside, which its own transition allows). */
  terminal: readonly string[];
  transitions: readonly TransitionDefinition<R>[];
}

/** Builds a machine with the record type checked. */
export function defineMachine<R>(machine: StateMachine<R>): StateMachine<R> {
  return machine;
}

export type { TransitionRecord };
