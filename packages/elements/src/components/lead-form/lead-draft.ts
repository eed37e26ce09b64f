/**
 * The lead form's draft — the fields a person fills in, as typed — and the lead
 * record it becomes: only the fields the purpose asks for, amounts typed in yuan
 * stored in fen, the consent with its text version and the time it was given.
 * Pure: the element decides when to build it and what to do with it.
 */
import type { Actor, FieldError, LeadPurpose, LeadSource } from "@bankcrm/core";
import { LEAD_FORM_FIELDS, yuanToFen, type LeadFormField } from "./lead-fields.js";

/** The fields a person fills in, as typed. */
export interface Draft {
  purpose: string;
  name: string;
  mobile: string;
  productInterest: string;
  expectedAmount: string;
  preferredContactTime: string;
  notes: string;
}
export type DraftField = keyof Draft | "consent";

export const EMPTY: Draft = {
  purpose: "",
  name: "",
  mobile: "",
  productInterest: "",
  expectedAmount: "",
  preferredContactTime: "",
  notes: "",
};
/** The order the form shows its fields in (the first invalid one is focused). */
export const FIELD_ORDER: DraftField[] = [
  "purpose",
  "name",
  "mobile",
  "productInterest",
  "expectedAmount",
  "preferredContactTime",
  "notes",
  "consent",
];

/** The consent text version recorded when the host names none. */
export const DEFAULT_CONSENT_VERSION = "bankcrm-lead-2026-11";

export function newLeadId(): string {
  return `LD-${crypto.randomUUID()}`;
}

/** What the lead is built from besides the draft: the element's settings, its user and the consent given. */
export interface LeadContext {
  id: string;
  purpose: LeadPurpose | undefined;
  fields: readonly LeadFormField[];
  audience: "customer" | "staff";
  customerId?: string | undefined;
  source?: LeadSource | undefined;
  branchId?: string | undefined;
  campaignId?: string | undefined;
  user?: Actor | undefined;
  consent: { granted: boolean; textVersion: string; recordedAt?: string | undefined };
}

/** The lead a draft becomes (not yet validated), and whether the amount could not be read as yuan. */
export function leadFromDraft(d: Draft, c: LeadContext): { lead: Record<string, unknown>; badAmount: boolean } {
  const { purpose, fields } = c;
  const products = purpose ? LEAD_FORM_FIELDS[purpose].products : [];
  const product = fields.includes("productInterest")
    ? d.productInterest || undefined
    : products.length === 1
      ? products[0]
      : undefined;
  const fen = fields.includes("expectedAmount") ? yuanToFen(d.expectedAmount) : undefined;
  const now = new Date().toISOString();
  const staff = c.audience === "staff";
  const optional = (key: string, value: unknown) => (value === undefined || value === "" ? {} : { [key]: value });
  const lead: Record<string, unknown> = {
    id: c.id,
    ...optional("customerId", c.customerId),
    name: d.name.trim(),
    mobile: d.mobile.replace(/[\s-]/g, ""),
    ...optional("purpose", purpose ?? d.purpose),
    ...optional("productInterest", product),
    ...optional(
      "expectedAmount",
      fen !== undefined && !Number.isNaN(fen) ? { amount: fen, currency: "CNY" } : undefined,
    ),
    ...optional("preferredContactTime", fields.includes("preferredContactTime") ? d.preferredContactTime : undefined),
    ...optional("notes", fields.includes("notes") ? d.notes.trim() : undefined),
    source: c.source ?? (staff ? "branch_walk_in" : "internet_banking"),
    status: "new",
    ...optional("branchId", c.branchId ?? (staff ? c.user?.branchId : undefined)),
    ...optional("campaignId", c.campaignId),
    consent: {
      purpose: "marketing",
      channel: "phone",
      granted: c.consent.granted,
      textVersion: c.consent.textVersion,
      recordedAt: c.consent.recordedAt ?? now,
    },
    createdAt: now,
    ...optional("createdBy", staff ? c.user?.id : undefined),
  };
  return { lead, badAmount: fen !== undefined && Number.isNaN(fen) };
}

/** Field errors by the draft's fields; one on a field the form does not show is a configuration mistake, said on the purpose's line. */
export function errorsByField(
  list: readonly FieldError[],
  shown: (field: DraftField) => boolean,
): Partial<Record<DraftField, string>> {
  const errors: Partial<Record<DraftField, string>> = {};
  for (const e of list) {
    const head = String(e.path[0] ?? "");
    const field: DraftField | undefined =
      head === "consent" ? "consent" : head in EMPTY ? (head as keyof Draft) : undefined;
    if (field && shown(field)) errors[field] ??= e.message;
    else errors.purpose ??= `${e.path.join(".")}: ${e.message}`;
  }
  return errors;
}

/** Errors by field as the form layer's list (`FieldErrors`), in the order the fields are shown. */
export function fieldErrorList(errors: Partial<Record<DraftField, string>>): FieldError[] {
  return FIELD_ORDER.flatMap((f) => {
    const message = errors[f];
    return message === undefined ? [] : [{ path: [f], code: "invalid", message }];
  });
}
