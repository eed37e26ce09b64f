/**
 * The audit chain: each row's hash covers its own fields and the hash of the
 * row before it (SHA-256 over canonical JSON), so editing, deleting or
 * reordering any row breaks every link after it. Rows are appended under an
 * advisory lock inside the caller's transaction: the chain has one order even
 * with many server processes.
 */
import { createHash } from "node:crypto";
import type { Sql } from "./sql.js";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEntry {
  at: string;
  actorId: string;
  actorRole: string;
  /** "reveal", "reveal_denied", "audit_read"… */
  action: string;
  customerId?: string | undefined;
  field?: string | undefined;
  reason?: string | undefined;
}

export interface AuditRow extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

interface DbRow {
  seq: string | number;
  at: string;
  actor_id: string;
  actor_role: string;
  action: string;
  customer_id: string | null;
  field: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

/** A row's values in column order (seq … prev_hash): what is stored, and what its hash covers. */
const rowValues = (seq: number, entry: AuditEntry, prevHash: string) => [
  seq,
  entry.at,
  entry.actorId,
  entry.actorRole,
  entry.action,
  entry.customerId ?? null,
  entry.field ?? null,
  entry.reason ?? null,
  prevHash,
];

/** The hash of one row: its sequence number, fields and the previous row's hash. */
export function hashRow(seq: number, entry: AuditEntry, prevHash: string): string {
  return createHash("sha256")
    .update(JSON.stringify(rowValues(seq, entry, prevHash)))
    .digest("hex");
}

const toRow = (r: DbRow): AuditRow => ({
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  action: r.action,
  ...(r.customer_id !== null ? { customerId: r.customer_id } : {}),
  ...(r.field !== null ? { field: r.field } : {}),
  ...(r.reason !== null ? { reason: r.reason } : {}),
  prevHash: r.prev_hash,
  hash: r.hash,
});

const AUDIT_LOCK = 727362;

/** Appends one row in the transaction `tx` (call it inside one). */
export async function appendAudit(tx: Sql, entry: AuditEntry): Promise<AuditRow> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_LOCK]);
  const last = (
    await tx.query<{ seq: string | number; hash: string }>("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
  ).rows[0];
  const seq = last ? Number(last.seq) + 1 : 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = hashRow(seq, entry, prevHash);
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_id, actor_role, action, customer_id, field, reason, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [...rowValues(seq, entry, prevHash), hash],
  );
  return { ...entry, seq, prevHash, hash };
}

export interface AuditQuery {
  staffId?: string | undefined;
  customerId?: string | undefined;
  /** ISO instants, inclusive from, exclusive to. */
  from?: string | undefined;
  to?: string | undefined;
  /** Rows after this sequence number (paging). */
  after?: number | undefined;
  limit: number;
}

export async function listAudit(db: Sql, query: AuditQuery): Promise<AuditRow[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    where.push(sql.replace("?", `$${values.length}`));
  };
  if (query.staffId !== undefined) add("actor_id = ?", query.staffId);
  if (query.customerId !== undefined) add("customer_id = ?", query.customerId);
  if (query.from !== undefined) add("at >= ?", query.from);
  if (query.to !== undefined) add("at < ?", query.to);
  if (query.after !== undefined) add("seq > ?", query.after);
  values.push(query.limit);
  const r = await db.query<DbRow>(
    `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq LIMIT $${values.length}`,
    values,
  );
  return r.rows.map(toRow);
}

export interface AuditVerification {
  ok: boolean;
  /** Rows checked. */
  rows: number;
  /** The first row whose link or hash does not hold, and why. */
  firstBroken?: { seq: number; reason: "sequence" | "link" | "hash" };
}

/** Walks the whole chain in order, recomputing every hash; stops at the first broken link. */
export async function verifyAudit(db: Sql, batch = 1000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = (
      await db.query<DbRow>("SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2", [expectedSeq, batch])
    ).rows.map(toRow);
    for (const row of page) {
      if (row.seq !== expectedSeq) return { ok: false, rows, firstBroken: { seq: expectedSeq, reason: "sequence" } };
      if (row.prevHash !== prevHash) return { ok: false, rows, firstBroken: { seq: row.seq, reason: "link" } };
      if (hashRow(row.seq, row, row.prevHash) !== row.hash)
        return { ok: false, rows, firstBroken: { seq: row.seq, reason: "hash" } };
      prevHash = row.hash;
      expectedSeq++;
      rows++;
    }
    if (page.length < batch) break;
  }
  // A deleted tail cannot be seen from the rows alone; the count is in the answer for comparison with an external anchor.
  return { ok: true, rows };
}
