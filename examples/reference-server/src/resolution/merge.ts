/**
 * Merging two customer records of one person, and undoing it, on the server (migration 018), each in one
 * transaction. A merge: the golden record chosen (the more trusted source's, then the one onboarded first) and
 * rebuilt by core's survivorship (`mergeCustomers`); every record of the other customer re-linked to it (its
 * holdings, transactions, interactions, cases, leads, opportunities, tasks — and its place in a household's or a
 * group's members); the source identities that resolved to the other record resolving to the golden one (a later
 * load of that source lays its rows over the golden record); the other record gone from `records`, with a `leave`
 * on the change feed for whoever could see it; the merge kept whole in `customer_merges` and written to the audit
 * log. An unmerge puts back what the merge changed — the golden record's body, the other record, the re-linked
 * records, the identities — with each record's version raised (a version never goes back: a cache that holds the
 * merged record knows it changed). Records written to the golden customer since stay with it.
 *
 * One person's merge and the job's thousands are written the same way (`applyMerges`): set-based, whatever their
 * number, so the resolution job merges a bank's book in batches rather than a transaction per pair.
 */
import { BankcrmMergeRefusedError, collectionSpec, COLLECTION_NAMES, type Customer, type Holding } from "@bankcrm/core";
import {
  pairKey,
  planCluster as planMerges,
  withEarnedTier,
  type FieldChoice,
  type MergePlan,
} from "@bankcrm/core/resolution";
import { appendAudit, appendAuditMany } from "../audit.js";
import type { Database } from "../database.js";
import { putRows, removeRecords } from "../record-rows.js";
import type { Sql } from "../sql.js";

export interface Actor {
  id: string;
  role: string;
}

export interface MergeOptions {
  /** Source systems, most trusted first (survivorship and which record is golden). */
  priority?: readonly string[];
  relationshipManager?: "golden" | "recent";
  at?: string;
}

export interface MergeResult {
  mergeId: number;
  customer: Customer;
  mergedId: string;
  choices: FieldChoice[];
  relationshipManagerConflict?: { kept: string | undefined; other: string | undefined };
  /** The records re-linked to the golden customer. */
  moved: number;
}

type Moved = { collection: string; id: string; members?: unknown };

/** SQL setting a row's body to `body` (an expression over the row `alias`) with its version raised, and its ETag. */
const raised = (alias: string, body: string) => {
  const next = `(coalesce((${alias}.body ->> 'version')::int, 0) + 1)`;
  return `body = jsonb_set(${body}, '{version}', to_jsonb(${next})), etag = '"v' || ${next} || '"'`;
};

/** Customer records with the source system each came from and, for a golden record, where its fields came from. */
export async function customersFor(tx: Sql, ids: readonly string[]) {
  const { rows } = await tx.query<{
    id: string;
    body: Customer;
    source: string | null;
    fields: Record<string, string> | null;
  }>(
    `SELECT r.id, r.body, (SELECT i.system FROM source_identities i WHERE i.collection = 'customers' AND i.record_id = r.id
                           ORDER BY i.first_loaded, i.system LIMIT 1) AS source,
            (SELECT g.fields FROM golden_sources g WHERE g.record_id = r.id) AS fields
     FROM records r WHERE r.collection = 'customers' AND r.id = ANY($1) ORDER BY r.id FOR UPDATE`,
    [ids],
  );
  return rows;
}

/** The bank's source systems, most trusted first: as given, else as the resolution job last set them. */
export async function sourcePriority(tx: Sql, given?: readonly string[]): Promise<readonly string[] | undefined> {
  if (given) return given;
  const { rows } = await tx.query<{ priority: string[] }>("SELECT priority FROM survivorship_settings");
  return rows[0]?.priority;
}

/**
 * Where each golden record's fields came from, kept for load-time survivorship (migration 020): the last plan's
 * sources of each golden record written, the absorbed records' dropped; and for each plan, in order, what they
 * were before it (an unmerge, latest first, puts them back).
 */
