/**
 * Two customer records of one person made one (the golden record), field by field — survivorship: each field that
 * differs is taken from the more trusted source system, then the more recently updated record, then the one whose
 * value is valid (a mobile that is one, a resident ID that passes its check) — configurable per field. Some fields
 * follow their own rule: the earliest onboarding, the status of the more active record, the tags of both, the
 * points of both, the higher tier, a death recorded on either; the relationship manager by the bank's rule, a
 * conflict reported. Consents: both histories kept, and a withdrawal on either side stays a withdrawal — a merge
 * never makes the bank allowed to do what either record said it may not.
 *
 * Pure and deterministic: the server applies the outcome in one transaction (re-linking the children, keeping what
 * was there for an unmerge), the browser's embedded store the same way.
 */
import { BankcrmInvalidArgumentError } from "../errors/index.js";
import { isValidMobile } from "../identifiers/mobile.js";
import { isValidResidentIdNumber } from "../identifiers/resident-id.js";
import type { Consent, Customer } from "../schemas/customer.js";
import { CONSENT_CHANNELS, CONSENT_PURPOSES, TIERS } from "../vocabulary.js";
import { consentInForce } from "../workflow/customer-change.js";

export type SurvivorshipRule = "priority" | "recency" | "validity";

export interface SurvivorshipOptions {
  /** Source systems, most trusted first (default: none — recency decides). */
  priority?: readonly string[];
  /** The source system a record came from (e.g. its first source identity's). */
  sourceOf?: (c: Customer) => string | undefined;
  /** The rules in order, for every field (default priority, recency, validity) or per field (`contact.mobile`). */
  order?: readonly SurvivorshipRule[];
  fields?: Readonly<Record<string, readonly SurvivorshipRule[]>>;
  /**
   * Whose relationship manager (and branch) the customer keeps when the two differ: the golden record's (default),
   * or the more recently updated record's. Either way the conflict is reported.
   */
  relationshipManager?: "golden" | "recent";
  /** The merge's time (ISO): a withdrawal the merge carries over is recorded at it. */
  at: string;
}

/** A field the two records held differently, and which value the golden record keeps. */
export interface FieldChoice {
  field: string;
  kept: unknown;
  dropped: unknown;
  by: SurvivorshipRule | "golden" | "rule";
}

export interface MergeOutcome {
  /** The golden record after the merge (its id; version and audit fields as the write path sets them). */
  customer: Customer;
  choices: FieldChoice[];
  /** The two records had different relationship managers: for the branch manager to confirm. */
  relationshipManagerConflict?: { kept: string | undefined; other: string | undefined };
}

const DEFAULT_ORDER: readonly SurvivorshipRule[] = ["priority", "recency", "validity"];
/** Fields with a rule of their own (below), or the golden record's by nature. */
const OWN_RULE = new Set([
  ..."id kind status closedAt onboardedAt tags consents loyaltyPoints tier deceasedOn contact".split(" "),
  ..."branchId relationshipManagerId riskTolerance riskAssessedAt version updatedAt updatedBy".split(" "),
]);
const recencyOf = (c: Customer) => c.updatedAt ?? c.onboardedAt;
/** Whether two field values are the same (deeply). */
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields survivorship chooses between two records (`contact.*` one by one): what a source system's value can
 * come from, and what a later load of a less trusted source must not lay over (load-time survivorship).
 */
export function survivorshipFields(c: Customer): string[] {
  return [...Object.keys(c).filter((f) => !OWN_RULE.has(f)), ...Object.keys(c.contact).map((f) => `contact.${f}`)];
}

/** Whether a field's value is a valid one of its kind (what validity can tell apart). */
function valid(field: string, value: unknown): boolean {
  if (field === "contact.mobile") return isValidMobile(value);
  if (field === "idDocument") {
    const doc = value as { type: string; number: string };
    return doc.type !== "resident_id" || isValidResidentIdNumber(doc.number);
  }
  return value !== undefined && value !== null && value !== "";
}

