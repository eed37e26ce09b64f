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
 */
import { CustomerSchema, type Customer } from "@bankcrm/core";
import { goldenOf, mergeCustomers, pairKey, partyOf, resolve, type FieldChoice } from "@bankcrm/core/resolution";
import { appendAudit } from "./audit.js";
import type { Database } from "./database.js";
import type { Sql } from "./sql.js";

export interface Actor {
  id: string;
  role: string;
}

/** Why a merge or an unmerge was refused. */
export class ResolutionError extends Error {
  constructor(
    readonly code: "notFound" | "sameRecord" | "keptApart" | "differentKinds" | "notLatest" | "alreadyUnmerged",
    message: string,
  ) {
    super(message);
    this.name = "ResolutionError";
  }
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
const bumped = (body: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const version = Number(body.version ?? 0) + 1;
  return { ...body, ...extra, version };
};

/** The scope-bearing fields of a record as the change feed keeps them (`was`, migration 009). */
const scopeOf = (body: Record<string, unknown>) =>
  Object.fromEntries(
    ["customerId", "branchId", "relationshipManagerId", "assignedTo", "members"].flatMap((k) =>
      body[k] === undefined ? [] : [[k, body[k]]],
    ),
  );

async function customersFor(tx: Sql, ids: readonly string[]) {
  const { rows } = await tx.query<{ id: string; body: Customer; source: string | null }>(
    `SELECT r.id, r.body, (SELECT i.system FROM source_identities i WHERE i.collection = 'customers' AND i.record_id = r.id
                           ORDER BY i.first_loaded, i.system LIMIT 1) AS source
     FROM records r WHERE r.collection = 'customers' AND r.id = ANY($1) ORDER BY r.id FOR UPDATE`,
    [ids],
  );
  return rows;
}

/** Re-links every record of customer `from` to customer `to`; returns what moved (a member's array as it was). */
async function relink(tx: Sql, from: string, to: string): Promise<Moved[]> {
  const { rows: children } = await tx.query<{ collection: string; id: string }>(
    `UPDATE records r SET customer_id = $2, ${raised("r", "jsonb_set(r.body, '{customerId}', to_jsonb($2::text))")}
     WHERE r.customer_id = $1 AND r.collection <> 'customers' RETURNING r.collection, r.id`,
    [from, to],
  );
  // A household's or group's members: the other customer's place taken by the golden one (once).
  const { rows: groups } = await tx.query<{ collection: string; id: string; members: unknown }>(
    `WITH g AS (
       SELECT collection, id, body -> 'members' AS members FROM records
       WHERE jsonb_typeof(body -> 'members') = 'array' AND body -> 'members' @> jsonb_build_array(jsonb_build_object('customerId', $1::text))
       FOR UPDATE)
     UPDATE records r SET ${raised(
       "r",
       `jsonb_set(r.body, '{members}', coalesce((
         SELECT jsonb_agg(CASE WHEN m ->> 'customerId' = $1 THEN jsonb_set(m, '{customerId}', to_jsonb($2::text)) ELSE m END ORDER BY i)
         FROM jsonb_array_elements(g.members) WITH ORDINALITY AS t(m, i)
         WHERE NOT (m ->> 'customerId' = $1 AND g.members @> jsonb_build_array(jsonb_build_object('customerId', $2::text)))), '[]'))`,
     )}
     FROM g WHERE r.collection = g.collection AND r.id = g.id RETURNING g.collection, g.id, g.members`,
    [from, to],
  );
  return [...children, ...groups];
}

/** Merges two customer records of one person; the golden one is chosen by `o.priority`, then onboarding. */
export async function mergeRecords(
  db: Database,
  ids: readonly [string, string],
  actor: Actor,
  o: MergeOptions = {},
): Promise<MergeResult> {
  if (ids[0] === ids[1]) throw new ResolutionError("sameRecord", "a record cannot be merged with itself");
  const at = o.at ?? new Date().toISOString();
  return db.transaction(async (tx) => {
    const rows = await customersFor(tx, ids);
    if (rows.length !== 2)
      throw new ResolutionError("notFound", `no customer ${ids.find((id) => !rows.some((r) => r.id === id))}`);
    const { rows: apart } = await tx.query("SELECT 1 FROM resolution_apart WHERE pair = $1", [pairKey(...ids)]);
    if (apart.length > 0) throw new ResolutionError("keptApart", "these two were decided to be two people");
    if (rows[0]!.body.kind !== rows[1]!.body.kind)
      throw new ResolutionError("differentKinds", "a person and a company are never one customer");
    const sources = new Map(rows.map((r) => [r.id, r.source ?? undefined]));
    const options = { ...(o.priority ? { priority: o.priority } : {}), sourceOf: (c: Customer) => sources.get(c.id) };
    const { golden, other } = goldenOf(rows[0]!.body, rows[1]!.body, options);
    const outcome = mergeCustomers(golden, other, {
      ...options,
      at,
      ...(o.relationshipManager ? { relationshipManager: o.relationshipManager } : {}),
    });
    const customer = CustomerSchema.parse(bumped(outcome.customer, { updatedAt: at, updatedBy: actor.id }));
    const moved = await relink(tx, other.id, golden.id);
    const { rows: identities } = await tx.query<{ system: string; source_key: string }>(
      `UPDATE source_identities SET record_id = $2 WHERE collection = 'customers' AND record_id = $1
       RETURNING system, source_key`,
      [other.id, golden.id],
    );
    await tx.query("DELETE FROM records WHERE collection = 'customers' AND id = $1", [other.id]);
    // Deleting is not a write the feed's trigger sees: its `leave` is logged here.
    await tx.query("INSERT INTO change_log (collection, record_id, was) VALUES ('customers', $1, $2)", [
      other.id,
      JSON.stringify(scopeOf(other as unknown as Record<string, unknown>)),
    ]);
    await tx.query("SELECT pg_notify(change_channel(), '')");
    await db.put("customers", customer, tx);
    const { rows: merge } = await tx.query<{ id: string }>(
      `INSERT INTO customer_merges (golden_id, merged_id, golden_before, merged_body, moved, identities, choices, merged_by, merged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        golden.id,
        other.id,
        JSON.stringify(golden),
        JSON.stringify(other),
        JSON.stringify(moved),
        JSON.stringify(identities),
        JSON.stringify(outcome.choices),
        actor.id,
        at,
      ],
    );
    const mergeId = Number(merge[0]!.id);
    await appendAudit(tx, {
      at,
      actorId: actor.id,
      actorRole: actor.role,
      action: "customer_merge",
      customerId: golden.id,
      reason: `merge ${mergeId}: ${other.id} into ${golden.id}`,
    });
    return {
      mergeId,
      customer,
      mergedId: other.id,
      choices: outcome.choices,
      moved: moved.length,
      ...(outcome.relationshipManagerConflict
        ? { relationshipManagerConflict: outcome.relationshipManagerConflict }
        : {}),
    };
  });
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
    }>(
      `SELECT m.*, (SELECT max(l.id) FROM customer_merges l WHERE l.golden_id = m.golden_id AND l.unmerged_at IS NULL) AS latest
       FROM customer_merges m WHERE m.id = $1 FOR UPDATE`,
      [mergeId],
    );
    const merge = rows[0];
    if (!merge) throw new ResolutionError("notFound", `no merge ${mergeId}`);
    if (merge.unmerged_at) throw new ResolutionError("alreadyUnmerged", `merge ${mergeId} was undone already`);
    if (Number(merge.latest) !== mergeId)
      throw new ResolutionError("notLatest", `merge ${merge.latest} into the same customer came later: undo it first`);
    const [current] = await customersFor(tx, [merge.golden_id]);
    if (!current) throw new ResolutionError("notFound", `no customer ${merge.golden_id}`);
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

export interface ResolveBookOptions extends MergeOptions {
  /** Customers read at most (default 200,000; the set-based SQL resolution of a whole book is not written yet). */
  limit?: number;
}

export interface ResolveBookResult {
  customers: number;
  /** Merges applied (deterministic rules, and pairs above the merge threshold). */
  merged: number;
  /** Pairs waiting for a person (GET /resolution/review). */
  review: number;
}

/**
 * The resolution job (`pnpm reference-server resolve`, or after a load): the book's customers resolved by core's
 * resolve, a pair kept apart never joined, and every merge it decides applied one by one as a merge of the system
 * (`actor`), strongest evidence first — a record already merged into another is merged through its golden record.
 */
export async function resolveBook(db: Database, actor: Actor, o: ResolveBookOptions = {}): Promise<ResolveBookResult> {
  const { rows } = await db.query<{ body: Customer }>(
    "SELECT body FROM records WHERE collection = 'customers' ORDER BY id COLLATE \"C\" LIMIT $1",
    [o.limit ?? 200_000],
  );
  const { rows: apart } = await db.query<{ pair: string }>("SELECT pair FROM resolution_apart");
  const result = resolve(
    rows.map((r) => partyOf(r.body)),
    { keepApart: new Set(apart.map((r) => r.pair)) },
  );
  // Where each record went: a merged record's later pairs go to its golden record.
  const into = new Map<string, string>();
  const goldenOfId = (id: string): string => {
    let at = id;
    while (into.has(at)) at = into.get(at)!;
    return at;
  };
  let merged = 0;
  for (const pair of result.pairs.filter((p) => p.decision === "merge").sort((p, q) => q.weight - p.weight)) {
    const [a, b] = [goldenOfId(pair.a), goldenOfId(pair.b)];
    if (a === b) continue;
    try {
      const done = await mergeRecords(db, [a, b], actor, o);
      into.set(done.mergedId, done.customer.id);
      merged++;
    } catch (error) {
      // Kept apart, or gone meanwhile: left for a person.
      if (!(error instanceof ResolutionError)) throw error;
    }
  }
  return { customers: rows.length, merged, review: result.pairs.filter((p) => p.decision === "review").length };
}
