/**
 * A batch of good rows into the bank's records, set-based: COPY into a staging table (PostgreSQL's COPY FROM STDIN
 * through pg-copy-streams on a server, PGlite's COPY from a blob embedded), then a few statements merge the whole
 * batch — the same key written earlier in this file (a duplicate, found in the database, so memory stays flat), keys
 * already known resolved to their record, closes of records nobody holds refused, records changed laid over what the
 * bank holds (its own fields kept, the body replaced kept in `load_history`, the version raised), new records
 * inserted, the source identities and the run's progress noted. One transaction: all of the batch, or none.
 */
import { etagOf, naturalKey, orderTime, timelineKey } from "../record-rows.js";
import type { Sql } from "../sql.js";
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

/** What the database knows of each staged key, found once: its record, and the run and line that last wrote it. */
const KNOWN = `
  UPDATE load_stage s SET known_id = i.record_id, known_run = i.load_run, known_line = i.load_line
  FROM source_identities i WHERE i.system = $1 AND i.collection = $2 AND i.source_key = s.source_key`;
/** The rows written earlier by this run under another line: the same source key twice in one file. */
const DUPLICATES = `
  DELETE FROM load_stage WHERE known_run = $1 AND known_line <> line RETURNING line, source_key AS key`;
/** A key already known updates the record it resolved to (entity resolution may have moved it). */
const RESOLVE = `
  UPDATE load_stage SET id = known_id, body = jsonb_set(body, '{id}', to_jsonb(known_id))
  WHERE known_id IS NOT NULL AND known_id <> id`;
const UNKNOWN = `
  DELETE FROM load_stage s WHERE s.action = 'close'
    AND NOT EXISTS (SELECT 1 FROM records r WHERE r.collection = $1 AND r.id = s.id)
  RETURNING s.line, s.source_key AS key`;
const UPDATE = `
  WITH latest AS (SELECT DISTINCT ON (id) * FROM load_stage ORDER BY id, line DESC),
  changed AS (
    SELECT r.id, r.body AS old, jsonb_deep_merge(r.body, coalesce(l.patch, l.body - $3::text[])) AS merged,
           coalesce((r.body ->> 'version')::int, 0) + 1 AS version, l.customer_id, l.natural_key, l.tkey, l.created_at
    FROM latest l JOIN records r ON r.collection = $1 AND r.id = l.id),
  kept AS (
    INSERT INTO load_history (run_key, collection, record_id, body)
    SELECT $2, $1, id, old FROM changed WHERE merged IS DISTINCT FROM old)
  UPDATE records r SET body = jsonb_set(c.merged, '{version}', to_jsonb(c.version)), etag = '"v' || c.version || '"',
    customer_id = coalesce(c.customer_id, r.customer_id), natural_key = coalesce(c.natural_key, r.natural_key),
    tkey = coalesce(c.tkey, r.tkey), created_at = coalesce(c.created_at, r.created_at)
  FROM changed c WHERE r.collection = $1 AND r.id = c.id AND c.merged IS DISTINCT FROM c.old`;
const INSERT = `
  INSERT INTO records (collection, id, customer_id, natural_key, tkey, created_at, body, etag)
  SELECT DISTINCT ON (s.id) $1, s.id, s.customer_id, s.natural_key, s.tkey, s.created_at, s.body, s.etag
  FROM load_stage s WHERE s.action = 'put'
    AND NOT EXISTS (SELECT 1 FROM records r WHERE r.collection = $1 AND r.id = s.id)
  ORDER BY s.id, s.line DESC`;
const IDENTITIES = `
  INSERT INTO source_identities (system, source_key, collection, record_id, load_run, load_line)
  SELECT $1, source_key, $2, id, $3, line FROM load_stage
  ON CONFLICT (system, collection, source_key) DO UPDATE
    SET record_id = excluded.record_id, load_run = excluded.load_run, load_line = excluded.load_line`;

/**
 * Merges one batch (its keys unique within it) in the caller's transaction; returns the rows refused. `lastLine`: the
 * last source line the batch covers, where a run stopped after it resumes.
 */
export async function mergeBatch(
  tx: Sql,
  mapping: Mapping,
  runKey: string,
  rows: readonly MappedRow[],
  lastLine: number,
): Promise<MergeRefusal[]> {
  if (!tx.copyRows) throw new Error("the loader needs a driver with COPY");
  const source = [mapping.source, mapping.collection, runKey];
  // Two loads of one source and collection at once take turns, batch by batch.
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`load:${mapping.source}:${mapping.collection}`]);
  await tx.query(STAGE);
  await tx.copyRows(
    "load_stage",
    STAGE_COLUMNS,
    rows.map((r) => stageValues(mapping.collection, r)),
  );
  const refused: MergeRefusal[] = [];
  const note = (code: MergeRefusal["code"]) => (found: { rows: { line: string; key: string }[] }) =>
    refused.push(...found.rows.map((r) => ({ line: Number(r.line), key: r.key, code })));
  await tx.query(KNOWN, source.slice(0, 2));
  note("duplicateKey")(await tx.query(DUPLICATES, [runKey]));
  await tx.query(RESOLVE);
  note("unknownKey")(await tx.query(UNKNOWN, [mapping.collection]));
  await tx.query(UPDATE, [mapping.collection, runKey, fieldsKept(mapping)]);
  await tx.query(INSERT, [mapping.collection]);
  await tx.query(IDENTITIES, source);
  await tx.query("UPDATE load_runs SET committed_rows = committed_rows + $2, committed_line = $3 WHERE run_key = $1", [
    runKey,
    rows.length - refused.length,
    lastLine,
  ]);
  return refused.sort((a, b) => a.line - b.line);
}

/** For rows an earlier run of the file committed (a resumed or repeated run): which were the same key again. */
export async function duplicatesAmong(
  db: Sql,
  mapping: Mapping,
  runKey: string,
  rows: readonly MappedRow[],
): Promise<MergeRefusal[]> {
  const { rows: found } = await db.query<{ line: string; key: string }>(
    `SELECT t.line, t.key FROM unnest($4::text[], $5::bigint[]) AS t(key, line)
     JOIN source_identities i ON i.system = $1 AND i.collection = $2 AND i.source_key = t.key
     WHERE i.load_run = $3 AND i.load_line <> t.line ORDER BY t.line`,
    [mapping.source, mapping.collection, runKey, rows.map((r) => r.key), rows.map((r) => r.line)],
  );
  return found.map((r) => ({ line: Number(r.line), key: r.key, code: "duplicateKey" }));
}