/** A record's source's place in the priority (0 the most trusted); Infinity for a source not in it, or none. */
function rankOf(c: Customer, o: Pick<SurvivorshipOptions, "priority" | "sourceOf">): number {
  const i = o.priority?.indexOf(o.sourceOf?.(c) ?? "") ?? -1;
  return i < 0 ? Infinity : i;
}

/**
 * The order of records by their claim to be golden (negative: `a` first): the more trusted source's, then the one
 * onboarded first, then the smaller id — a total order, so a cluster of several sorts the same way every time.
 */
export function goldenOrder(a: Customer, b: Customer, o: Pick<SurvivorshipOptions, "priority" | "sourceOf"> = {}) {
  const [ra, rb] = [rankOf(a, o), rankOf(b, o)];
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (a.onboardedAt !== b.onboardedAt) return a.onboardedAt < b.onboardedAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

/** Which of two records the golden one is (`goldenOrder`'s first). */
export function goldenOf(a: Customer, b: Customer, o: Pick<SurvivorshipOptions, "priority" | "sourceOf"> = {}) {
  return goldenOrder(a, b, o) <= 0 ? { golden: a, other: b } : { golden: b, other: a };
}

/**
 * Consents of two records of one person, merged: both histories (each entry once, oldest first), and for every
 * purpose and channel where one side's consent in force is a withdrawal while the merged history's would be a
 * grant, a withdrawal recorded at the merge. A side with nothing recorded says nothing (a source system that does
 * not keep consents does not withdraw them).
 */
export function mergeConsents(a: readonly Consent[], b: readonly Consent[], at: string): Consent[] {
  const seen = new Set<string>();
  const merged = [...a, ...b]
    .filter((c) => {
      const key = JSON.stringify([c.purpose, c.channel, c.granted, c.textVersion, c.recordedAt]);
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((x, y) => (x.recordedAt < y.recordedAt ? -1 : x.recordedAt > y.recordedAt ? 1 : 0));
  for (const purpose of CONSENT_PURPOSES)
    for (const channel of CONSENT_CHANNELS) {
      const withdrawn = [consentInForce(a, purpose, channel), consentInForce(b, purpose, channel)].find(
        (c) => c && !c.granted,
      );
      if (withdrawn && consentInForce(merged, purpose, channel)?.granted)
        merged.push({ purpose, channel, granted: false, textVersion: withdrawn.textVersion, recordedAt: at });
    }
  // The schema keeps 100: the oldest entries no longer in force go first.
  while (merged.length > 100) {
    const inForce = new Set(
      CONSENT_PURPOSES.flatMap((p) => CONSENT_CHANNELS.map((ch) => consentInForce(merged, p, ch))).filter(Boolean),
    );
    const drop = merged.findIndex((c) => !inForce.has(c));
    if (drop < 0) break;
    merged.splice(drop, 1);
  }
  return merged;
}

/** Picks one of a field's two values by the rules in order, noting the choice. */
function chooser(golden: Customer, other: Customer, o: SurvivorshipOptions, choices: FieldChoice[]) {
  return (field: string, g: unknown, x: unknown): unknown => {
    if (same(g, x) || x === undefined) return g;
    if (g === undefined) {
      choices.push({ field, kept: x, dropped: g, by: "validity" });
      return x;
    }
    for (const rule of o.fields?.[field] ?? o.order ?? DEFAULT_ORDER) {
      let pick: "golden" | "other" | undefined;
      if (rule === "priority") {
        const [rg, rx] = [rankOf(golden, o), rankOf(other, o)];
        if (rg !== rx) pick = rg < rx ? "golden" : "other";
      } else if (rule === "recency") {
        const [tg, tx] = [recencyOf(golden), recencyOf(other)];
        if (tg !== tx) pick = tg > tx ? "golden" : "other";
      } else {
        const [vg, vx] = [valid(field, g), valid(field, x)];
        if (vg !== vx) pick = vg ? "golden" : "other";
      }
      if (pick) {
        choices.push({ field, kept: pick === "golden" ? g : x, dropped: pick === "golden" ? x : g, by: rule });
        return pick === "golden" ? g : x;
      }
    }
    choices.push({ field, kept: g, dropped: x, by: "golden" });
    return g;
  };
}

/** The golden record `golden` becomes once `other` (another record of the same person) is merged into it. */
export function mergeCustomers(golden: Customer, other: Customer, o: SurvivorshipOptions): MergeOutcome {
  if (golden.kind !== other.kind) throw new BankcrmInvalidArgumentError("other", `a ${golden.kind} customer's record`);
  if (golden.id === other.id) throw new BankcrmInvalidArgumentError("other", "another record than the golden one");
  const choices: FieldChoice[] = [];
  const choose = chooser(golden, other, o, choices);
  const g = golden as unknown as Record<string, unknown>;
  const x = other as unknown as Record<string, unknown>;
  const next: Record<string, unknown> = { ...g };
  for (const field of new Set([...Object.keys(g), ...Object.keys(x)]))
    if (!OWN_RULE.has(field)) next[field] = choose(field, g[field], x[field]);
  const contact: Record<string, unknown> = {};
  for (const field of new Set([...Object.keys(golden.contact), ...Object.keys(other.contact)])) {
    const value = choose(
      `contact.${field}`,
      (golden.contact as Record<string, unknown>)[field],
      (other.contact as Record<string, unknown>)[field],
    );
    if (value !== undefined) contact[field] = value;
  }
  next.contact = contact;
  // The risk assessment as a pair: the more recent one, with its date.
  const risk = (golden.riskAssessedAt ?? "") >= (other.riskAssessedAt ?? "") ? golden : other;
  for (const field of ["riskTolerance", "riskAssessedAt"] as const) {
    if (risk[field] !== undefined) next[field] = risk[field];
    else delete next[field];
  }
  // Rules of their own.
  const rule = (field: string, value: unknown) => {
    if (!same(g[field], value)) choices.push({ field, kept: value, dropped: g[field], by: "rule" });
    if (value === undefined) delete next[field];
    else next[field] = value;
  };
  rule("onboardedAt", golden.onboardedAt <= other.onboardedAt ? golden.onboardedAt : other.onboardedAt);
  const status = (["active", "dormant", "closed"] as const).find((s) => golden.status === s || other.status === s)!;
  rule("status", status);
  rule("closedAt", status === "closed" ? [golden.closedAt, other.closedAt].sort().at(-1) : undefined);
  rule("tags", [...new Set([...golden.tags, ...other.tags])].sort());
  rule("loyaltyPoints", golden.loyaltyPoints + other.loyaltyPoints);
  const tiers = [golden.tier, other.tier].filter((t) => t !== undefined);
  rule("tier", tiers.sort((p, q) => TIERS.indexOf(q) - TIERS.indexOf(p))[0]);
  if (golden.kind === "individual" && other.kind === "individual")
    rule("deceasedOn", golden.deceasedOn ?? other.deceasedOn);
  next.consents = mergeConsents(golden.consents, other.consents, o.at);
  // The relationship manager, with the branch that goes with them.
  let relationshipManagerConflict: MergeOutcome["relationshipManagerConflict"];
  if (golden.relationshipManagerId !== other.relationshipManagerId) {
    const keep = o.relationshipManager === "recent" && recencyOf(other) > recencyOf(golden) ? other : golden;
    rule("relationshipManagerId", keep.relationshipManagerId);
    rule("branchId", keep.branchId);
    relationshipManagerConflict = {
      kept: keep.relationshipManagerId,
      other: (keep === golden ? other : golden).relationshipManagerId,
    };
  }
  return {
    customer: next as unknown as Customer,
    choices,
    ...(relationshipManagerConflict ? { relationshipManagerConflict } : {}),
  };
}
