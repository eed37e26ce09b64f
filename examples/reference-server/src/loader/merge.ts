/**
 * A batch of good rows into the bank's records, set-based, in one transaction: all of the batch, or none. One look-up
 * (migration 017's load_known) says which of its keys and records the database holds; the new rows — a first load's
 * all — are COPY'd straight into `records` and `source_identities` (PostgreSQL's COPY FROM STDIN through
 * pg-copy-streams on a server, PGlite's COPY from a blob embedded). The others are COPY'd into a staging table and
 * merged by one function (load_merge): the same key written earlier in this file (a duplicate, found in the database,
 * so memory stays flat), keys already known resolved to their record, closes of records nobody holds refused, records
 * changed laid over what the bank holds (its own fields kept, the body replaced kept in `load_history`, the version
 * raised), new records inserted, the source identities noted.
 */
import { etagOf, naturalKey, orderTime, timelineKey } from "../record-rows.js";
import { copyLine, type Driver, type Sql } from "../sql.js";
import { fieldsKept, type Mapping } from "./mapping.js";
import { noteProgress, type BatchFill } from "./quality.js";
import type { MappedRow } from "./rows.js";

/** A row the database refused: the same key earlier in the file, or a close of a record nobody holds. */
export interface MergeRefusal {
  line: number;
  key: string;
  code: "duplicateKey" | "unknownKey";
}

/**
 * A good row as its batch holds it: rendered to COPY text as it is read, so a batch's COPY is ready when its
 * transaction starts (rendered inside it, the database waited on the loader's process line by line), and the row's
 * record held only there.
 */
export interface BatchRow {
  key: string;
  line: number;
  id: string;
  action: MappedRow["action"];
  /** The row as `records`' columns — collection, id, customer_id, natural_key, tkey, created_at, body, etag — in COPY text. */
  record: string;
  /** A close's patch (a put has none), as COPY text. */
  patch: string;
  /** The record it belongs to — a holding's customer, a transaction's holding — for the report's orphans. */
  parent?: string;
}

const RECORD_COLUMNS = [
  "collection",
  "id",
  "customer_id",
  "natural_key",
  "tkey",
  "created_at",
  "body",
  "etag",
] as const;
const STAGE_COLUMNS = ["line", "source_key", "action", "patch", ...RECORD_COLUMNS] as const;
const IDENTITY_COLUMNS = ["system", "source_key", "collection", "record_id", "load_run", "load_line"] as const;
const PARENT = { holdings: "customers", transactions: "holdings" } as const;

/** A good row as its batch holds it. */
export function batchRow(collection: Mapping["collection"], r: MappedRow): BatchRow {
  const body = r.record;
  const parent = collection === "holdings" ? body?.customerId : collection === "transactions" ? body?.holdingId : null;
  return {
    key: r.key,
    line: r.line,
    id: r.id,
    action: r.action,
    record: body
      ? copyLine([
          collection,
          r.id,
          body.customerId ?? null,
          naturalKey(collection, body),
          timelineKey(collection, body),
          orderTime(collection, body),
          body, // as JSON
          etagOf(body),
        ])
      : copyLine([collection, r.id, null, null, null, null, null, null]),
    patch: copyLine([body ? null : (r.patch ?? {})]).slice(0, -1),
    ...(typeof parent === "string" ? { parent } : {}),
  };
}

/** What one batch's merge found: the rows refused, and the parents its rows refer to that nobody holds. */
export interface Merged {
  refused: MergeRefusal[];
  missingParents: ReadonlySet<string>;
}

/** The database's duplicate-key error: a new row's key or record written meanwhile by another writer. */
const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "23505";

/**
 * Merges one batch (its rows' keys unique within it) in the caller's transaction; returns what it found. New rows —
 * a put whose source key and record id the database holds neither of, its id not repeated in the batch — are
 * COPY'd straight into `records` and `source_identities`; the others are staged and merged by `load_merge`
 * (migration 017). `direct: false` stages every row (the retry after another writer took a new row's key or id
 * between the look-up and the COPY: see writeBatch).
 */
