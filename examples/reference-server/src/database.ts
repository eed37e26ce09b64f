/**
 * The reference server's storage: every record as a JSON document in
 * PostgreSQL — PGlite embedded (in memory or a directory) or a PostgreSQL
 * server (DATABASE_URL) — with the columns the queries need, an ETag per
 * record, the idempotency keys of POSTs and the audit chain. Every read takes
 * the caller's scope (core's `customerScopeOf`) into its SQL: a record outside
 * it is never read, so it is a 404 like a missing one.
 */
import { collectionSpec, COLLECTION_NAMES, METRICS, type CollectionName, type CustomerScope } from "@bankcrm/core";
import { createChangeFeed } from "./feed.js";
import { SEGMENT_TABLE, SEGMENT_VIEW } from "./segment-snapshot.js";
import {
  appendRows,
  etagOf,
  naturalKey,
  putRows,
  quietly,
  rowValues,
  timelineKey,
  TIMELINE_KIND,
} from "./record-rows.js";
import { migrate, openPglite, openPostgres, type Driver, type Sql } from "./sql.js";
import {
  customerSeenSql,
  Params,
  searchRankSql,
  searchSql,
  searchTsquery,
  searchVectorSql,
  visibleSql,
  type Reader,
} from "./scope-sql.js";
export type { Reader };

export const COLLECTIONS = COLLECTION_NAMES;
export type Collection = CollectionName;
export type { CustomerScope };
export { etagOf };

export interface StoredRecord {
  id: string;
  body: Record<string, unknown>;
  etag: string;
}

/**
 * A row of `customer_metrics` as the metrics route reads it, by column (the metric table's):
 * money as numbers of minor units, days as YYYY-MM-DD.
 */
export type MetricsRow = { customer_id: string } & Record<string, unknown>;

/** The metric table's columns as the route reads them. */
const METRICS_SELECT = METRICS.filter((metric) => !metric.internal)
  .map((metric) =>
    metric.sql === "bigint"
      ? `m.${metric.column}::float8 AS ${metric.column}`
      : metric.sql === "date"
        ? `to_char(m.${metric.column}, 'YYYY-MM-DD') AS ${metric.column}`
        : `m.${metric.column}`,
  )
  .join(", ");

/** An Idempotency-Key's stored answer. */
export type Answered = { requestHash: string; status: number; response: unknown };

export interface DatabaseOptions {
  /** postgres://… : a PostgreSQL server (pooled). Otherwise PGlite. */
  url?: string | undefined;
  /** PGlite's directory; in memory when unset. */
  dataDir?: string | undefined;
  /** Pool size for a PostgreSQL server. */
  poolSize?: number;
  /** PGlite: a new directory's contents, from a backup's tarball (backup.ts' restore). */
  loadDataDir?: Blob;
  /**
   * What segments are evaluated on: `live`, the customer view aggregating holdings and transactions per query
   * (default), or `snapshot`, the nightly `customer_segments` table — consents, scope and status live, balances and
   * activity as of the last refresh (segment-snapshot.ts; SEGMENTS=snapshot).
   */
  segments?: "live" | "snapshot";
}

/** Writes outside the change feed (seeding an empty database). */
type Quiet = { quiet?: boolean };

/**
 * A search's one page, best first: every term as a prefix of the record's terms (migration 029), ranked as core's
 * `searchScore` ranks, ties by id.
 */
async function searched(
  db: Sql,
  collection: Collection,
  search: readonly string[],
  limit: number,
  reader: Reader | undefined,
): Promise<Record<string, unknown>[]> {
  if (search.length === 0) return [];
  const p = new Params();
  const matched = [
    `r.collection = ${p.add(collection)}`,
    visibleSql(collection, reader, p),
    `${searchVectorSql(collection, "r")} @@ ${p.add(searchTsquery(search))}::tsquery`,
  ];
  const rank = searchRankSql(collection, "r", search, p);
  const r = await db.query<{ body: Record<string, unknown> }>(
    `SELECT r.body FROM records r WHERE ${matched.join(" AND ")}
     ORDER BY ${rank} DESC, r.id COLLATE "C" LIMIT ${p.add(limit)}`,
    p.values,
  );
  return r.rows.map((row) => row.body);
}

