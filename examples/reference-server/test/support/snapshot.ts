/**
 * Everything a merge may touch, as content: each record's body less its version and audit fields (a merge and its
 * undoing raise versions, never lower them), each record's customer, and the source identities — what "exactly as
 * it was" compares. And the records a merge would orphan: those naming a customer that is not there.
 */
import type { Database } from "../../src/database.js";

const VOLATILE = new Set(["version", "updatedAt", "updatedBy"]);

export async function contentSnapshot(db: Database) {
  const { rows } = await db.query<{
    collection: string;
    id: string;
    customer_id: string | null;
    body: Record<string, unknown>;
  }>("SELECT collection, id, customer_id, body FROM records ORDER BY collection, id");
  const { rows: identities } = await db.query(
    "SELECT system, source_key, record_id FROM source_identities ORDER BY system, source_key",
  );
  const { rows: golden } = await db.query("SELECT record_id, fields FROM golden_sources ORDER BY record_id");
  return {
    golden,
    records: rows.map((r) => ({
      ...r,
      body: Object.fromEntries(Object.entries(r.body).filter(([k]) => !VOLATILE.has(k))),
    })),
    identities,
  };
}

export async function orphans(db: Database) {
  const { rows } = await db.query(
    `SELECT r.collection, r.id FROM records r WHERE r.customer_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM records c WHERE c.collection = 'customers' AND c.id = r.customer_id)`,
  );
  return rows;
}
