/**
 * How long the bank keeps what names a person, and what happens to it after (个人信息保护法 Arts. 19 and 47;
 * 反洗钱法): one retention table per collection, read by the deletion a person asks for and by the nightly purge.
 *
 * - A **hold** is a reason the law (or a dispute) keeps a record: the relationship still running (`contract`), the
 *   AML record-keeping period after it ends or after the transaction (`aml`), a checked sale's suitability and
 *   dual-recording evidence (`saleEvidence`), a case still open (`openCase`), the record of how a complaint or a
 *   request about personal information was handled (`caseRecord`: the regulator checks it). Each says until when.
 * - **A deletion request** (`trigger: "request"`): what a hold keeps is restricted — stored, not processed (Art. 47
 *   ¶2) — and the rest is erased or anonymised at once, whatever the bank's own period.
 * - **The purge** (`trigger: "expiry"`): once a closed relationship is past the bank's own period for a collection
 *   and no hold remains, its records are erased or anonymised; before that they are kept.
 *
 * Anonymised records stay for the bank's figures (sales, campaign response, service quality) and name nobody: the
 * customer's id replaced, free text blanked, the person taken out of a household's members. Pure: the caller reads
 * the records and writes the outcome (the reference server in one transaction, audited).
 */
import { belongsTo, collectionSpec, type CollectionName } from "../collections/table.js";
import type { Customer } from "../schemas/customer.js";
import type { Consent } from "../schemas/consent.js";
import type { CustomerChange } from "../schemas/customer-change.js";
import { fillLabel, type Label, type Locale } from "../i18n/locale.js";
import { ERASURE_TEXT, SUBJECT_ACCESS_TEXT } from "../i18n/subject-access-messages.js";
import { bankDay } from "../sales/day.js";
import { saleChecked } from "./sale-check.js";

export const HOLD_KINDS = ["contract", "aml", "saleEvidence", "openCase", "caseRecord"] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

/** Collections whose records name a customer (the others — campaigns, segments, sales targets — name none). */
export const PERSONAL_COLLECTIONS = [
  "customers",
  "customerChanges",
  "holdings",
  "transactions",
  "interactions",
  "serviceCases",
  "leads",
  "opportunities",
  "tasks",
  "campaignMembers",
  "campaignResponses",
  "relationshipGroups",
  "loyaltyEntries",
  "preferentialPrices",
] as const satisfies readonly CollectionName[];
export type PersonalCollection = (typeof PERSONAL_COLLECTIONS)[number];

export interface RetentionRule {
  /** The holds that can keep a record of this collection. */
  holds: readonly HoldKind[];
  /** Years the bank keeps the records after the relationship ends when no hold keeps them longer (its own policy). */
  keepYears: number;
  /** When nothing keeps a record: erased, or anonymised (kept for the bank's figures, naming nobody). */
  then: "erase" | "anonymise";
}

export interface RetentionTable {
  collections: Record<PersonalCollection, RetentionRule>;
  /**
   * AML record keeping, in years: identity data after the relationship ends, a transaction after it was made.
   * Ten under 反洗钱法 as revised in 2024 (in force 1 January 2025); five under the 2006 law and the 2022 measures.
   */
  amlYears: number;
  /** Years a checked sale's suitability and dual-recording evidence is kept after the sale (the bank's rule). */
  saleEvidenceYears: number;
  /** Years a complaint's or a personal-information request's handling is kept after it is resolved (the bank's rule). */
  caseRecordYears: number;
  /** Days a device (the browser store's `retentionDays`) keeps a customer nobody has opened there. */
  deviceDays: number;
}

const rule = (holds: readonly HoldKind[], keepYears: number, then: RetentionRule["then"]): RetentionRule => ({
  holds,
  keepYears,
  then,
});

/** The table a bank starts from: every figure is its own to set (`RetentionTable`). */
export const DEFAULT_RETENTION: RetentionTable = Object.freeze({
  amlYears: 10,
  saleEvidenceYears: 5,
  caseRecordYears: 3,
  deviceDays: 30,
  collections: Object.freeze({
    customers: rule(["contract", "aml"], 0, "erase"),
    customerChanges: rule(["aml"], 0, "erase"),
    holdings: rule(["contract", "aml"], 0, "erase"),
    transactions: rule(["contract", "aml"], 0, "erase"),
    interactions: rule([], 3, "erase"),
    serviceCases: rule(["openCase", "caseRecord"], 3, "anonymise"),
    leads: rule([], 1, "erase"),
    opportunities: rule(["saleEvidence"], 3, "anonymise"),
    tasks: rule([], 1, "erase"),
    campaignMembers: rule([], 1, "anonymise"),
    campaignResponses: rule([], 1, "anonymise"),
    relationshipGroups: rule([], 0, "anonymise"),
    // The points the bank owes while the relationship runs; a year after, for a late dispute about them.
    loyaltyEntries: rule(["contract"], 1, "erase"),
    // A price agreed with a company: kept with the relationship, then three years as the loan files are.
    preferentialPrices: rule(["contract"], 3, "erase"),
  }),
});