export async function openDatabase(options: DatabaseOptions | string = {}) {
  const opts: DatabaseOptions = typeof options === "string" ? { dataDir: options } : options;
  const db: Driver = opts.url
    ? openPostgres(opts.url, { ...(opts.poolSize ? { max: opts.poolSize } : {}) })
    : openPglite(opts.dataDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  await migrate(db);

  const [changes, segmentSource] = [createChangeFeed(db), opts.segments === "snapshot" ? SEGMENT_TABLE : SEGMENT_VIEW];
  type Row = { id: string; body: Record<string, unknown>; etag: string };
  const rowToRecord = (row: Row): StoredRecord => ({ id: row.id, body: row.body, etag: row.etag });

  return {
    driver: db,
    kind: db.kind,
    segmentSource, // the table or view segments are evaluated on
    /** The change feed: every committed write numbered, paged in the reader's scope (feed.ts). */
    changes,
    /** Runs raw SQL (bench, tests, jobs). */
    query: <T = Record<string, unknown>>(text: string, values?: readonly unknown[]) => db.query<T>(text, values),
    /** One record the reader may see; inside a transaction (`target`), locked until it ends unless `lock` is false. */
    async get(
      collection: Collection,
      id: string,
      target?: Sql,
      reader?: Reader,
      lock = target !== undefined,
    ): Promise<StoredRecord | undefined> {
      const p = new Params();
      const where = `r.collection = ${p.add(collection)} AND r.id = ${p.add(id)} AND ${visibleSql(collection, reader, p)}`;
      const r = await (target ?? db).query<Row>(
        `SELECT r.id, r.body, r.etag FROM records r WHERE ${where}${lock ? " FOR UPDATE OF r" : ""}`,
        p.values,
      );
      return r.rows[0] && rowToRecord(r.rows[0]);
    },
    /** Whether the customer is one the reader may see (a write onto a customer must stay in scope). */
    async customerVisible(customerId: string, reader: Reader | undefined, target: Sql = db): Promise<boolean> {
      const p = new Params();
      const r = await target.query(`SELECT ${customerSeenSql(p.add(customerId), reader, p)} AS seen`, p.values);
      return r.rows[0]?.seen === true;
    },
    async byNaturalKey(key: string, reader?: Reader): Promise<StoredRecord | undefined> {
      const p = new Params();
      const r = await db.query<Row>(
        `SELECT r.id, r.body, r.etag FROM records r WHERE r.collection = 'customers' AND r.natural_key = ${p.add(key)} AND ${visibleSql("customers", reader, p)}`,
        p.values,
      );
      return r.rows[0] && rowToRecord(r.rows[0]);
    },
    /**
     * A create in one statement (no BEGIN/COMMIT round trips, no lookup first): the idempotency key looked up
     * (`keyed`: it has an answer — the caller gives it), the customer's scope checked, the record inserted unless
     * its id is taken, and the key's answer stored with it — all or nothing, as a single statement is.
     */
    async createOnce(
      collection: Collection,
      body: Record<string, unknown>,
      reader: Reader | undefined,
      remember: { key: string; requestHash: string; status: number },
      target: Sql = db,
    ): Promise<"created" | "outOfScope" | "exists" | "keyed"> {
      const p = new Params();
      const customerId = typeof body.customerId === "string" ? body.customerId : undefined;
      const allowed =
        customerId === undefined
          ? "SELECT 1"
          : `SELECT 1 FROM records r WHERE r.collection = 'customers' AND r.id = ${p.add(customerId)} AND ${visibleSql("customers", reader, p)}`;
      const key = p.add(remember.key);
      // The record once: it is both the row's body and the key's stored answer.
      const json = `${p.add(JSON.stringify(body))}::jsonb`;
      const values = [
        p.add(collection),
        p.add(String(body.id)),
        p.add(customerId ?? null),
        p.add(naturalKey(collection, body)),
        p.add(timelineKey(collection, body)),
        p.add(body.createdAt ?? null),
        json,
        p.add(etagOf(body)),
      ];
      const r = await target.query<{ allowed: boolean; inserted: boolean; keyed: boolean }>(
        `WITH allowed AS (${allowed}),
         keyed AS (SELECT 1 FROM idempotency WHERE key = ${key}),
         inserted AS (
           INSERT INTO records (collection, id, customer_id, natural_key, tkey, created_at, body, etag)
           SELECT ${values.join(", ")} WHERE EXISTS (SELECT 1 FROM allowed) AND NOT EXISTS (SELECT 1 FROM keyed)
           ON CONFLICT (collection, id) DO NOTHING RETURNING id
         ),
         remembered AS (
           INSERT INTO idempotency (key, request_hash, status, response)
           SELECT ${key}, ${p.add(remember.requestHash)}, ${p.add(remember.status)}, ${json}
           WHERE EXISTS (SELECT 1 FROM inserted)
           ON CONFLICT (key) DO NOTHING RETURNING key
         )
         SELECT EXISTS (SELECT 1 FROM allowed) AS allowed, EXISTS (SELECT 1 FROM inserted) AS inserted,
                EXISTS (SELECT 1 FROM keyed) AS keyed, EXISTS (SELECT 1 FROM remembered) AS remembered`,
        p.values,
      );
      const outcome = r.rows[0]!;
      return outcome.keyed ? "keyed" : !outcome.allowed ? "outOfScope" : outcome.inserted ? "created" : "exists";
    },
    /** Inserts or replaces; returns the new ETag. */
    async put(collection: Collection, body: Record<string, unknown>, target: Sql = db): Promise<string> {
      const values = rowValues(collection, body);
      await target.query(
        `INSERT INTO records (collection, id, customer_id, natural_key, tkey, created_at, body, etag)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (collection, id) DO UPDATE SET customer_id = $3, natural_key = $4, tkey = $5, created_at = $6, body = $7, etag = $8`,
        values,
      );
      return values[7] as string;
    },
    /** Inserts or replaces many in one transaction; `quiet`: outside the change feed (seeding an empty database). */
    async putMany(collection: Collection, bodies: readonly Record<string, unknown>[], options: Quiet = {}) {
      await quietly(db, options.quiet, (tx) => putRows(tx, collection, bodies));
    },
    /**
     * Appends records to a collection that has none of them yet (a seed, a first load), in one transaction: COPY where
     * the driver has it, batched INSERTs otherwise. `quiet`: outside the change feed.
     */
    async load(collection: Collection, bodies: readonly Record<string, unknown>[], options: Quiet = {}) {
      await quietly(db, options.quiet, (tx) => appendRows(tx, collection, bodies));
    },
    async listCustomers(
      filter: {
        tier?: string | undefined;
        branchId?: string | undefined;
        relationshipManagerId?: string | undefined;
        status?: string | undefined;
        after?: string | undefined;
        search?: string | undefined;
      },
      limit: number,
      reader?: Reader,
    ) {
      const p = new Params();
      const where: string[] = ["r.collection = 'customers'", visibleSql("customers", reader, p)];
      if (filter.tier !== undefined) where.push(`r.body->>'tier' = ${p.add(filter.tier)}`);
      if (filter.branchId !== undefined) where.push(`r.branch_id = ${p.add(filter.branchId)}`);
      if (filter.relationshipManagerId !== undefined) where.push(`r.rm_id = ${p.add(filter.relationshipManagerId)}`);
      if (filter.status !== undefined) where.push(`r.body->>'status' = ${p.add(filter.status)}`);
      if (filter.after !== undefined) where.push(`r.id COLLATE "C" > ${p.add(filter.after)}`);
      if (filter.search !== undefined && filter.search.trim() !== "") where.push(searchSql(filter.search, p));
      const r = await db.query<{ body: Record<string, unknown> }>(
        `SELECT r.body FROM records r WHERE ${where.join(" AND ")} ORDER BY r.id COLLATE "C" LIMIT ${p.add(limit)}`,
        p.values,
      );
      return r.rows.map((row) => row.body);
    },
    async ofCustomer(collection: Collection, customerId: string, reader?: Reader, target: Sql = db) {
      const p = new Params();
      const r = await target.query<{ body: Record<string, unknown> }>(
        `SELECT r.body FROM records r WHERE r.collection = ${p.add(collection)} AND r.customer_id = ${p.add(customerId)} AND ${visibleSql(collection, reader, p)} ORDER BY r.id COLLATE "C"`,
        p.values,
      );
      return r.rows.map((row) => row.body);
    },
    /** Runs `work` in one transaction: every write in it lands, or none. */
    transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      return db.transaction(work);
    },
    /** A customer's touchpoints, newest first; empty when the customer is not the reader's. */
    async timeline(customerId: string, after: string | undefined, limit: number, reader?: Reader) {
      const p = new Params();
      const where = [
        `r.customer_id = ${p.add(customerId)}`,
        "r.tkey IS NOT NULL",
        visibleSql("customers", reader, p, "owner"),
        ...(reader && !reader.confidential
          ? ["NOT (r.collection = 'interactions' AND r.body ->> 'confidential' = 'true')"]
          : []),
      ];
      if (after !== undefined) where.push(`r.tkey < ${p.add(after)}`);
      const r = await db.query<{ collection: Collection; tkey: string; body: Record<string, unknown> }>(
        `SELECT r.collection, r.tkey, r.body FROM records r
         JOIN records owner ON owner.collection = 'customers' AND owner.id = r.customer_id
         WHERE ${where.join(" AND ")} ORDER BY r.tkey DESC LIMIT ${p.add(limit)}`,
        p.values,
      );
      return r.rows.map((row) => ({
        kind: TIMELINE_KIND[row.collection]!,
        collection: row.collection,
        key: row.tkey,
        body: row.body,
      }));
    },
    /** A search's one page, best first (`searched`). */
    search: searched.bind(null, db),
    /**
     * Any collection in the table's order — by id, or newest first by its time (`order: "newest"`, the created_at
     * column; ties by id) — and with a customer, its records (for groups: where it is a member).
     */
    async records(
      collection: Collection,
      customerId: string | undefined,
      after: string | undefined,
      limit: number,
      reader?: Reader,
    ) {
      const p = new Params();
      const where = [`r.collection = ${p.add(collection)}`, visibleSql(collection, reader, p)];
      if (customerId !== undefined)
        where.push(
          `(r.customer_id = ${p.add(customerId)} OR r.body->'members' @> ${p.add(JSON.stringify([{ customerId }]))}::jsonb)`,
        );
      const newest = collectionSpec(collection).order === "newest";
      if (after !== undefined)
        where.push(
          newest
            ? `(r.created_at, r.id COLLATE "C") < (SELECT created_at, id COLLATE "C" FROM records WHERE collection = ${p.add(collection)} AND id = ${p.add(after)})`
            : `r.id COLLATE "C" > ${p.add(after)}`,
        );
      const order = newest ? `r.created_at DESC, r.id COLLATE "C" DESC` : `r.id COLLATE "C"`;
      const r = await db.query<{ body: Record<string, unknown> }>(
        `SELECT r.body FROM records r WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${p.add(limit)}`,
        p.values,
      );
      return r.rows.map((row) => row.body);
    },
    /**
     * A segment's members among the reader's customers: `where` and its `values` are core's `toSql` over the
     * customer view's columns — the live view or the nightly table (`segmentSource`); the reader's scope is added.
     * The count, and a page of ids in id order.
     */
    async segment(
      query: { where: string; values: unknown[] },
      page: { limit: number; after?: string | undefined },
      reader?: Reader,
      tx: Sql = db,
    ): Promise<{ count: number; ids: string[] }> {
      const p = new Params([...query.values]);
      const scoped = `(${query.where}) AND ${visibleSql("customers", reader, p, "v")}`;
      const counting = `SELECT count(*)::int AS n FROM ${segmentSource} v WHERE ${scoped}`;
      const counted = await tx.query<{ n: number }>(counting, p.values);
      const after = page.after !== undefined ? ` AND v.id COLLATE "C" > ${p.add(page.after)}` : "";
      const rows = await tx.query<{ id: string }>(
        `SELECT v.id FROM ${segmentSource} v WHERE ${scoped}${after} ORDER BY v.id COLLATE "C" LIMIT ${p.add(page.limit)}`,
        p.values,
      );
      return { count: counted.rows[0]!.n, ids: rows.rows.map((r) => r.id) };
    },
    /**
     * The metrics job's figures for the reader's customers, in id order, a page
     * at a time, with the day they are for; empty before the job has run.
     */
    async metrics(
      page: { limit: number; after?: string | undefined },
      reader?: Reader,
    ): Promise<{ asOf?: string; computedAt?: string; rows: MetricsRow[] }> {
      const p = new Params([]);
      const scoped = visibleSql("customers", reader, p, "c");
      const after = page.after !== undefined ? ` AND m.customer_id COLLATE "C" > ${p.add(page.after)}` : "";
      const rows = await db.query<MetricsRow>(
        `SELECT m.customer_id, ${METRICS_SELECT}
         FROM customer_metrics m JOIN records c ON c.collection = 'customers' AND c.id = m.customer_id
         WHERE ${scoped}${after} ORDER BY m.customer_id COLLATE "C" LIMIT ${p.add(page.limit)}`,
        p.values,
      );
      const run = await db.query<{ as_of: string | Date; computed_at: string | Date }>(
        "SELECT as_of, computed_at FROM metrics_models WHERE id = 1",
      );
      const r = run.rows[0];
      const day = (d: string | Date) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));
      return {
        ...(r ? { asOf: day(r.as_of), computedAt: new Date(r.computed_at).toISOString() } : {}),
        rows: rows.rows,
      };
    },
    async count(collection: Collection): Promise<number> {
      const r = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM records WHERE collection = $1", [
        collection,
      ]);
      return r.rows[0]!.n;
    },
    async idempotent(key: string, target: Sql = db): Promise<Answered | undefined> {
      const r = await target.query<{ request_hash: string; status: number; response: unknown }>(
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
      target: Sql = db,
    ): Promise<void> {
      await target.query(
        "INSERT INTO idempotency (key, request_hash, status, response) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING",
        [key, requestHash, status, JSON.stringify(response)],
      );
    },
    close: () => changes.close().then(() => db.close()),
  };
}

export type Database = Awaited<ReturnType<typeof openDatabase>>;
