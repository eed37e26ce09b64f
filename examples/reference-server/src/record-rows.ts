/**
 * A record as a row of `records`: the columns the queries need, derived from its body (natural key, timeline key,
 * order time, ETag), and the bulk ways to write many — batched INSERTs, or COPY where the driver has it.
 */
import {
  collections,
  collectionSpec,
  COLLECTION_NAMES,
  TIMELINE_COLLECTIONS,
  versionOf,
  type CollectionName,
} from "@bankcrm/core";
import { timelineAt } from "@bankcrm/core/collections";
import type { Driver, Sql } from "./sql.js";

type Collection = CollectionName;

/** The timeline kind of each collection that shows on the timeline (core's table). */
export const TIMELINE_KIND = Object.fromEntries(
  Object.entries(TIMELINE_COLLECTIONS).map(([kind, collection]) => [collection, kind]),
) as Partial<Record<Collection, string>>;

/** A record's ETag is its version (`"v3"`; records from before versions are `"v0"`), as the clients send in If-Match. */
export function etagOf(body: unknown): string {
  return `"v${versionOf(body)}"`;
}

/** The same key `timelineKey` in @bankcrm/data computes: newest-first ordering of a customer's touchpoints. */
export function timelineKey(collection: Collection, body: Record<string, unknown>): string | null {
  const kind = TIMELINE_KIND[collection];
  if (!kind) return null;
  return `${timelineAt(collection, body)}|${kind}|${String(body.id)}`;
}

/** A customer's identifier (resident ID, USCC…); a holding's account or card number (the call centre's card lookup). */
export function naturalKey(collection: Collection, body: Record<string, unknown>): string | null {
  if (collection === "holdings") return typeof body.accountNumber === "string" ? body.accountNumber : null;
  if (collection !== "customers") return null;
  return collections.customers.naturalKey(body as never);
}

/**
 * The created_at column: what a newest-first collection (`order: "newest"`) lists by — its `timeField` — and
 * otherwise the record's createdAt, when it has one.
 */
export function orderTime(collection: Collection, body: Record<string, unknown>): unknown {
  const spec = collectionSpec(collection);
  const field = spec.order === "newest" && spec.timeField ? spec.timeField : "createdAt";
  return body[field] ?? null;
}

/** The columns `rowValues` gives, in order, and how many rows `putMany` sends in one statement. */
const ROW_COLUMNS = ["collection", "id", "customer_id", "natural_key", "tkey", "created_at", "body", "etag"] as const;
const PUT_BATCH = 2_000;
const COPY_BATCH = 50_000;

/** The values of a `records` row, in column order: collection, id, customer_id, natural_key, tkey, created_at, body, etag. */
export function rowValues(collection: Collection, body: Record<string, unknown>): unknown[] {
  return [
    collection,
    String(body.id),
    body.customerId ?? null,
    naturalKey(collection, body),
    timelineKey(collection, body),
    orderTime(collection, body),
    JSON.stringify(body),
    etagOf(body),
  ];
}

/** Runs `work` in one transaction; `quiet`: its writes stay out of the change feed. */
export function quietly(db: Driver, quiet: boolean | undefined, work: (tx: Sql) => Promise<void>) {
  return db.transaction(async (tx) => {
    if (quiet) await tx.query("SELECT set_config('bankcrm.quiet', 'on', true)");
    await work(tx);
  });
}

/** Appends records none of which is stored yet: COPY where the driver has it, batched INSERTs otherwise. */
export async function appendRows(tx: Sql, collection: Collection, bodies: readonly Record<string, unknown>[]) {
  if (!tx.copyRows) return putRows(tx, collection, bodies);
  for (let at = 0; at < bodies.length; at += COPY_BATCH)
    await tx.copyRows(
      "records",
      ROW_COLUMNS,
      bodies.slice(at, at + COPY_BATCH).map((body) => rowValues(collection, body)),
    );
}