async function keepSources(tx: Sql, plans: readonly MergePlan[]) {
  const ids = [...new Set(plans.flatMap((p) => [p.before.id, p.other.id]))];
  const { rows } = await tx.query<{ record_id: string; fields: Record<string, string> }>(
    "SELECT record_id, fields FROM golden_sources WHERE record_id = ANY($1)",
    [ids],
  );
  const now = new Map<string, Record<string, string> | null>(rows.map((r) => [r.record_id, r.fields]));
  const before = plans.map((p) => ({ golden: now.get(p.before.id) ?? null, merged: now.get(p.other.id) ?? null }));
  for (const p of plans) now.set(p.before.id, p.sources);
  const others = plans.map((p) => p.other.id);
  await tx.query("DELETE FROM golden_sources WHERE record_id = ANY($1)", [ids]);
  await tx.query(
    `INSERT INTO golden_sources (record_id, fields)
     SELECT t.id, t.fields FROM jsonb_to_recordset($1::jsonb) AS t(id text, fields jsonb)`,
    [
      JSON.stringify(
        [...now].filter(([id, f]) => f !== null && !others.includes(id)).map(([id, fields]) => ({ id, fields })),
      ),
    ],
  );
  return before;
}

/** Items by a key of theirs (ES2024's Map.groupBy, which Node 20 lacks). */
function groupedBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) (groups.get(key(item)) ?? groups.set(key(item), []).get(key(item))!).push(item);
  return groups;
}

/** The collections whose records name customers in their `members` (households, groups). */
const MEMBER_COLLECTIONS = COLLECTION_NAMES.filter((c) => collectionSpec(c).customerIndex === "members");

/** A group's or household's members: the other customer's place taken by the golden one (once); what it was. */
async function relinkMembers(tx: Sql, from: string, to: string): Promise<Moved[]> {
  const { rows } = await tx.query<{ collection: string; id: string; members: unknown }>(
    `WITH g AS (
       SELECT collection, id, body -> 'members' AS members FROM records
       WHERE collection = ANY($3) AND body -> 'members' @> jsonb_build_array(jsonb_build_object('customerId', $1::text))
       FOR UPDATE)
     UPDATE records r SET ${raised(
       "r",
       `jsonb_set(r.body, '{members}', coalesce((
         SELECT jsonb_agg(CASE WHEN m ->> 'customerId' = $1 THEN jsonb_set(m, '{customerId}', to_jsonb($2::text)) ELSE m END ORDER BY i)
         FROM jsonb_array_elements(g.members) WITH ORDINALITY AS t(m, i)
         WHERE NOT (m ->> 'customerId' = $1 AND g.members @> jsonb_build_array(jsonb_build_object('customerId', $2::text)))), '[]'))`,
     )}
     FROM g WHERE r.collection = g.collection AND r.id = g.id RETURNING g.collection, g.id, g.members`,
    [from, to, MEMBER_COLLECTIONS],
  );
  return rows;
}

export type { MergePlan };

/** The absorbed records gone, each with a `leave` on the change feed for whoever could see it. */
const removeAbsorbed = (tx: Sql, plans: readonly MergePlan[]) =>
  removeRecords(
    tx,
    plans.map((p) => ({
      collection: "customers",
      id: p.other.id,
      body: p.other,
    })),
  );

/**
 * Writes merges in the transaction `tx`, set-based whatever their number: every record of each absorbed customer
 * re-linked to its golden one (children in one statement; households and groups where they name it), its source
 * identities moved, the absorbed records deleted with a `leave` on the change feed, the golden records written,
 * each merge kept in `customer_merges` (in order: a golden record's later merge is undone first) and audited.
 * A plan's golden record is never another plan's absorbed one. Returns each plan's merge id and records moved.
 */
