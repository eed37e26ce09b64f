/**
 * The right of access and copy (个人信息保护法 Arts. 44–45): everything the bank holds that names a person, as
 * machine-readable JSON and as a readable zh-CN or English document — and nothing about anyone else. Every record of
 * theirs in every collection (by `customerId`, or membership of a household or group), their own values in full;
 * withheld, each with its reason: other members of their groups (theirs to ask for), the bank's staff (employees'
 * information), and the AML risk rating (反洗钱法: no tipping off). Pure: the caller reads the records, where they
 * are, and checks the person's identity first.
 */
import { belongsTo, COLLECTION_NAMES, type CollectionName } from "../collections/table.js";
import { fillLabel, type Locale } from "../i18n/locale.js";
import { SUBJECT_ACCESS_TEXT } from "../i18n/subject-access-messages.js";

/** Why a part of a record is not in the copy. */
export type Withheld = "otherMembers" | "staffIdentifiers" | "amlRiskRating";

export interface SubjectAccessPackage {
  customerId: string;
  /** When the copy was made (ISO instant). */
  at: string;
  /** Each collection holding records that name the person, with those records (copies, withheld parts removed). */
  collections: Partial<Record<CollectionName, Record<string, unknown>[]>>;
  /** What was left out, and how many times — with the reason's words in the document. */
  withheld: Partial<Record<Withheld, number>>;
}

/** Keys that name a member of the bank's staff, wherever they appear in a record. */
const STAFF_KEYS = new Set([
  "createdBy",
  "updatedBy",
  "assignedTo",
  "assigneeId",
  "ownerId",
  "relationshipManagerId",
  "referrerId",
  "by",
  "approvedBy",
  "staffId",
  "actorId",
]);

/** A copy of `value` without staff identifiers at any depth; counts what it drops. */
function withoutStaff(value: unknown, dropped: { n: number }): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutStaff(v, dropped));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (STAFF_KEYS.has(key)) dropped.n++;
    else out[key] = withoutStaff(v, dropped);
  }
  return out;
}

/**
 * The person's package from the records the bank holds (`records`: each collection's records, or those that may name
 * them — anything else is ignored). Records are copied; those passed are never changed.
 */
export function subjectAccessPackage(
  customerId: string,
  records: Partial<Record<CollectionName, readonly unknown[]>>,
  at: string,
): SubjectAccessPackage {
  const collections: SubjectAccessPackage["collections"] = {};
  const withheld: SubjectAccessPackage["withheld"] = {};
  const count = (why: Withheld, n: number) => {
    if (n > 0) withheld[why] = (withheld[why] ?? 0) + n;
  };
  for (const collection of COLLECTION_NAMES) {
    const theirs = (records[collection] ?? []).filter((r) =>
      collection === "customers" ? (r as { id?: unknown }).id === customerId : belongsTo(collection, r, customerId),
    );
    if (theirs.length === 0) continue;
    collections[collection] = theirs.map((record) => {
      const copy = { ...(record as Record<string, unknown>) };
      if (collection === "customers" && "amlRiskRating" in copy) {
        delete copy.amlRiskRating;
        count("amlRiskRating", 1);
      }
      if (Array.isArray(copy.members)) {
        const members = copy.members as { customerId: string; role: string }[];
        copy.members = members.map((m) => (m.customerId === customerId ? m : { role: m.role }));
        count("otherMembers", members.length - 1);
      }
      const dropped = { n: 0 };
      const clean = withoutStaff(copy, dropped) as Record<string, unknown>;
      count("staffIdentifiers", dropped.n);
      return clean;
    });
  }
  return { customerId, at, collections, withheld };
}

/** A value on one line: text as it is, anything else as compact JSON. */
const line = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/**
 * The package as a document a person reads: a title, what it is, each collection with its records field by field,
 * and what was withheld and why — in zh-CN or English. Plain text: shown as text, never as markup.
 */
export function subjectAccessDocument(pkg: SubjectAccessPackage, locale: Locale): string {
  const t = SUBJECT_ACCESS_TEXT;
  const say = (key: "title" | "intro" | "withheldTitle" | "nothingWithheld", params = {}) =>
    fillLabel(t[key], locale, params);
  const out = [say("title"), say("intro", { id: pkg.customerId, at: pkg.at }), ""];
  for (const [collection, items] of Object.entries(pkg.collections) as [CollectionName, Record<string, unknown>[]][]) {
    out.push(`## ${t.collections[collection][locale]} (${items.length})`);
    for (const record of items) {
      out.push("");
      for (const [key, value] of Object.entries(record)) out.push(`- ${key}: ${line(value)}`);
    }
    out.push("");
  }
  const withheld = Object.entries(pkg.withheld) as [Withheld, number][];
  out.push(`## ${say("withheldTitle")}`);
  if (withheld.length === 0) out.push(say("nothingWithheld"));
  for (const [why, n] of withheld) out.push(`- ${t.withheld[why][locale]} (${n})`);
  return `${out.join("\n")}\n`;
}
