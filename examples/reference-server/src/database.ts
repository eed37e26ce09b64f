/**
 * The reference server's storage: every record as a JSON document in PGlite
 * (PostgreSQL in WASM, in memory or in a directory), with the columns the
 * queries need, an ETag per record, and the idempotency keys of POSTs.
 */
import { PGlite } from "@electric-sql/pglite";
import {
  collections,
  COLLECTION_NAMES,
  TIMELINE_COLLECTIONS,
  timelineAt,
  versionOf,
  type CollectionName,
} from "@bankcrm/core";

export const COLLECTIONS = COLLECTION_NAMES;
export type Collection = CollectionName;

/** The timeline kind of each collection that shows on the timeline (core's table). */
const TIMELINE_KIND = Object.fromEntries(
  Object.entries(TIMELINE_COLLECTIONS).map(([kind, collection]) => [collection, kind]),
) as Partial<Record<Collection, string>>;

export interface StoredRecord {
  id: string;
  body: Record<string, unknown>;
  etag: string;
}

/** A record's ETag is its version (`"v3"`; records from before versions are `"v0"`), as the clients send in If-Match. */
export function etagOf(body: unknown): string {
  return `"v${versionOf(body)}"`;
}

/** The same key `timelineKey` in @bankcrm/data computes: newest-first ordering of a customer's touchpoints. */
function timelineKey(collection: Collection, body: Record<string, unknown>): string | null {
  const kind = TIMELINE_KIND[collection];
  if (!kind) return null;
  return `${timelineAt(collection, body)}|${kind}|${String(body.id)}`;
}

function naturalKey(collection: Collection, body: Record<string, unknown>): string | null {
  if (collection !== "customers") return null;
  return collections.customers.naturalKey(body as never);
}

