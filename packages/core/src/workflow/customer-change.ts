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
import { CustomerSchema, type Customer } from "../schemas/customer.js";
import type { Consent } from "../schemas/consent.js";
import { message } from "../i18n/messages.js";

/** What a person asks to change: one kind at a time. */
export type CustomerChangeInput = Omit<
  CustomerChange,
  "id" | "customerId" | "at" | "by" | "previousContact" | "previousRiskTolerance"
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
  const { actor, at, id, locale = "zh-CN", masked = false } = stamp;
  assertCanWrite("customers", actor, "change");
  if (typeof input !== "object" || input === null)
    throw new BankcrmValidationError([{ path: [], code: "invalidType", message: message("invalidType", locale) }]);
  const raw = input as Record<string, unknown>;
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
