/**
 * On every write, a record's free-text fields (the collection table's
 * `freeText` column) are scanned for its customer's identifiers — full name,
 * ID document number, mobile, e-mail, account and card numbers
 * (privacy/free-text.ts) — and, as the bank configures:
 * - `"mask"` (default): each match is stored masked, as the customer record
 *   shows it to every role (`王**`, `138****5678`); the identifiers themselves
 *   stay on the customer record, shown in full only through an audited reveal;
 * - `"refuse"`: the write is refused with a field error saying what was found.
 * The same function runs in the client and on the server.
 */
import { BankcrmValidationError, type FieldError } from "../errors/validation-error.js";
import type { Locale } from "../i18n/locale.js";
import { writeMessage as message } from "../i18n/write-messages.js";
import { findIdentifiers, identifiersOf, maskIdentifiers, type Identifiers } from "../privacy/free-text.js";
import type { MaskKind } from "../privacy/mask.js";
import { collectionSpec, type CollectionName } from "../collections/table.js";

export type FreeTextPolicy = "mask" | "refuse";

const KIND_LABEL = {
  name: "identifierKindName",
  idNumber: "identifierKindIdNumber",
  mobile: "identifierKindMobile",
  email: "identifierKindEmail",
  bankCard: "identifierKindAccount",
  address: "identifierKindName",
} as const satisfies Record<MaskKind, string>;

/**
 * Whether a record has free text to scan (a field of its collection's `freeText`, or a reason in its history):
 * when it has none, nobody needs to look its customer up.
 */
export function hasFreeText(collection: CollectionName, record: object): boolean {
  const r = record as Record<string, unknown>;
  return (
    (collectionSpec(collection).freeText ?? []).some((f) => typeof r[f] === "string") ||
    (Array.isArray(r.history) && r.history.some((h) => typeof (h as { reason?: unknown }).reason === "string"))
  );
}

/**
 * The identifiers a record's free text must not carry: its customer's (with their holdings' account numbers),
 * and a lead's own name and mobile — the person a lead is about, customer or not.
 */
export function identifiersFor(
  collection: CollectionName,
  record: object,
  customer: object | undefined,
  holdings: readonly { accountNumber?: string }[] = [],
): Identifiers {
  return identifiersOf([customer, collection === "leads" ? record : undefined], holdings);
}

/**
 * Applies the policy to a record's free-text fields (its collection's
 * `freeText`, and the reasons in its transition history): returns the record with identifiers masked (`"mask"`), or throws
 * a `BankcrmValidationError` with one field error per field that names the
 * person (`"refuse"`). Records with nothing found come back as they were.
 */
export function guardFreeText<R extends object>(
  collection: CollectionName,
  record: R,
  ids: Identifiers,
  policy: FreeTextPolicy,
  locale: Locale,
): R {
  const fields = collectionSpec(collection).freeText ?? [];
  const errors: FieldError[] = [];
  /** The text cleared, or undefined when it carries nothing (or the policy refuses: the error is noted). */
  const clear = (value: unknown, path: (string | number)[]): string | undefined => {
    if (typeof value !== "string") return undefined;
    const found = findIdentifiers(value, ids);
    if (found.length === 0) return undefined;
    if (policy === "mask") return maskIdentifiers(value, ids);
    const what = [...new Set(found.map((f) => message(KIND_LABEL[f.kind], locale)))].join(
      locale === "en" ? ", " : "、",
    );
    errors.push({ path, code: "identifierInText", message: message("identifierInText", locale, { what }) });
    return undefined;
  };
  const source = record as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const field of fields) {
    const cleared = clear(source[field], [field]);
    if (cleared !== undefined) (out ??= { ...source })[field] = cleared;
  }
  // A transition's stated reason is kept in the record's history: free text too.
  if (Array.isArray(source.history)) {
    let changed = false;
    const history = (source.history as Record<string, unknown>[]).map((entry, i) => {
      const cleared = clear(entry.reason, ["history", i, "reason"]);
      if (cleared === undefined) return entry;
      changed = true;
      return { ...entry, reason: cleared };
    });
    if (changed) (out ??= { ...source }).history = history;
  }
  if (errors.length > 0) throw new BankcrmValidationError(errors);
  return (out as R | undefined) ?? record;
}
