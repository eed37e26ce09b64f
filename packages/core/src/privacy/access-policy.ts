/**
 * Who may see what. Every role sees C1 data; C2 data is masked for display and
 * only roles the policy names may reveal it, one field at a time, each reveal
 * producing an audit event. C3 data never exists in bankcrm to be revealed.
 */
import { STAFF_ROLES, type StaffRole } from "../vocabulary.js";
import { BankcrmAccessDeniedError } from "../errors/access-denied-error.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { FieldClass } from "./sensitivity.js";

export interface AccessPolicy {
  /** For each class, the roles that may reveal its fields. */
  reveal: Record<FieldClass, readonly StaffRole[]>;
  /** Whether a reveal must state a reason (recommended; default true). */
  requireReason: boolean;
}

/**
 * The default policy: relationship managers, branch managers, service agents
 * (who verify callers) and auditors may reveal C2 fields; tellers and marketing
 * staff may not — tellers verify identity against the document in front of them,
 * and marketing works on segments, never on individual identifiers.
 */
export const defaultAccessPolicy: AccessPolicy = Object.freeze({
  reveal: Object.freeze({
    C1: STAFF_ROLES, // every role sees C1 data
    C2: Object.freeze([
      "relationship_manager",
      "branch_manager",
      "service_agent",
      "auditor",
      "privacy_officer",
    ] as const),
  }),
  requireReason: true,
});

export interface Actor {
  id: string;
  role: StaffRole;
  branchId?: string;
}

/** The branch id of head office: its staff see every branch's customers. */
export const HEAD_OFFICE_BRANCH_ID = "HQ";

/**
 * Which customers a member of staff works with — the same rule for a client
 * filtering a local book and a server filtering its queries:
 * - a relationship manager: their own book (customers whose relationship manager they are);
 * - a service agent: every customer — a call centre serves the whole bank (what they see is masked, and a
 *   caller is verified before anything of theirs is shown);
 * - head office staff (auditors, head-office marketing): every customer;
 * - everyone else (branch manager, teller, branch marketing): their branch.
 * A member of staff without a branch sees no one.
 */
export type CustomerScope =
  | { kind: "all" }
  | { kind: "book"; relationshipManagerId: string }
  | { kind: "branch"; branchId: string }
  | { kind: "none" };

export function customerScopeOf(actor: Actor, headOffice: string = HEAD_OFFICE_BRANCH_ID): CustomerScope {
  if (actor.role === "relationship_manager") return { kind: "book", relationshipManagerId: actor.id };
  if (actor.role === "service_agent" || actor.branchId === headOffice) return { kind: "all" };
  if (actor.branchId) return { kind: "branch", branchId: actor.branchId };
  return { kind: "none" };
}

/** Whether a customer is in the actor's scope (see `customerScopeOf`). */
export function inCustomerScope(
  actor: Actor,
  customer: { relationshipManagerId?: string | undefined; branchId?: string | undefined },
  headOffice: string = HEAD_OFFICE_BRANCH_ID,
): boolean {
  const scope = customerScopeOf(actor, headOffice);
  switch (scope.kind) {
    case "all":
      return true;
    case "book":
      return customer.relationshipManagerId === scope.relationshipManagerId;
    case "branch":
      return customer.branchId === scope.branchId;
    case "none":
      return false;
  }
}

/**
 * Roles that may read confidential interaction notes (私密备注); every other
 * role never receives them — the client drops them and the timeline hides them.
 */
export const CONFIDENTIAL_READER_ROLES: readonly StaffRole[] = Object.freeze([
  "relationship_manager",
  "branch_manager",
  "auditor",
] as const);

/**
 * Roles whose work needs balances and amounts (C2 values without a mask); the
 * others (marketing) get records without them. Identifiers stay masked for all.
 */
export const FINANCIAL_READER_ROLES: readonly StaffRole[] = Object.freeze([
  "relationship_manager",
  "branch_manager",
  "teller",
  "service_agent",
  "auditor",
  "privacy_officer",
] as const);

/** Whether this actor may read confidential notes; no actor (a customer's own portal) may not. */
export function canReadConfidential(
  actor: Actor | undefined,
  roles: readonly StaffRole[] = CONFIDENTIAL_READER_ROLES,
): boolean {
  return actor !== undefined && roles.includes(actor.role);
}

export function canReveal(actor: Actor, fieldClass: FieldClass, policy: AccessPolicy = defaultAccessPolicy): boolean {
  return policy.reveal[fieldClass].includes(actor.role);
}

/**
 * The record of one reveal. It says who revealed which field of which customer,
 * when and why — and deliberately has no place for the revealed value.
 */
export interface RevealAuditEvent {
  type: "reveal";
  actorId: string;
  actorRole: StaffRole;
  customerId: string;
  field: string;
  fieldClass: FieldClass;
  reason: string;
  at: string;
}

export interface RevealRequest {
  actor: Actor;
  customerId: string;
  /** Dotted path of the field, e.g. "contact.mobile". */
  field: string;
  fieldClass: FieldClass;
  reason?: string;
  /** Injected clock, for tests and replays. Default: now. */
  now?: Date;
}

/**
 * Authorizes a reveal and returns the audit event to record *before* the value
 * is shown. Throws `BankcrmAccessDeniedError` for a role the policy does not
 * allow, and `BankcrmInvalidArgumentError` when a required reason is missing.
 */
export function authorizeReveal(request: RevealRequest, policy: AccessPolicy = defaultAccessPolicy): RevealAuditEvent {
  const { actor, fieldClass } = request;
  if (!canReveal(actor, fieldClass, policy)) {
    throw new BankcrmAccessDeniedError(actor.role, `reveal ${fieldClass} field "${request.field}"`);
  }
  const reason = request.reason?.trim() ?? "";
  if (policy.requireReason && reason === "") {
    throw new BankcrmInvalidArgumentError("reason", "a reveal must state why the value is needed");
  }
  return {
    type: "reveal",
    actorId: actor.id,
    actorRole: actor.role,
    customerId: request.customerId,
    field: request.field,
    fieldClass,
    reason,
    at: (request.now ?? new Date()).toISOString(),
  };
}
