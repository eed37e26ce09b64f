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
  /** Why a request was refused (`reveal_denied` rows): invalid_field, no_reason, role, not_found, flood. */
  refusal?: RevealRefusal | undefined;
}

/** Why a reveal was refused, as its audit row says. */
export type RevealRefusal = "invalid_field" | "no_reason" | "role" | "not_found" | "flood";

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
  refusal: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * A row's values in column order (seq … prev_hash): what is stored, and what its hash covers. A refusal is
 * hashed after the previous hash, and only when there is one, so rows from before refusals hash as they did.
 */
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
  ...(entry.refusal !== undefined ? [entry.refusal] : []),
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
  ...(r.refusal !== null ? { refusal: r.refusal as RevealRefusal } : {}),
  prevHash: r.prev_hash,
  hash: r.hash,
});

const AUDIT_LOCK = 727362;

/** Holds the chain's lock until the transaction `tx` ends: what is read of the chain then stays true while it is appended to. */
export async function lockAudit(tx: Sql): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_LOCK]);
}

/** Appends one row in the transaction `tx` (call it inside one). */
export async function appendAudit(tx: Sql, entry: AuditEntry): Promise<AuditRow> {
  return (await appendAuditMany(tx, [entry]))[0]!;
}

/** Appends rows in order, in one statement, in the transaction `tx` (a job's many merges). */
export async function appendAuditMany(tx: Sql, entries: readonly AuditEntry[]): Promise<AuditRow[]> {
  if (entries.length === 0) return [];
  await lockAudit(tx);
  const last = (
    await tx.query<{ seq: string | number; hash: string }>("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
  ).rows[0];
  let seq = last ? Number(last.seq) : 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry): AuditRow => {
    seq++;
    const row = { ...entry, seq, prevHash, hash: hashRow(seq, entry, prevHash) };
    prevHash = row.hash;
    return row;
  });
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_id, actor_role, action, customer_id, field, reason, prev_hash, refusal, hash)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(seq bigint, at text, actor_id text, actor_role text, action text,
       customer_id text, field text, reason text, prev_hash text, refusal text, hash text) ORDER BY seq`,
    [
      JSON.stringify(
        rows.map((r) => ({
          seq: r.seq,
          at: r.at,
          actor_id: r.actorId,
          actor_role: r.actorRole,
          action: r.action,
          customer_id: r.customerId ?? null,
          field: r.field ?? null,
          reason: r.reason ?? null,
          prev_hash: r.prevHash,
          refusal: r.refusal ?? null,
          hash: r.hash,
        })),
      ),
    ],
  );
  return rows;
}

export interface AuditQuery {
  staffId?: string | undefined;
  /** "reveal", "reveal_denied"… */
  action?: string | undefined;
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
  if (query.action !== undefined) add("action = ?", query.action);
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

/** Refused reveals written to the log per principal an hour; past it they are counted, and one `flood` row says so. */
export const REFUSALS_LOGGED_PER_HOUR = 30;

const hourOf = (at: string) => new Date(Math.floor(Date.parse(at) / 3_600_000) * 3_600_000).toISOString();

/**
 * Audits one refused reveal: counted against its principal's hour, and written
 * to the chain while that count is within `perHour`. The first refusal past it
 * writes one `flood` row; later ones that hour are only counted.
 */
export async function auditRefusal(
  db: { transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> },
  entry: AuditEntry & { refusal: RevealRefusal },
  perHour = REFUSALS_LOGGED_PER_HOUR,
): Promise<{ refused: number; logged: boolean }> {
  return db.transaction(async (tx) => {
    const counted = await tx.query<{ refused: number }>(
      `INSERT INTO audit_refusals (actor_id, hour, refused) VALUES ($1, $2, 1)
       ON CONFLICT (actor_id, hour) DO UPDATE SET refused = audit_refusals.refused + 1 RETURNING refused`,
      [entry.actorId, hourOf(entry.at)],
    );
    const refused = counted.rows[0]!.refused;
    if (refused <= perHour) {
      await appendAudit(tx, entry);
      return { refused, logged: true };
    }
    if (refused === perHour + 1)
      await appendAudit(tx, {
        at: entry.at,
        actorId: entry.actorId,
        actorRole: entry.actorRole,
        action: "reveal_denied",
        refusal: "flood",
        reason: `over ${perHour} refused reveals this hour: the rest of the hour's are counted, not logged one by one`,
      });
    return { refused, logged: false };
  });
}

export interface RefusalCount {
  actorId: string;
  /** Refused reveals in the period, logged or only counted. */
  refused: number;
  /** The busiest hour's count. */
  peakHour: number;
}

/** Refused reveals per principal over hours starting in [from, to), the most refused first. */
export async function countRefusals(
  db: Sql,
  query: { from?: string; to?: string; limit: number },
): Promise<RefusalCount[]> {
  const r = await db.query<{ actor_id: string; refused: number; peak: number }>(
    `SELECT actor_id, sum(refused)::int AS refused, max(refused)::int AS peak FROM audit_refusals
     WHERE ($1::timestamptz IS NULL OR hour >= date_trunc('hour', $1::timestamptz))
       AND ($2::timestamptz IS NULL OR hour < $2::timestamptz)
     GROUP BY actor_id ORDER BY refused DESC, actor_id LIMIT $3`,
    [query.from ?? null, query.to ?? null, query.limit],
  );
  return r.rows.map((row) => ({ actorId: row.actor_id, refused: row.refused, peakHour: row.peak }));
}
