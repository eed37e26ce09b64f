/**
 * A batch of good rows into the bank's records, set-based: COPY into a staging table (PostgreSQL's COPY FROM STDIN
 * through pg-copy-streams on a server, PGlite's COPY from a blob embedded), then one function (migration 014) merges the whole
 * batch — the same key written earlier in this file (a duplicate, found in the database, so memory stays flat), keys
 * already known resolved to their record, closes of records nobody holds refused, records changed laid over what the
 * bank holds (its own fields kept, the body replaced kept in `load_history`, the version raised), new records
 * inserted, the source identities and the run's progress noted. One transaction: all of the batch, or none.
 */
import { etagOf, naturalKey, orderTime, timelineKey } from "../record-rows.js";
import { copyLine, type Sql } from "../sql.js";
import { fieldsKept, type Mapping } from "./mapping.js";
import type { MappedRow } from "./rows.js";

/** A row the database refused: the same key earlier in the file, or a close of a record nobody holds. */
export interface MergeRefusal {
  line: number;
  key: string;
  code: "duplicateKey" | "unknownKey";
}

const STAGE = `CREATE TEMP TABLE IF NOT EXISTS load_stage (
  line bigint, source_key text, action text, id text, customer_id text, natural_key text, tkey text,
  created_at text, body jsonb, patch jsonb, etag text, known_id text, known_run text, known_line bigint)
  ON COMMIT DELETE ROWS`;
const STAGE_COLUMNS = [
  "line",
  "source_key",
  "action",
  "id",
  "customer_id",
  "natural_key",
  "tkey",
  "created_at",
  "body",
  "patch",
  "etag",
] as const;

/** A staged row's values, in STAGE_COLUMNS' order (a close has no body: it only lays its patch over one). */
function stageValues(collection: Mapping["collection"], r: MappedRow): unknown[] {
  const body = r.record;
  if (!body) return [r.line, r.key, r.action, r.id, null, null, null, null, null, JSON.stringify(r.patch ?? {}), null];
  return [
    r.line,
    r.key,
    r.action,
    r.id,
    body.customerId ?? null,
    naturalKey(collection, body),
    timelineKey(collection, body),
    orderTime(collection, body),
    JSON.stringify(body),
    null,
    etagOf(body),
  ];
}

/**
 * A good row as its line of the staging COPY: rendered as the row is read, so a batch's COPY is ready text when its
 * transaction starts (rendered inside it, the database waited on the loader's process line by line).
 */
export const stageLine = (collection: Mapping["collection"], row: MappedRow) => copyLine(stageValues(collection, row));

/**
 * Merges one batch (its staged lines, their keys unique within it) in the caller's transaction; returns the rows
 * refused. `lastLine`: the last source line the batch covers, where a run stopped after it resumes.
 */
export async function mergeBatch(
  tx: Sql,
  mapping: Mapping,
  runKey: string,
  staged: readonly string[],
  lastLine: number,
): Promise<MergeRefusal[]> {
  if (!tx.copyLines) throw new Error("the loader needs a driver with COPY");
  await tx.query(STAGE);
  await tx.copyLines("load_stage", STAGE_COLUMNS, staged);
  // The merge's statements, in the database in one round trip (migrations/014_loader_merge_function.sql).
  const { rows: refused } = await tx.query<{ line: string; key: string; code: MergeRefusal["code"] }>(
    `SELECT refused_line AS line, refused_key AS key, refused_code AS code FROM load_merge($1, $2, $3, $4, $5)`,
    [mapping.source, mapping.collection, runKey, fieldsKept(mapping), lastLine],
  );
  return refused.map((r) => ({ line: Number(r.line), key: r.key, code: r.code })).sort((a, b) => a.line - b.line);
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