/**
 * Inserts or replaces `bodies` with one statement per batch of rows (arrays unnested), not one per row: several times
 * faster on PGlite, where each statement has a fixed cost. A later record with the same id replaces an earlier one, as
 * row by row. A record written again as it is changes nothing: no update, no change in the feed (a job that derives
 * records again, a file loaded twice).
 */
export async function putRows(tx: Sql, collection: Collection, bodies: readonly Record<string, unknown>[]) {
  const latest = new Map<string, Record<string, unknown>>();
  for (const body of bodies) latest.set(String(body.id), body);
  const rows = [...latest.values()].map((body) => rowValues(collection, body));
  for (let at = 0; at < rows.length; at += PUT_BATCH) {
    const batch = rows.slice(at, at + PUT_BATCH);
    await tx.query(
      `INSERT INTO records (collection, id, customer_id, natural_key, tkey, created_at, body, etag)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[])
       ON CONFLICT (collection, id) DO UPDATE SET customer_id = excluded.customer_id, natural_key = excluded.natural_key,
         tkey = excluded.tkey, created_at = excluded.created_at, body = excluded.body, etag = excluded.etag
       WHERE records.body IS DISTINCT FROM excluded.body`,
      ROW_COLUMNS.map((_, column) => batch.map((row) => row[column])),
    );
  }
}

/** Collections whose records name a customer by membership (households, company groups). */
const BY_MEMBERSHIP = COLLECTION_NAMES.filter((c) => collectionSpec(c).customerIndex === "members");

/** Every record that may name the customer, by collection: theirs, and each group with them as a member. */
export async function recordsNaming(
  tx: Sql,
  customerId: string,
  lock = false,
): Promise<Partial<Record<CollectionName, Record<string, unknown>[]>>> {
  const r = await tx.query<{ collection: CollectionName; body: Record<string, unknown> }>(
    `SELECT r.collection, r.body FROM records r
     WHERE r.customer_id = $1 OR (r.collection = 'customers' AND r.id = $1)
        OR (r.collection = ANY($2::text[]) AND r.body -> 'members' @> jsonb_build_array(jsonb_build_object('customerId', $1::text)))
     ORDER BY r.collection, r.id COLLATE "C"${lock ? " FOR UPDATE" : ""}`,
    [customerId, BY_MEMBERSHIP],
  );
  const out: Partial<Record<CollectionName, Record<string, unknown>[]>> = {};
  for (const row of r.rows) (out[row.collection] ??= []).push(row.body);
  return out;
}

/** The scope-bearing fields of a record as the change feed keeps them (`was`, migration 009). */
export const scopeOf = (body: Record<string, unknown>) =>
  Object.fromEntries(
    ["customerId", "branchId", "relationshipManagerId", "assignedTo", "members"].flatMap((k) =>
      body[k] === undefined ? [] : [[k, body[k]]],
    ),
  );

/**
 * Records gone from `records`, each with a `leave` on the change feed for whoever could see it (deleting is not a
 * write the feed's trigger sees), with the history the server keeps of them.
 */
export async function removeRecords(
  tx: Sql,
  gone: readonly { collection: string; id: string; body: Record<string, unknown> }[],
) {
  if (gone.length === 0) return;
  const rows = JSON.stringify(gone.map((g) => ({ collection: g.collection, id: g.id, was: scopeOf(g.body) })));
  await tx.query(
    `DELETE FROM records r USING jsonb_to_recordset($1::jsonb) AS t(collection text, id text)
     WHERE r.collection = t.collection AND r.id = t.id`,
    [rows],
  );
  await tx.query(
    `INSERT INTO change_log (collection, record_id, was)
     SELECT t.collection, t.id, t.was FROM jsonb_to_recordset($1::jsonb) AS t(collection text, id text, was jsonb)`,
    [rows],
  );
  await tx.query("SELECT pg_notify(change_channel(), '')");
}
