/**
 * Changing a customer's details so that nothing is lost: the customer record
 * gets the new state and a `CustomerChange` record keeps what it was, what it
 * became, who changed it and when. A withdrawn consent is appended, never
 * edited away — the latest record per purpose and channel is the one in force,
 * so offers and campaigns respect a withdrawal at once.
 */
import { BankcrmValidationError } from "../errors/validation-error.js";
import { parseOrThrow } from "../i18n/validate.js";
import { assertCanWrite, nextWrite, type WriteStamp } from "./transition.js";
import { CustomerChangeSchema, type CustomerChange } from "../schemas/customer-change.js";
import { CustomerSchema, type CorporateCustomer, type Customer } from "../schemas/customer.js";
import { maskRecord } from "../privacy/mask-record.js";
import type { Consent } from "../schemas/consent.js";
import { message } from "../i18n/messages.js";
import { BankcrmAccessDeniedError } from "../errors/access-denied-error.js";
import type { Locale } from "../i18n/locale.js";

/** What a person asks to change: one kind at a time. */
export type CustomerChangeInput = Omit<
  CustomerChange,
  | "id"
  | "customerId"
  | "at"
  | "by"
  | "previousContact"
  | "previousRiskTolerance"
  | "previousRelationshipManagerId"
  | "previousBranchId"
  | "previousContactPersons"
>;

/**
 * Applies a change: returns the customer as it now is (next version, updatedAt /
 * updatedBy) and the change record to keep beside it. Validated both ways.
 */
export function applyCustomerChange(
  customer: Customer,
  input: unknown,
  stamp: WriteStamp & { id: string },
): { customer: Customer; change: CustomerChange } {
  assertCanWrite("customers", stamp.actor, "change");
  // A customer's book moves by the branch manager's decision (客户经理制), never by the RM who holds it.
  const kind = typeof input === "object" && input !== null ? (input as { kind?: unknown }).kind : undefined;
  if (kind === "transfer" && stamp.actor.role !== "branch_manager")
    throw new BankcrmAccessDeniedError(stamp.actor.role, "transfer a customer", { reason: "transferRole" });
  return changeCustomer(customer, input, stamp);
}

/** What customers may change themselves (internet banking, the app): their contact details and their consents. */
export const SELF_SERVICE_CHANGES = ["contact", "consent"] as const;

/**
 * A customer's change to their own record, made in a channel they sign in to: only their own record, and only
 * what `SELF_SERVICE_CHANGES` names (a risk re-assessment needs the questionnaire with staff). `by` is the
 * customer's id, so the history says the customer made it. Throws BankcrmAccessDeniedError otherwise.
 */
export function applySelfServiceChange(
  customer: Customer,
  input: unknown,
  stamp: { customerId: string; at: string; id: string; locale?: Locale; masked?: boolean },
): { customer: Customer; change: CustomerChange } {
  const kind = typeof input === "object" && input !== null ? (input as { kind?: unknown }).kind : undefined;
  if (stamp.customerId !== customer.id) throw new BankcrmAccessDeniedError("customer", "change another customer");
  if (!(SELF_SERVICE_CHANGES as readonly unknown[]).includes(kind))
    throw new BankcrmAccessDeniedError("customer", `make a ${String(kind)} change`);
  return changeCustomer(customer, input, { ...stamp, actor: { id: stamp.customerId } });
}

/**
 * A company's contact persons come back as the writer was shown them — names and mobiles masked: each that is a
 * stored person as shown gets that person's stored values again, wherever it stands in the list; a new or changed one
 * is taken as sent (a masked value there is refused by validation, unless the record itself came masked).
 */
function withShownContactPersons(raw: Record<string, unknown>, customer: Customer): Record<string, unknown> {
  const before = customer.kind === "corporate" ? customer.contactPersons : undefined;
  if (raw.kind !== "contact_persons" || !Array.isArray(raw.contactPersons) || !before) return raw;
  const shown = (maskRecord(CustomerSchema, customer, { keepValues: true }) as CorporateCustomer).contactPersons ?? [];
  const key = (p: unknown) => JSON.stringify(p);
  const stored = new Map(shown.map((p, i) => [key(p), before[i]!]));
  return { ...raw, contactPersons: raw.contactPersons.map((p: unknown) => stored.get(key(p)) ?? p) };
}

function changeCustomer(
  customer: Customer,
  input: unknown,
  stamp: { actor: { id: string }; at: string; id: string; locale?: Locale; masked?: boolean },
): { customer: Customer; change: CustomerChange } {
  const { actor, at, id, locale = "zh-CN", masked = false } = stamp;
  if (typeof input !== "object" || input === null)
    throw new BankcrmValidationError([{ path: [], code: "invalidType", message: message("invalidType", locale) }]);
  const raw = withShownContactPersons(input as Record<string, unknown>, customer);
  const change = parseOrThrow(
    CustomerChangeSchema,
    {
      ...raw,
      id,
      customerId: customer.id,
      at,
      by: actor.id,
      ...(raw.kind === "contact" ? { previousContact: customer.contact } : {}),
      ...(raw.kind === "risk_assessment" && customer.riskTolerance !== undefined
        ? { previousRiskTolerance: customer.riskTolerance }
        : {}),
      ...(raw.kind === "contact_persons" && customer.kind === "corporate" && customer.contactPersons
        ? { previousContactPersons: customer.contactPersons }
        : {}),
      ...(raw.kind === "transfer"
        ? {
            ...(customer.relationshipManagerId
              ? { previousRelationshipManagerId: customer.relationshipManagerId }
              : {}),
            previousBranchId: customer.branchId,
          }
        : {}),
    },
    locale,
    { allowMasked: masked },
  );
  let next: Record<string, unknown> = { ...customer };
  if (change.kind === "contact") next.contact = { ...customer.contact, ...change.contact };
  if (change.kind === "risk_assessment") {
    next.riskTolerance = change.riskTolerance;
    next.riskAssessedAt = change.riskAssessedAt;
  }
  if (change.kind === "consent") next.consents = [...customer.consents, change.consent!];
  if (change.kind === "contact_persons") {
    // Only a company has contact persons.
    if (customer.kind !== "corporate")
      throw new BankcrmValidationError([{ path: ["kind"], code: "invalid", message: message("invalid", locale) }]);
    next.contactPersons = change.contactPersons;
  }
  if (change.kind === "transfer") {
    next.relationshipManagerId = change.relationshipManagerId;
    if (change.branchId !== undefined) next.branchId = change.branchId;
  }
  next = { ...next, ...nextWrite(customer, actor, at) };
  return { customer: parseOrThrow(CustomerSchema, next, locale, { allowMasked: masked }), change };
}

/** The consent in force for a purpose and channel: the latest recorded (a withdrawal included), or undefined. */
export function consentInForce(
  consents: readonly Consent[],
  purpose: Consent["purpose"],
  channel: Consent["channel"],
): Consent | undefined {
  let latest: Consent | undefined;
  for (const c of consents) {
    if (c.purpose !== purpose || (c.channel !== channel && c.channel !== "all")) continue;
    if (!latest || c.recordedAt >= latest.recordedAt) latest = c;
  }
  return latest;
}
