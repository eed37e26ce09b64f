/**
 * The merges that make one customer of several records, planned — pure, so the server (set-based SQL) and the
 * browser's embedded store write the same ones: the golden record chosen (`goldenOrder`), the others folded into it
 * one at a time by survivorship (`mergeCustomers`), each merge keeping the golden body before it so unmerges walk
 * back latest first; the tier the combined holdings earn; and a record of another collection re-linked from the
 * absorbed customer to the golden one (its `customerId`, or its place among a household's or group's `members`).
 */
import { collectionSpec, type CollectionName } from "../collections/table.js";
import type { Customer } from "../schemas/customer.js";
import { CustomerSchema } from "../schemas/customer.js";
import type { Holding } from "../schemas/holding.js";
import { computeAum } from "../scoring/aum.js";
import { assignTier } from "../scoring/tier.js";
import { TIERS } from "../vocabulary.js";
import {
  goldenOrder,
  mergeCustomers,
  same,
  survivorshipFields,
  type FieldChoice,
  type MergeOutcome,
  type SurvivorshipOptions,
} from "./merge.js";

/** One merge to write: the golden record as it was and as it becomes, and the record it absorbs. */
export interface MergePlan {
  before: Customer;
  other: Customer;
  after: Customer;
  choices: FieldChoice[];
  relationshipManagerConflict?: MergeOutcome["relationshipManagerConflict"];
  /**
   * The source system each survivorship field of the golden record's value came from (`contact.mobile` → `CORE`):
   * where both records held the same value, the more trusted source; fields of records with no known source left
   * out. A later load of a less trusted source keeps off these fields (load-time survivorship).
   */
  sources: Record<string, string>;
}

export interface PlanOptions extends Pick<
  SurvivorshipOptions,
  "priority" | "relationshipManager" | "order" | "fields"
> {
  /** The merge's time (ISO): the golden record's `updatedAt`, a withdrawal carried over. */
  at: string;
  /** Who merges: the golden record's `updatedBy`. */
  actorId: string;
}

/** A record with its version raised (a version never goes back: a cache holding it knows it changed) and `extra`. */
export function bumped<T extends object>(body: T, extra: Partial<T> = {}): T {
  const version = Number((body as { version?: unknown }).version ?? 0) + 1;
  return { ...body, ...extra, version };
}

/** A field's value by its dotted path (`contact.mobile`). */
const at = (c: Customer, field: string): unknown =>
  field.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], c);

/** Where each survivorship field of `after` came from: `before`'s sources (or its source), or `other`'s source. */
function provenance(
  p: Pick<MergePlan, "before" | "other" | "after">,
  known: Readonly<Record<string, string>>,
  sourceOf: (c: Customer) => string | undefined,
  priority: readonly string[],
): Record<string, string> {
  const rank = (s: string | undefined) => (s === undefined || !priority.includes(s) ? Infinity : priority.indexOf(s));
  const out: Record<string, string> = {};
  for (const field of survivorshipFields(p.after)) {
    const [g, x, kept] = [at(p.before, field), at(p.other, field), at(p.after, field)];
    const fromGolden = known[field] ?? sourceOf(p.before);
    let from = same(kept, g) ? fromGolden : sourceOf(p.other);
    if (same(kept, g) && same(kept, x) && rank(sourceOf(p.other)) < rank(fromGolden)) from = sourceOf(p.other);
    if (from !== undefined) out[field] = from;
  }
  return out;
}

/**
 * The merges that make one customer of `records` (one kind, each with the source system it came from and, for a
 * golden record of earlier merges, where its fields came from): the most trusted first is golden, the rest join it
 * in that order. Empty for fewer than two records.
 */
export function planCluster(
  records: readonly {
    body: Customer;
    source?: string | null | undefined;
    fields?: Readonly<Record<string, string>> | null | undefined;
  }[],
  o: PlanOptions,
): MergePlan[] {
  const sources = new Map(records.map((r) => [r.body.id, r.source ?? undefined]));
  const options = { ...(o.priority ? { priority: o.priority } : {}), sourceOf: (c: Customer) => sources.get(c.id) };
  const ranked = records.map((r) => r.body).sort((x, y) => goldenOrder(x, y, options));
  let golden = ranked[0]!;
  let known = records.find((r) => r.body.id === golden.id)?.fields ?? {};
  return ranked.slice(1).map((other) => {
    const outcome = mergeCustomers(golden, other, {
      ...options,
      at: o.at,
      ...(o.relationshipManager ? { relationshipManager: o.relationshipManager } : {}),
      ...(o.order ? { order: o.order } : {}),
      ...(o.fields ? { fields: o.fields } : {}),
    });
    const after = CustomerSchema.parse(bumped(outcome.customer, { updatedAt: o.at, updatedBy: o.actorId }));
    const plan: MergePlan = {
      before: golden,
      other,
      after,
      choices: outcome.choices,
      ...(outcome.relationshipManagerConflict
        ? { relationshipManagerConflict: outcome.relationshipManagerConflict }
        : {}),
      sources: {},
    };
    plan.sources = known = provenance(plan, known, options.sourceOf, o.priority ?? []);
    golden = after;
    return plan;
  });
}

/**
 * The golden record with the tier its holdings together earn, when that is higher than the tier survivorship kept
 * (the higher of the records'): two records of one person each with half the holdings each had too low a tier.
 */
export function withEarnedTier(customer: Customer, holdings: readonly Holding[]): Customer {
  const earned = assignTier({ aum: computeAum(holdings).total }).tier;
  return TIERS.indexOf(earned) > TIERS.indexOf(customer.tier ?? "standard") ? { ...customer, tier: earned } : customer;
}

/**
 * A record of `collection` re-linked from customer `from` to `to`, its version raised: its `customerId`, or in a
 * household's or group's `members` the place of `from` taken by `to` (dropped where `to` is a member already).
 * Undefined when the record does not name `from`.
 */
export function relinked<T extends object>(
  collection: CollectionName,
  record: T,
  from: string,
  to: string,
): T | undefined {
  const index = collectionSpec(collection).customerIndex;
  const r = record as { customerId?: string; members?: { customerId: string }[] };
  if (index === "customerId")
    return r.customerId === from ? bumped(record, { customerId: to } as unknown as Partial<T>) : undefined;
  if (index !== "members" || !Array.isArray(r.members) || !r.members.some((m) => m.customerId === from))
    return undefined;
  const hasTo = r.members.some((m) => m.customerId === to);
  const members = r.members.flatMap((m) => (m.customerId !== from ? [m] : hasTo ? [] : [{ ...m, customerId: to }]));
  return bumped(record, { members } as unknown as Partial<T>);
}