/** A hold on a record: its kind and the day it lapses (absent: while the relationship lasts, then its period). */
export interface Hold {
  kind: HoldKind;
  until?: string;
}

export interface RetentionStep {
  collection: PersonalCollection;
  id: string;
  /** `restrict`: kept by a hold, stored and not processed; `keep`: the bank's own period has not run out. */
  action: "erase" | "anonymise" | "restrict" | "keep";
  holds: Hold[];
}

export interface RetentionPlan {
  customerId: string;
  at: string;
  trigger: "request" | "expiry";
  steps: RetentionStep[];
}

/** The Beijing day `years` after an instant or a day. */
export function yearsAfter(at: string, years: number): string {
  const [y, m, d] = bankDay(at.length === 10 ? `${at}T00:00:00+08:00` : at)
    .split("-")
    .map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * When a closed relationship ended: its closing date, else the record's last update (a later update only moves it
 * on: kept longer, never shorter); undefined while it lasts.
 */
const relationshipEnd = (customer: Customer) =>
  customer.status === "closed" ? (customer.closedAt ?? customer.updatedAt) : undefined;

const CLOSED_CASE = new Set(["resolved", "closed"]);
/** Cases whose handling the regulator checks: complaints (CBIRC 2020) and requests under PIPL's rights. */
const RECORDED_CASES = new Set(["complaint", "personal_information"]);

/** The hold of `kind` on a record, if it applies to it. */
function holdOn(
  kind: HoldKind,
  collection: PersonalCollection,
  record: Record<string, unknown>,
  customer: Customer,
  table: RetentionTable,
): Hold | undefined {
  const ended = relationshipEnd(customer);
  switch (kind) {
    case "contract":
      return ended === undefined ? { kind } : undefined;
    case "aml": {
      if (collection === "transactions") return { kind, until: yearsAfter(String(record.at), table.amlYears) };
      return ended === undefined ? { kind } : { kind, until: yearsAfter(ended, table.amlYears) };
    }
    case "saleEvidence": {
      const o = record as { stage?: string; productType?: never; closedAt?: string };
      if (o.stage !== "won" || !saleChecked(o as never, customer) || !o.closedAt) return undefined;
      return { kind, until: yearsAfter(o.closedAt, table.saleEvidenceYears) };
    }
    case "openCase":
      return CLOSED_CASE.has(String(record.status)) ? undefined : { kind };
    case "caseRecord": {
      const c = record as { type?: string; status?: string; resolvedAt?: string; openedAt?: string };
      if (!RECORDED_CASES.has(String(c.type)) || !CLOSED_CASE.has(String(c.status))) return undefined;
      return { kind, until: yearsAfter(c.resolvedAt ?? String(c.openedAt), table.caseRecordYears) };
    }
  }
}

/** The holds that keep a record at `at`: those that apply and have not lapsed. */
export function holdsOn(
  collection: PersonalCollection,
  record: Record<string, unknown>,
  customer: Customer,
  at: string,
  table: RetentionTable = DEFAULT_RETENTION,
): Hold[] {
  const today = bankDay(at);
  return table.collections[collection].holds.flatMap((kind) => {
    const hold = holdOn(kind, collection, record, customer, table);
    return hold && (hold.until === undefined || hold.until > today) ? [hold] : [];
  });
}

/**
 * What becomes of every record naming `customer` (`records`: each collection's records, or those that may name
 * them — the rest are ignored): on the person's request, or by the purge at `at`. The customer's own record is among
 * `records.customers` or taken from `customer`.
 */
export function retentionPlan(
  customer: Customer,
  records: Partial<Record<CollectionName, readonly unknown[]>>,
  options: { at: string; trigger: "request" | "expiry"; table?: RetentionTable },
): RetentionPlan {
  const { at, trigger, table = DEFAULT_RETENTION } = options;
  const ended = relationshipEnd(customer);
  const today = bankDay(at);
  const steps: RetentionStep[] = [];
  for (const collection of PERSONAL_COLLECTIONS) {
    const theirs =
      collection === "customers"
        ? [customer]
        : (records[collection] ?? []).filter((r) => belongsTo(collection, r, customer.id));
    const spec = table.collections[collection];
    for (const record of theirs as Record<string, unknown>[]) {
      const holds = holdsOn(collection, record, customer, at, table);
      const ownPeriodOver = ended !== undefined && yearsAfter(ended, spec.keepYears) <= today;
      const action =
        holds.length > 0
          ? trigger === "request"
            ? "restrict"
            : "keep"
          : trigger === "request" || ownPeriodOver
            ? spec.then
            : "keep";
      steps.push({ collection, id: String(record.id), action, holds });
    }
  }
  return { customerId: customer.id, at, trigger, steps };
}

/** The customer id an anonymised record carries: it names nobody. */
export const ANONYMOUS_CUSTOMER_ID = "anonymised";
const BLANK = "—";

/**
 * A record that no longer names the customer, for the bank's figures: their id replaced, free text blanked (and an
 * extension's or override's reason); for a household or group, the person taken out of its members — `undefined`
 * when fewer than two would be left (the group is erased instead).
 */