export async function applyMerges(tx: Sql, plans: readonly MergePlan[], actor: Actor, at: string) {
  const pairs = JSON.stringify(plans.map((p) => ({ other: p.other.id, golden: p.before.id })));
  const moved = new Map<string, Moved[]>(plans.map((p) => [p.other.id, []]));
  const { rows: children } = await tx.query<{ other: string; collection: string; id: string }>(
    `UPDATE records r SET customer_id = m.golden, ${raised("r", "jsonb_set(r.body, '{customerId}', to_jsonb(m.golden))")}
     FROM jsonb_to_recordset($1::jsonb) AS m(other text, golden text)
     WHERE r.customer_id = m.other AND r.collection <> 'customers' RETURNING m.other, r.collection, r.id`,
    [pairs],
  );
  for (const c of children) moved.get(c.other)!.push({ collection: c.collection, id: c.id });
  const { rows: named } = await tx.query<{ id: string }>(
    `SELECT DISTINCT m ->> 'customerId' AS id FROM records r, jsonb_array_elements(r.body -> 'members') AS m
     WHERE r.collection = ANY($2) AND jsonb_typeof(r.body -> 'members') = 'array' AND m ->> 'customerId' = ANY($1)`,
    [plans.map((p) => p.other.id), MEMBER_COLLECTIONS],
  );
  const inGroups = new Set(named.map((n) => n.id));
  for (const p of plans.filter((p) => inGroups.has(p.other.id)))
    moved.get(p.other.id)!.push(...(await relinkMembers(tx, p.other.id, p.before.id)));
  const { rows: identities } = await tx.query<{ other: string; system: string; source_key: string }>(
    `UPDATE source_identities i SET record_id = m.golden FROM jsonb_to_recordset($1::jsonb) AS m(other text, golden text)
     WHERE i.collection = 'customers' AND i.record_id = m.other RETURNING m.other, i.system, i.source_key`,
    [pairs],
  );
  const identitiesOf = groupedBy(identities, (i) => i.other);
  await removeAbsorbed(tx, plans);
  await raiseTiers(tx, plans);
  const sourcesBefore = await keepSources(tx, plans);
  await putRows(
    tx,
    "customers",
    plans.map((p) => p.after as unknown as Record<string, unknown>),
  );
  const { rows: merges } = await tx.query<{ id: string; merged_id: string }>(
    `INSERT INTO customer_merges (golden_id, merged_id, golden_before, merged_body, moved, identities, choices, rm_conflict,
       sources_before, merged_by, merged_at)
     SELECT t.golden_id, t.merged_id, t.golden_before, t.merged_body, t.moved, t.identities, t.choices, t.rm_conflict,
       t.sources_before, $2, $3
     FROM jsonb_to_recordset($1::jsonb) AS t(golden_id text, merged_id text, golden_before jsonb,
       merged_body jsonb, moved jsonb, identities jsonb, choices jsonb, rm_conflict jsonb, sources_before jsonb, k int)
     ORDER BY k
     RETURNING id, merged_id`,
    [
      JSON.stringify(
        plans.map((p, k) => ({
          k,
          golden_id: p.before.id,
          merged_id: p.other.id,
          golden_before: p.before,
          merged_body: p.other,
          moved: moved.get(p.other.id),
          identities: (identitiesOf.get(p.other.id) ?? []).map(({ system, source_key }) => ({ system, source_key })),
          choices: p.choices,
          rm_conflict: p.relationshipManagerConflict ?? null,
          sources_before: sourcesBefore[k],
        })),
      ),
      actor.id,
      at,
    ],
  );
  const ids = new Map(merges.map((m) => [m.merged_id, Number(m.id)]));
  await appendAuditMany(
    tx,
    plans.map((p) => ({
      at,
      actorId: actor.id,
      actorRole: actor.role,
      action: "customer_merge",
      customerId: p.before.id,
      reason: `merge ${ids.get(p.other.id)}: ${p.other.id} into ${p.before.id}`,
    })),
  );
  return plans.map((p) => ({ mergeId: ids.get(p.other.id)!, moved: moved.get(p.other.id)!.length }));
}

/**
 * Each golden record's tier once its holdings are together: the higher of the tier survivorship kept (the higher
 * of the records') and the tier the combined AUM earns — two records of one person each with half the holdings
 * had each too low a tier. Set on the last plan of each golden record (the body written).
 */
