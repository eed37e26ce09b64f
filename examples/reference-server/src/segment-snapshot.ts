/**
 * The nightly segment table (#31, migration 024): `customer_segment_view` computed into
 * `customer_segments`, for a bank whose book is too large to aggregate per query (SEGMENTS=snapshot).
 *
 * The new table is built beside the one serving (`CREATE TABLE … AS` of the set-based twin of the view,
 * `customer_segment_bulk`, in id order), indexed where the
 * segment queries and scopes filter — B-tree on scope, tier and the money and date columns people
 * test most, BRIN on the onboarding date (ids follow onboarding: the table's order is the date's) —
 * analysed, then swapped in under a lock held only for the swap. Customers written while it was built
 * (the change log names them) are computed again after the swap, so no change made during a refresh
 * is lost to the triggers' updates of the old table.
 */
import type { Driver } from "./sql.js";

export const SEGMENT_TABLE = "customer_segments";
/** The live view: every query aggregates holdings and transactions as they are now. */
export const SEGMENT_VIEW = "customer_segment_view";
export type SegmentSource = typeof SEGMENT_TABLE | typeof SEGMENT_VIEW;
/**
 * The same rows set-based (migration 028): every holding and transaction aggregated in one GROUP BY each, where the
 * live view probes each customer's — what the whole-book build reads; the view stays for one customer's row.
 */
export const SEGMENT_BULK = "customer_segment_bulk";

/** The indexes the segment queries use: name suffix, what it indexes (and how), whether unique. */
const INDEXES: readonly { name: string; on: string; unique?: true }[] = [
  { name: "id", on: '(id COLLATE "C")', unique: true },
  { name: "branch", on: '(branch_id, id COLLATE "C")' },
  { name: "rm", on: '(rm_id, id COLLATE "C")' },
  { name: "tier", on: "(tier)" },
  { name: "aum", on: "(aum)" },
  { name: "last_transaction", on: "(last_transaction_at)" },
  { name: "onboarded", on: "USING brin (onboarded_at)" },
];

/** Memory for the build's aggregates, sort and index builds, for its transaction only. */
const BUILD_MEMORY = "256MB";

/** How far back, before the build began, a write may have started and still not be in it. */
const CATCH_UP = "5 minutes";

export interface SegmentRefresh {
  customers: number;
  seconds: number;
}

export async function refreshSegments(db: Driver): Promise<SegmentRefresh> {
  const t0 = performance.now();
  const started = (await db.query<{ at: string }>("SELECT now()::text AS at")).rows[0]!.at;
  await db.query("DROP TABLE IF EXISTS customer_segments_next");
  // One transaction with memory for the book's hash aggregates and sorts (PostgreSQL's 4 MB default spills them to
  // disk); nobody reads the new table before the swap below.
  await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '${BUILD_MEMORY}'`);
    await tx.query(`SET LOCAL maintenance_work_mem = '${BUILD_MEMORY}'`);
    await tx.query(`CREATE TABLE customer_segments_next AS SELECT * FROM ${SEGMENT_BULK} ORDER BY id COLLATE "C"`);
    for (const { name, on, unique } of INDEXES)
      await tx.query(
        `CREATE ${unique ? "UNIQUE " : ""}INDEX customer_segments_next_${name} ON customer_segments_next ${on}`,
      );
  });
  await db.query("ANALYZE customer_segments_next");
  const customers = await db.transaction(async (tx) => {
    if ((await tx.query<{ t: string | null }>("SELECT to_regclass('customer_segments')::text AS t")).rows[0]!.t) {
      await tx.query("LOCK TABLE customer_segments IN ACCESS EXCLUSIVE MODE");
      await tx.query("DROP TABLE customer_segments");
    }
    await tx.query("ALTER TABLE customer_segments_next RENAME TO customer_segments");
    for (const { name } of INDEXES)
      await tx.query(`ALTER INDEX customer_segments_next_${name} RENAME TO customer_segments_${name}`);
    // Customers written while the table was built: their rows again, from the records as they are now.
    const changed = `SELECT DISTINCT record_id FROM change_log WHERE collection = 'customers' AND at >= $1::timestamptz - interval '${CATCH_UP}'`;
    await tx.query(`DELETE FROM customer_segments WHERE id IN (${changed})`, [started]);
    await tx.query(`INSERT INTO customer_segments SELECT * FROM ${SEGMENT_VIEW} WHERE id IN (${changed})`, [started]);
    const n = Number((await tx.query<{ n: string }>("SELECT count(*) AS n FROM customer_segments")).rows[0]!.n);
    const seconds = (performance.now() - t0) / 1000;
    await tx.query(
      `INSERT INTO segment_snapshot (id, refreshed_at, customers, seconds) VALUES (1, $1::timestamptz, $2, $3)
       ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at, customers = EXCLUDED.customers, seconds = EXCLUDED.seconds`,
      [started, n, seconds],
    );
    return n;
  });
  return { customers, seconds: (performance.now() - t0) / 1000 };
}

/** When the table was last refreshed; undefined before the first refresh. */
export async function segmentSnapshot(db: Pick<Driver, "query">) {
  const r = await db.query<{ refreshed_at: string; customers: string }>(
    "SELECT refreshed_at::text, customers FROM segment_snapshot WHERE id = 1",
  );
  const row = r.rows[0];
  return row ? { refreshedAt: row.refreshed_at, customers: Number(row.customers) } : undefined;
}