export async function mergeBatch(
  tx: Sql,
  mapping: Mapping,
  runKey: string,
  rows: readonly BatchRow[],
  o: { direct: boolean },
): Promise<Merged> {
  if (!tx.copyLines) throw new Error("the loader needs a driver with COPY");
  const parentCollection = mapping.collection in PARENT ? PARENT[mapping.collection as keyof typeof PARENT] : null;
  const { rows: known } = await tx.query<{ kind: "key" | "id" | "orphan"; value: string }>(
    "SELECT kind, value FROM load_known($1, $2, $3, $4, $5, $6)",
    [
      mapping.source,
      mapping.collection,
      rows.map((r) => r.key),
      rows.map((r) => r.id),
      parentCollection,
      // Each parent once (a holding's transactions share it).
      parentCollection ? [...new Set(rows.flatMap((r) => (r.parent ? [r.parent] : [])))] : [],
    ],
  );
  const held = new Set(known.filter((k) => k.kind !== "orphan").map((k) => `${k.kind}:${k.value}`));
  const missingParents = new Set(known.filter((k) => k.kind === "orphan").map((k) => k.value));
  const ids = new Map<string, number>();
  for (const r of rows) ids.set(r.id, (ids.get(r.id) ?? 0) + 1);
  const isNew = (r: BatchRow) =>
    o.direct && r.action === "put" && ids.get(r.id) === 1 && !held.has(`key:${r.key}`) && !held.has(`id:${r.id}`);
  const [fresh, staged] = [rows.filter(isNew), rows.filter((r) => !isNew(r))];
  if (fresh.length > 0) {
    await tx.copyLines(
      "records",
      RECORD_COLUMNS,
      fresh.map((r) => r.record),
    );
    await tx.copyLines(
      "source_identities",
      IDENTITY_COLUMNS,
      fresh.map((r) => copyLine([mapping.source, r.key, mapping.collection, r.id, runKey, r.line])),
    );
  }
  let refused: MergeRefusal[] = [];
  if (staged.length > 0) {
    await tx.copyLines(
      "load_stage",
      STAGE_COLUMNS,
      staged.map((r) => `${copyLine([r.line, r.key, r.action]).slice(0, -1)}\t${r.patch}\t${r.record}`),
    );
    const { rows: found } = await tx.query<{ line: string; key: string; code: MergeRefusal["code"] }>(
      "SELECT refused_line AS line, refused_key AS key, refused_code AS code FROM load_merge($1, $2, $3, $4)",
      [mapping.source, mapping.collection, runKey, fieldsKept(mapping)],
    );
    refused = found.map((r) => ({ line: Number(r.line), key: r.key, code: r.code })).sort((a, b) => a.line - b.line);
  }
  return { refused, missingParents };
}

/**
 * Writes one batch in a transaction of its own, with the run's progress and its quality counts (quality.ts): all of
 * it, or none. When another writer took a new row's key or id between the look-up and the COPY, the transaction
 * fails whole, and the batch is written again with every row merged. Returns the rows refused.
 */
export async function writeBatch(
  db: Pick<Driver, "transaction">,
  mapping: Mapping,
  runKey: string,
  batch: { rows: readonly BatchRow[]; filled: BatchFill; lastLine: number },
): Promise<MergeRefusal[]> {
  const { rows, filled, lastLine } = batch;
  const attempt = (direct: boolean) =>
    db.transaction(async (tx) => {
      const { refused, missingParents } = await mergeBatch(tx, mapping, runKey, rows, { direct });
      const lines = new Set(refused.map((r) => r.line));
      const orphans = rows.filter((r) => !lines.has(r.line) && r.parent && missingParents.has(r.parent));
      await noteProgress(tx, runKey, rows.length - refused.length, lastLine, {
        ...filled.counts((i) => !lines.has(rows[i]!.line)),
        orphans: orphans.length,
        orphanExamples: orphans.map((r) => r.id),
      });
      return refused;
    });
  try {
    return await attempt(true);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return attempt(false);
  }
}

/** For rows an earlier run of the file committed (a resumed or repeated run): which were the same key again. */
export async function duplicatesAmong(
  db: Sql,
  mapping: Mapping,
  runKey: string,
  rows: readonly Pick<MappedRow, "key" | "line">[],
): Promise<MergeRefusal[]> {
  const { rows: found } = await db.query<{ line: string; key: string }>(
    `SELECT t.line, t.key FROM unnest($4::text[], $5::bigint[]) AS t(key, line)
     JOIN source_identities i ON i.system = $1 AND i.collection = $2 AND i.source_key = t.key
     WHERE i.load_run = $3 AND i.load_line <> t.line ORDER BY t.line`,
    [mapping.source, mapping.collection, runKey, rows.map((r) => r.key), rows.map((r) => r.line)],
  );
  return found.map((r) => ({ line: Number(r.line), key: r.key, code: "duplicateKey" }));
}
