/**
 * The data-quality report of a load, for head office: computed set-based in the database after each file over the
 * records that load wrote, kept per run (`load_quality`), so a source's loads read as a trend. It says
 * - completeness: for each field the mapping feeds from a column, how many of the load's records have it;
 * - validity: for each column, how many rows were refused and why (an ID number, a USCC, a mobile, a card that is not
 *   one; a code not in its table; a date that is not one);
 * - suspected duplicates (customers): one identity number held by more than one customer record — the same person
 *   under two source keys, for entity resolution (#29) to settle;
 * - orphans: a holding whose customer, or a transaction whose holding, nobody holds.
 * Identity numbers in it are masked (their last four only).
 */
import type { LoadQualityReport } from "@bankcrm/core";
import type { Database } from "../database.js";
import type { LoadSummary } from "./load.js";
import { columnFields, type Mapping } from "./mapping.js";

/** The report (core's LoadQualityReport: what `GET /load/quality` answers). */
export type QualityReport = LoadQualityReport;

const EXAMPLES = 5;
const mask = (key: string) => `${"*".repeat(Math.max(0, key.length - 4))}${key.slice(-4)}`;

/** Completeness of the fields the mapping feeds, over the records this run wrote. */
async function completeness(db: Database, mapping: Mapping, runKey: string) {
  const fields = columnFields(mapping);
  const { rows } = await db.query<Record<string, string>>(
    `SELECT count(*) AS records${fields.map((_, i) => `, count(*) FILTER (WHERE r.body #> $${i + 3}::text[] IS NOT NULL) AS f${i}`).join("")}
     FROM source_identities i JOIN records r ON r.collection = i.collection AND r.id = i.record_id
     WHERE i.collection = $1 AND i.load_run = $2`,
    [mapping.collection, runKey, ...fields.map((f) => f.field.split("."))],
  );
  const row = rows[0]!;
  return {
    records: Number(row.records),
    completeness: fields.map((f, i) => ({ ...f, filled: Number(row[`f${i}`]) })),
  };
}

async function duplicates(db: Database) {
  const { rows } = await db.query<{ key: string; ids: string[]; groups: string }>(
    `SELECT natural_key AS key, array_agg(id ORDER BY id) AS ids, count(*) OVER () AS groups
     FROM records WHERE collection = 'customers' AND natural_key IS NOT NULL
     GROUP BY natural_key HAVING count(*) > 1 ORDER BY natural_key LIMIT ${EXAMPLES}`,
  );
  return {
    groups: Number(rows[0]?.groups ?? 0),
    examples: rows.map((r) => ({ key: mask(r.key), records: r.ids })),
  };
}

/** This run's holdings without their customer, or transactions without their holding. */
async function orphans(db: Database, collection: "holdings" | "transactions", runKey: string) {
  const [parent, ref] =
    collection === "holdings" ? ["customers", "r.customer_id"] : ["holdings", "r.body ->> 'holdingId'"];
  const { rows } = await db.query<{ id: string; count: string }>(
    `SELECT r.id, count(*) OVER () AS count
     FROM source_identities i JOIN records r ON r.collection = i.collection AND r.id = i.record_id
     WHERE i.collection = $1 AND i.load_run = $2
       AND NOT EXISTS (SELECT 1 FROM records p WHERE p.collection = $3 AND p.id = ${ref})
     ORDER BY r.id LIMIT ${EXAMPLES}`,
    [collection, runKey, parent],
  );
  return { count: Number(rows[0]?.count ?? 0), examples: rows.map((r) => r.id) };
}

/** Computes the report of a finished load and keeps it beside the run's. */
export async function reportQuality(
  db: Database,
  mapping: Mapping,
  runKey: string,
  summary: LoadSummary,
): Promise<QualityReport> {
  const { records, completeness: filled } = await completeness(db, mapping, runKey);
  const report: QualityReport = {
    runKey,
    system: mapping.source,
    collection: mapping.collection,
    file: summary.file,
    at: new Date().toISOString(),
    rows: summary.rows,
    loaded: summary.loaded,
    rejected: summary.rejected,
    records,
    completeness: filled,
    validity: Object.entries(summary.byColumn).flatMap(([column, codes]) =>
      Object.entries(codes).map(([code, refused]) => ({ column, code, refused })),
    ),
    ...(mapping.collection === "customers" ? { duplicates: await duplicates(db) } : {}),
    ...(mapping.collection === "holdings" || mapping.collection === "transactions"
      ? { orphans: await orphans(db, mapping.collection, runKey) }
      : {}),
  };
  await db.query(`INSERT INTO load_quality (run_key, system, collection, report) VALUES ($1, $2, $3, $4)`, [
    runKey,
    mapping.source,
    mapping.collection,
    JSON.stringify(report),
  ]);
  return report;
}

/** The latest reports, newest first: every source's, or one system's (and collection's) — a trend across loads. */
export async function qualityReports(
  db: Database,
  filter: { system?: string | undefined; collection?: string | undefined; limit: number },
): Promise<QualityReport[]> {
  const { rows } = await db.query<{ report: QualityReport }>(
    `SELECT report FROM load_quality
     WHERE ($1::text IS NULL OR system = $1) AND ($2::text IS NULL OR collection = $2)
     ORDER BY id DESC LIMIT $3`,
    [filter.system ?? null, filter.collection ?? null, filter.limit],
  );
  return rows.map((r) => r.report);
}