async function raiseTiers(tx: Sql, plans: readonly MergePlan[]) {
  const last = new Map(plans.map((p) => [p.before.id, p]));
  const { rows } = await tx.query<{ customer_id: string; body: Holding }>(
    "SELECT customer_id, body FROM records WHERE collection = 'holdings' AND customer_id = ANY($1)",
    [[...last.keys()]],
  );
  const held = groupedBy(rows, (r) => r.customer_id);
  for (const [id, plan] of last)
    plan.after = withEarnedTier(
      plan.after,
      (held.get(id) ?? []).map((r) => r.body),
    );
}

/** The merges that make one customer of `records` (one kind): core's plan, the golden one chosen, the others folded in. */
export function planCluster(
  records: readonly { body: Customer; source: string | null; fields?: Record<string, string> | null }[],
  actor: Actor,
  o: MergeOptions & { at: string },
): MergePlan[] {
  return planMerges(records, {
    at: o.at,
    actorId: actor.id,
    ...(o.priority ? { priority: o.priority } : {}),
    ...(o.relationshipManager ? { relationshipManager: o.relationshipManager } : {}),
  });
}

/** Merges two customer records of one person; the golden one is chosen by `o.priority`, then onboarding. */
export async function mergeRecords(
  db: Database,
  ids: readonly [string, string],
  actor: Actor,
  o: MergeOptions = {},
): Promise<MergeResult> {
  if (ids[0] === ids[1]) throw new BankcrmMergeRefusedError("sameRecord", "a record cannot be merged with itself");
  const at = o.at ?? new Date().toISOString();
  return db.transaction(async (tx) => {
    const rows = await customersFor(tx, ids);
    if (rows.length !== 2)
      throw new BankcrmMergeRefusedError("notFound", `no customer ${ids.find((id) => !rows.some((r) => r.id === id))}`);
    const { rows: apart } = await tx.query("SELECT 1 FROM resolution_apart WHERE pair = $1", [pairKey(...ids)]);
    if (apart.length > 0) throw new BankcrmMergeRefusedError("keptApart", "these two were decided to be two people");
    if (rows[0]!.body.kind !== rows[1]!.body.kind)
      throw new BankcrmMergeRefusedError("differentKinds", "a person and a company are never one customer");
    const priority = await sourcePriority(tx, o.priority);
    const [plan] = planCluster(rows, actor, { ...o, ...(priority ? { priority } : {}), at });
    const [{ mergeId, moved }] = (await applyMerges(tx, [plan!], actor, at)) as [{ mergeId: number; moved: number }];
    return {
      mergeId,
      customer: plan!.after,
      mergedId: plan!.other.id,
      choices: plan!.choices,
      moved,
      ...(plan!.relationshipManagerConflict ? { relationshipManagerConflict: plan!.relationshipManagerConflict } : {}),
    };
  });
}

type SourcesBefore = { golden: Record<string, string> | null; merged: Record<string, string> | null };

/** Where the two records' fields came from, as before the merge being undone. */
async function restoreSources(
  tx: Sql,
  merge: { golden_id: string; merged_id: string; sources_before: SourcesBefore | null },
) {
  const before = merge.sources_before ?? { golden: null, merged: null };
  await tx.query("DELETE FROM golden_sources WHERE record_id = ANY($1)", [[merge.golden_id, merge.merged_id]]);
  for (const [id, fields] of [
    [merge.golden_id, before.golden],
    [merge.merged_id, before.merged],
  ] as const)
    if (fields) await tx.query("INSERT INTO golden_sources (record_id, fields) VALUES ($1, $2)", [id, fields]);
}

