/**
 * The shapes a CRM client hands out — pages, timeline entries, write results,
 * revealable fields — defined once here: @bankcrm/data's client produces them
 * and @bankcrm/elements consumes them, without elements depending on data.
 * Types only, plus the list of revealable fields.
 */
/** The kinds of entry on a customer's timeline. */
export type TimelineKind = "interaction" | "transaction" | "case" | "campaign" | "lead" | "opportunity";

export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
}

/**
 * The collection each kind of timeline entry is kept in. A light module of its
 * own, so an element can know it without loading the schemas; the collection
 * table's `timeline` entries agree with it (tested).
 */
export const TIMELINE_COLLECTIONS = Object.freeze({
  interaction: "interactions",
  transaction: "transactions",
  case: "serviceCases",
  campaign: "campaignResponses",
  lead: "leads",
  opportunity: "opportunities",
} as const);
export type TimelineCollectionOf = typeof TIMELINE_COLLECTIONS;

export interface TimelineQuery {
  limit?: number;
  /** Cursor from the previous page (entries are newest first). */
  after?: string;
}

/** What became of a write: on the server (or the local store), queued offline, or refused / in conflict. */
export type WriteStatus = "saved" | "queued" | "failed" | "conflict";

export interface WriteResult<T> {
  /** The record as written (masked for the user's role). */
  record: T;
  status: WriteStatus;
  /** The server's reason when failed or in conflict. */
  reason?: string;
  /** In conflict: the server's current record, to show beside this one. */
  current?: unknown;
}

/** Fields a permitted user may reveal, by dotted path. */
export const REVEALABLE_FIELDS = [
  "name",
  "idDocument.number",
  "contact.mobile",
  "contact.email",
  "contact.address",
  "legalRepresentative",
] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

/** The value a reveal shows: the field at its dotted path in the stored record, when it is text. */
export function revealedValue(record: unknown, field: RevealableField): string | undefined {
  let value: unknown = record;
  for (const key of field.split("."))
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : undefined;
}

/**
 * The version of bankcrm's REST contract (docs/api/openapi.yaml), semver. A
 * server says which it speaks in the `Bankcrm-Api-Version` header; the HTTP
 * store refuses a server of another major version with a clear error instead of
 * misreading its answers. 1.2: JWT principals, scoped reads, masked answers,
 * audited reveals (/customers/{id}/reveal, /audit). 1.1: writes for every collection, transitions,
 * customer changes, version ETags.
 */
export const REST_CONTRACT_VERSION = "1.15.0";
/** The response header that carries the contract version a server speaks. */
export const REST_CONTRACT_HEADER = "Bankcrm-Api-Version";
