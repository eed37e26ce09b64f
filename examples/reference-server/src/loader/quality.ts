/**
 * The data-quality report of a load, for head office: counted batch by batch as the load writes (in each batch's
 * transaction, so a resumed run's report covers the whole file), kept per run (`load_quality`), so a source's loads
 * read as a trend. It says
 * - completeness: for each field the mapping feeds from a column, how many of the records the load wrote fill it
 *   from the source's cells (what the bank held before does not count: this is the source's quality);
 * - validity: for each column, how many rows were refused and why (an ID number, a USCC, a mobile, a card that is not
 *   one; a code not in its table; a date that is not one);
 * - suspected duplicates (customers): one identity number held by more than one customer record — the same person
 *   under two source keys, for entity resolution (#29) to settle;
 * - orphans: a holding whose customer, or a transaction whose holding, nobody holds.
 * Identity numbers in it are masked (their last four only).
 */
import type { LoadQualityReport } from "@bankcrm/core";
import type { Database } from "../database.js";
import type { Sql } from "../sql.js";
import type { LoadSummary } from "./load.js";
import { columnFields, type Mapping } from "./mapping.js";

/** The report (core's LoadQualityReport: what `GET /load/quality` answers). */
export type QualityReport = LoadQualityReport;

const EXAMPLES = 5;
const mask = (key: string) => `${"*".repeat(Math.max(0, key.length - 4))}${key.slice(-4)}`;

/**
 * What a batch's good rows fill of the fields the mapping feeds from a column, row by row — a put's record, as it is
 * read (a close carries no record, and fills none) — so the batch's progress counts only the rows it wrote.
 */
export class BatchFill {
  private bits: Uint8Array;
  private puts: Uint8Array;
  private n = 0;

  constructor(
    private readonly paths: readonly string[][],
    capacity: number,
  ) {
    this.bits = new Uint8Array(paths.length * capacity);
    this.puts = new Uint8Array(capacity);
  }

  /** The paths of the fields the mapping feeds from a column, in the report's order. */
  static pathsOf(mapping: Mapping): string[][] {
    return columnFields(mapping).map((f) => f.field.split("."));
  }

  /** The batch's next good row: its record (a put), or none (a close). */
  add(record: Record<string, unknown> | undefined) {
    if (this.n === this.puts.length) {
      const size = Math.max(1, this.n * 2);
      const [bits, puts] = [new Uint8Array(size * this.paths.length), new Uint8Array(size)];
      bits.set(this.bits);
      puts.set(this.puts);
      [this.bits, this.puts] = [bits, puts];
    }
    const at = this.n++ * this.paths.length;
    if (!record) return;
    this.puts[this.n - 1] = 1;
    this.paths.forEach((path, j) => {
      let value: unknown = record;
      for (const step of path) value = (value as Record<string, unknown> | undefined)?.[step];
      if (value !== undefined && value !== null && value !== "") this.bits[at + j] = 1;
    });
  }

  /** The records among the rows kept (`kept(i)`: the i-th row was written), and per field how many it filled. */
  counts(kept: (i: number) => boolean): { records: number; filled: number[] } {
    const filled = this.paths.map(() => 0);
    let records = 0;
    for (let i = 0; i < this.n; i++) {
      if (!this.puts[i] || !kept(i)) continue;
      records++;
      for (let j = 0; j < filled.length; j++) filled[j]! += this.bits[i * filled.length + j]!;
    }
    return { records, filled };
  }
}

/** A batch's part of its run's quality, written in the batch's transaction (a resumed run's report is whole). */
export interface BatchQuality {
  records: number;
  filled: number[];
  orphans: number;
  /** The first few orphans' record ids. */
  orphanExamples: string[];
}

/** The run's progress after a batch: its rows, its last source line, and its quality counts. */
export async function noteProgress(db: Sql, runKey: string, rows: number, lastLine: number, q: BatchQuality) {
  await db.query(
    `UPDATE load_runs SET committed_rows = committed_rows + $2, committed_line = $3, records = records + $4,
       filled = CASE WHEN cardinality(filled) = cardinality($5::bigint[])
         THEN ARRAY(SELECT a + b FROM unnest(filled, $5::bigint[]) WITH ORDINALITY AS t(a, b, i) ORDER BY i)
         ELSE $5::bigint[] END,
       orphans = orphans + $6, orphan_examples = (orphan_examples || $7::text[])[1:${EXAMPLES}]
     WHERE run_key = $1`,
    [runKey, rows, lastLine, q.records, q.filled, q.orphans, q.orphanExamples.slice(0, EXAMPLES)],
  );
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

/** Computes the report of a finished load and keeps it beside the run's. */
export async function reportQuality(
  db: Database,
  mapping: Mapping,
  runKey: string,
  summary: LoadSummary,
): Promise<QualityReport> {
  const { rows } = await db.query<{ records: string; filled: string[] | null; orphans: string; examples: string[] }>(
    "SELECT records, filled, orphans, orphan_examples AS examples FROM load_runs WHERE run_key = $1",
    [runKey],
  );
  const run = rows[0]!;
  const report: QualityReport = {
    runKey,
    system: mapping.source,
    collection: mapping.collection,
    file: summary.file,
    at: new Date().toISOString(),
    rows: summary.rows,
    loaded: summary.loaded,
    rejected: summary.rejected,
    records: Number(run.records),
    completeness: columnFields(mapping).map((f, i) => ({ ...f, filled: Number(run.filled?.[i] ?? 0) })),
    validity: Object.entries(summary.byColumn).flatMap(([column, codes]) =>
      Object.entries(codes).map(([code, refused]) => ({ column, code, refused })),
    ),
    ...(mapping.collection === "customers" ? { duplicates: await duplicates(db) } : {}),
    ...(mapping.collection === "holdings" || mapping.collection === "transactions"
      ? { orphans: { count: Number(run.orphans), examples: run.examples } }
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