/** Undoes a merge (the latest of its golden customer's still in force): both customers back as they were. */
export async function unmergeRecords(db: Database, mergeId: number, actor: Actor, at = new Date().toISOString()) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      golden_id: string;
      merged_id: string;
      golden_before: Customer;
      merged_body: Customer;
      moved: Moved[];
      identities: { system: string; source_key: string }[];
      unmerged_at: string | null;
      latest: string;
      sources_before: SourcesBefore | null;
    }>(
      `SELECT m.*, (SELECT max(l.id) FROM customer_merges l WHERE l.golden_id = m.golden_id AND l.unmerged_at IS NULL) AS latest
       FROM customer_merges m WHERE m.id = $1 FOR UPDATE`,
      [mergeId],
    );
    const merge = rows[0];
    if (!merge) throw new BankcrmMergeRefusedError("notFound", `no merge ${mergeId}`);
    if (merge.unmerged_at) throw new BankcrmMergeRefusedError("alreadyUnmerged", `merge ${mergeId} was undone already`);
    if (Number(merge.latest) !== mergeId)
      throw new BankcrmMergeRefusedError(
        "notLatest",
        `merge ${merge.latest} into the same customer came later: undo it first`,
      );
    const [current] = await customersFor(tx, [merge.golden_id]);
    if (!current) throw new BankcrmMergeRefusedError("notFound", `no customer ${merge.golden_id}`);
    const version = (body: { version?: number | undefined }) => Number(body.version ?? 0);
    await db.put("customers", { ...merge.golden_before, version: version(current.body) + 1 }, tx);
    await db.put("customers", { ...merge.merged_body, version: version(merge.merged_body) + 1 }, tx);
    // What moved goes back, set-based: a member's array as it was; a record to the other customer (unless moved since).
    await tx.query(
      `UPDATE records r SET ${raised("r", "jsonb_set(r.body, '{members}', t.members)")}
       FROM jsonb_to_recordset($1::jsonb) AS t(collection text, id text, members jsonb)
       WHERE r.collection = t.collection AND r.id = t.id AND t.members IS NOT NULL`,
      [JSON.stringify(merge.moved)],
    );
    await tx.query(
      `UPDATE records r SET customer_id = $3, ${raised("r", "jsonb_set(r.body, '{customerId}', to_jsonb($3::text))")}
       FROM jsonb_to_recordset($1::jsonb) AS t(collection text, id text, members jsonb)
       WHERE r.collection = t.collection AND r.id = t.id AND t.members IS NULL AND r.customer_id = $2`,
      [JSON.stringify(merge.moved), merge.golden_id, merge.merged_id],
    );
    await tx.query(
      `UPDATE source_identities i SET record_id = $2 FROM jsonb_to_recordset($3::jsonb) AS t(system text, source_key text)
       WHERE i.collection = 'customers' AND i.system = t.system AND i.source_key = t.source_key AND i.record_id = $1`,
      [merge.golden_id, merge.merged_id, JSON.stringify(merge.identities)],
    );
    await restoreSources(tx, merge);
    await tx.query("UPDATE customer_merges SET unmerged_at = $2, unmerged_by = $3 WHERE id = $1", [
      mergeId,
      at,
      actor.id,
    ]);
    await appendAudit(tx, {
      at,
      actorId: actor.id,
      actorRole: actor.role,
      action: "customer_unmerge",
      customerId: merge.golden_id,
      reason: `merge ${mergeId} undone: ${merge.merged_id} apart from ${merge.golden_id}`,
    });
    return { goldenId: merge.golden_id, restoredId: merge.merged_id };
  });
}

/** Remembers that two records are two people: never proposed again, never merged. */
export async function keepApart(
  db: Database,
  ids: readonly [string, string],
  actor: Actor,
  at = new Date().toISOString(),
) {
  await db.transaction(async (tx) => {
    await tx.query(
      "INSERT INTO resolution_apart (pair, decided_by, decided_at) VALUES ($1, $2, $3) ON CONFLICT (pair) DO NOTHING",
      [pairKey(...ids), actor.id, at],
    );
    await appendAudit(tx, {
      at,
      actorId: actor.id,
      actorRole: actor.role,
      action: "resolution_keep_apart",
      reason: `${ids[0]} and ${ids[1]} are two people`,
    });
  });
}