export async function openDatabase(dataDir?: string) {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.exec(`
    CREATE TABLE IF NOT EXISTS records (
      collection text NOT NULL,
      id text NOT NULL,
      customer_id text,
      natural_key text,
      tkey text COLLATE "C",
      created_at text COLLATE "C",
      body jsonb NOT NULL,
      etag text NOT NULL,
      PRIMARY KEY (collection, id)
    );
    CREATE INDEX IF NOT EXISTS records_customer ON records (collection, customer_id);
    CREATE INDEX IF NOT EXISTS records_timeline ON records (customer_id, tkey);
    CREATE INDEX IF NOT EXISTS records_natural ON records (natural_key) WHERE collection = 'customers';
    CREATE TABLE IF NOT EXISTS idempotency (
      key text PRIMARY KEY,
      request_hash text NOT NULL,
      status integer NOT NULL,
      response jsonb NOT NULL
    );
  `);

  const rowToRecord = (row: { id: string; body: Record<string, unknown>; etag: string }): StoredRecord => ({
    id: row.id,
    body: row.body,
    etag: row.etag,
  });

  return {
    pg: db,
    /** One record; inside a transaction (`target`), locked until it ends. */
    async get(collection: Collection, id: string, target?: Pick<PGlite, "query">): Promise<StoredRecord | undefined> {
      const r = await (target ?? db).query<{ id: string; body: Record<string, unknown>; etag: string }>(
        `SELECT id, body, etag FROM records WHERE collection = $1 AND id = $2${target ? " FOR UPDATE" : ""}`,
        [collection, id],
      );
      return r.rows[0] && rowToRecord(r.rows[0]);
    },
    async byNaturalKey(key: string): Promise<StoredRecord | undefined> {
      const r = await db.query<{ id: string; body: Record<string, unknown>; etag: string }>(
        "SELECT id, body, etag FROM records WHERE collection = 'customers' AND natural_key = $1",
        [key],
      );
      return r.rows[0] && rowToRecord(r.rows[0]);
    },
    /** Inserts or replaces; returns the new ETag. */
    async put(
      collection: Collection,
      body: Record<string, unknown>,
      target: Pick<PGlite, "query"> = db,
    ): Promise<string> {
      const etag = etagOf(body);
      await target.query(
        `INSERT INTO records (collection, id, customer_id, natural_key, tkey, created_at, body, etag)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (collection, id) DO UPDATE SET customer_id = $3, natural_key = $4, tkey = $5, created_at = $6, body = $7, etag = $8`,
        [
          collection,
          String(body.id),
          (body.customerId as string | undefined) ?? null,
          naturalKey(collection, body),
          timelineKey(collection, body),
          (body.createdAt as string | undefined) ?? null,
          JSON.stringify(body),
          etag,
        ],
      );
      return etag;
    },
    /** Inserts or replaces many records in one transaction. */
    async putMany(collection: Collection, bodies: readonly Record<string, unknown>[]): Promise<void> {
      await db.transaction(async (tx) => {
        for (const body of bodies) await this.put(collection, body, tx);
      });
    },
    async listCustomers(
      filter: { tier?: string; branchId?: string; relationshipManagerId?: string; status?: string; after?: string },
      limit: number,
    ) {
      const where: string[] = ["collection = 'customers'"];
      const values: unknown[] = [];
      const add = (sql: string, value: unknown) => {
        values.push(value);
        where.push(sql.replace("?", `$${values.length}`));
      };
      if (filter.tier !== undefined) add("body->>'tier' = ?", filter.tier);
      if (filter.branchId !== undefined) add("body->>'branchId' = ?", filter.branchId);
      if (filter.relationshipManagerId !== undefined)
        add("body->>'relationshipManagerId' = ?", filter.relationshipManagerId);
      if (filter.status !== undefined) add("body->>'status' = ?", filter.status);
      if (filter.after !== undefined) add('id COLLATE "C" > ?', filter.after);
      values.push(limit);
      const r = await db.query<{ body: Record<string, unknown> }>(
        `SELECT body FROM records WHERE ${where.join(" AND ")} ORDER BY id COLLATE "C" LIMIT $${values.length}`,
        values,
      );
      return r.rows.map((row) => row.body);
    },
    async ofCustomer(collection: Collection, customerId: string) {
      const r = await db.query<{ body: Record<string, unknown> }>(
        'SELECT body FROM records WHERE collection = $1 AND customer_id = $2 ORDER BY id COLLATE "C"',
        [collection, customerId],
      );
      return r.rows.map((row) => row.body);
    },
    /** Runs `work` in one transaction: every write in it lands, or none. */
    transaction<T>(work: (tx: Pick<PGlite, "query">) => Promise<T>): Promise<T> {
      return db.transaction(work);
    },
    async timeline(customerId: string, after: string | undefined, limit: number) {
      const r = await db.query<{ collection: Collection; tkey: string; body: Record<string, unknown> }>(
        `SELECT collection, tkey, body FROM records WHERE customer_id = $1 AND tkey IS NOT NULL ${after !== undefined ? "AND tkey < $3" : ""} ORDER BY tkey DESC LIMIT $2`,
        after !== undefined ? [customerId, limit, after] : [customerId, limit],
      );
      return r.rows.map((row) => ({ kind: TIMELINE_KIND[row.collection]!, key: row.tkey, body: row.body }));
    },
    async leads(customerId: string | undefined, after: string | undefined, limit: number) {
      const values: unknown[] = [limit];
      let where = "collection = 'leads'";
      if (customerId !== undefined) {
        values.push(customerId);
        where += ` AND customer_id = $${values.length}`;
      }
      if (after !== undefined) {
        values.push(after);
        where += ` AND (created_at, id COLLATE "C") < (SELECT created_at, id COLLATE "C" FROM records WHERE collection = 'leads' AND id = $${values.length})`;
      }
      const r = await db.query<{ body: Record<string, unknown> }>(
        `SELECT body FROM records WHERE ${where} ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT $1`,
        values,
      );
      return r.rows.map((row) => row.body);
    },
    /** Any collection in id order; with a customer, its records (for groups: where it is a member). */
    async records(collection: Collection, customerId: string | undefined, after: string | undefined, limit: number) {
      const values: unknown[] = [collection, limit];
      let where = "collection = $1";
      if (customerId !== undefined) {
        values.push(customerId, JSON.stringify([{ customerId }]));
        where += ` AND (customer_id = $3 OR body->'members' @> $4::jsonb)`;
      }
      if (after !== undefined) {
        values.push(after);
        where += ` AND id COLLATE "C" > $${values.length}`;
      }
      const r = await db.query<{ body: Record<string, unknown> }>(
        `SELECT body FROM records WHERE ${where} ORDER BY id COLLATE "C" LIMIT $2`,
        values,
      );
      return r.rows.map((row) => row.body);
    },
    async count(collection: Collection): Promise<number> {
      const r = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM records WHERE collection = $1", [
        collection,
      ]);
      return r.rows[0]!.n;
    },
    async idempotent(key: string): Promise<{ requestHash: string; status: number; response: unknown } | undefined> {
      const r = await db.query<{ request_hash: string; status: number; response: unknown }>(
        "SELECT request_hash, status, response FROM idempotency WHERE key = $1",
        [key],
      );
      const row = r.rows[0];
      return row && { requestHash: row.request_hash, status: row.status, response: row.response };
    },
    /** Stores a POST's response under its idempotency key; the first writer wins. */
    async remember(
      key: string,
      requestHash: string,
      status: number,
      response: unknown,
      target: Pick<PGlite, "query"> = db,
    ): Promise<void> {
      await target.query(
        "INSERT INTO idempotency (key, request_hash, status, response) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING",
        [key, requestHash, status, JSON.stringify(response)],
      );
    },
    close: () => db.close(),
  };
}

export type Database = Awaited<ReturnType<typeof openDatabase>>;