export function anonymised(
  collection: PersonalCollection,
  record: Record<string, unknown>,
  customerId: string,
): Record<string, unknown> | undefined {
  if (collectionSpec(collection).customerIndex === "members") {
    const members = (record.members as { customerId: string }[]).filter((m) => m.customerId !== customerId);
    return members.length < 2 ? undefined : { ...record, members };
  }
  const out: Record<string, unknown> = { ...record, customerId: ANONYMOUS_CUSTOMER_ID };
  for (const field of collectionSpec(collection).freeText ?? []) if (typeof out[field] === "string") out[field] = BLANK;
  if (Array.isArray(out.extensions))
    out.extensions = (out.extensions as Record<string, unknown>[]).map((e) => ({ ...e, reason: BLANK }));
  if (out.saleOverride && typeof out.saleOverride === "object")
    out.saleOverride = { ...(out.saleOverride as Record<string, unknown>), reason: BLANK };
  return out;
}

/**
 * The customer once their processing is restricted (Art. 47 ¶2): `restrictedAt` set, and every consent they had
 * given withdrawn — so every path a consent binds (segments, campaigns, offers) leaves them at once — with each
 * withdrawal kept as a change in their history.
 */
export function restricted(
  customer: Customer,
  at: string,
  by: string,
): { customer: Customer; changes: CustomerChange[] } {
  const latest = new Map<string, Consent>();
  for (const c of customer.consents) latest.set(`${c.purpose}|${c.channel}`, c);
  const withdrawals: Consent[] = [...latest.values()]
    .filter((c) => c.granted)
    .map((c) => ({ ...c, granted: false, recordedAt: at }));
  const stamp = Date.parse(at).toString(36);
  const changes = withdrawals.map((consent, i): CustomerChange => ({
    id: `${customer.id}.erasure.${stamp}.${i}`.slice(0, 64),
    customerId: customer.id,
    kind: "consent",
    at,
    by,
    consent,
    reason: "个人信息删除请求 / erasure request",
  }));
  return {
    customer: { ...customer, restrictedAt: at, consents: [...customer.consents, ...withdrawals] },
    changes,
  };
}

/**
 * The answer to the person (Art. 47 and GB/T 35273-2020 §8.3: the reasons for anything kept): how many records of
 * each kind were deleted and anonymised, and what the law keeps — stored and restricted — with each reason and until
 * when, in zh-CN or English. Plain text: shown as text, never as markup.
 */
export function erasureAnswer(plan: RetentionPlan, locale: Locale, table: RetentionTable = DEFAULT_RETENTION): string {
  const t = ERASURE_TEXT;
  const say = (label: Label, params: Record<string, string | number> = {}) => fillLabel(label, locale, params);
  const name = (c: PersonalCollection) => SUBJECT_ACCESS_TEXT.collections[c][locale];
  const out = [say(t.title), say(t.intro, { id: plan.customerId, at: bankDay(plan.at) }), ""];
  const counted = (action: RetentionStep["action"]) => {
    const n = new Map<PersonalCollection, number>();
    for (const s of plan.steps) if (s.action === action) n.set(s.collection, (n.get(s.collection) ?? 0) + 1);
    return n;
  };
  for (const action of ["erase", "anonymise"] as const) {
    out.push(`## ${say(action === "erase" ? t.erased : t.anonymised)}`);
    const n = counted(action);
    if (n.size === 0) out.push(say(t.nothing));
    for (const [c, count] of n) out.push(`- ${name(c)} (${count})`);
    out.push("");
  }
  out.push(`## ${say(t.restricted)}`);
  // One line per kind of record and reason: how many, why, and until when (a range where the days differ).
  const kept = new Map<string, { collection: PersonalCollection; kind: HoldKind; n: number; until: string[] }>();
  for (const s of plan.steps.filter((s) => s.action === "restrict"))
    for (const hold of s.holds) {
      const key = `${s.collection}|${hold.kind}`;
      const k =
        kept.get(key) ?? kept.set(key, { collection: s.collection, kind: hold.kind, n: 0, until: [] }).get(key)!;
      k.n++;
      if (hold.until !== undefined) k.until.push(hold.until);
    }
  if (kept.size === 0) out.push(say(t.nothing));
  const [colon, semicolon] = locale === "zh-CN" ? ["：", "；"] : [": ", "; "];
  for (const { collection, kind, n, until } of kept.values()) {
    const dated = until.length === n;
    const [first, last] = [
      until.reduce((a, b) => (b < a ? b : a), "9999"),
      until.reduce((a, b) => (b > a ? b : a), ""),
    ];
    const when = !dated
      ? kind === "aml"
        ? say(t.whileRelationship, { years: table.amlYears })
        : say(kind === "openCase" ? t.untilDone : t.whileOpen)
      : first === last
        ? say(t.until, { until: last })
        : say(t.untilRange, { first, last });
    out.push(`- ${name(collection)} (${n})${colon}${say(t.holds[kind], { years: table.amlYears })}${semicolon}${when}`);
  }
  if (kept.size > 0) out.push("", say(t.restrictedNote));
  return `${out.join("\n")}\n`;
}
