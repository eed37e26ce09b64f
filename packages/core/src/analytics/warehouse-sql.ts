/**
 * The metrics job's first pass where the bank's data lives: each customer's
 * purchase summary (`summarizeCustomer`'s frequency, recency, T and monetary
 * value) as one set-based query over a table of transactions, and the book's
 * models from those summaries — the sample the BG/NBD and Gamma-Gamma fits read
 * and the RFM cut points — as a second, so only ~16,000 rows ever leave the
 * database, whatever the size of the book. Both in PostgreSQL's dialect (and
 * Greenplum's, openGauss's, GaussDB's) and DuckDB's; differential tests prove
 * the summaries and the models equal core's to the last bit.
 *
 * The transactions table has three columns (names configurable, checked like
 * `toSql`'s): the customer's id, `at` as ISO 8601 text (a date-time with its
 * offset, or a bare YYYY-MM-DD, which is that day) and `amount` (minor units).
 * Nothing else is spliced into the text: the day and offset are checked numbers.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { checkIdentifier } from "../segmentation/catalog.js";
import { checkDialect, type SqlDialect } from "../segmentation/sql.js";
import { FIT_SAMPLE, RFM_POINTS, SUMMARY_FIGURES, fitBookModels, type BookModels } from "./book-metrics.js";

export interface PurchaseSummarySqlOptions {
  dialect: SqlDialect;
  /** The last day of the calibration period, YYYY-MM-DD (the metrics' as-of day); later purchases are left out. */
  calibrationEnd: string;
  /** The table (or view) of transactions. Default "transactions". */
  table?: string;
  /** Its columns. Default customer_id, at, amount. */
  columns?: { customerId?: string; at?: string; amount?: string };
  /** Unit of recency and T. Default "week". */
  unit?: "week" | "day";
  /** The calendar that merges same-day purchases, minutes east of UTC. Default 480 (China Standard Time). */
  utcOffsetMinutes?: number;
}

const DAY_MS = 86_400_000;

/** A transaction's day number (days since 1970-01-01 on the calendar), as `summarizeCustomer` counts it. */
const DAY_OF: Record<SqlDialect, (at: string, offsetMs: number) => string> = {
  postgres: (at, offsetMs) =>
    `CASE WHEN char_length(${at}) = 10 THEN (${at}::date - DATE '1970-01-01')::bigint ` +
    `ELSE floor((extract(epoch FROM ${at}::timestamptz) * 1000 + ${offsetMs}) / ${DAY_MS})::bigint END`,
  duckdb: (at, offsetMs) =>
    `CASE WHEN length(${at}) = 10 THEN (CAST(${at} AS DATE) - DATE '1970-01-01')::BIGINT ` +
    `ELSE floor((epoch_ms(CAST(${at} AS TIMESTAMPTZ)) + ${offsetMs}) / ${DAY_MS})::BIGINT END`,
};

/** Strings in id order as core's book is ordered: by code point (PostgreSQL's "C" collation; DuckDB's default). */
const BY_CODE_POINT: Record<SqlDialect, string> = { postgres: ` COLLATE "C"`, duckdb: "" };

/**
 * Every customer's purchase summary, one row each — `customer_id, frequency, recency, t, monetary_value` — for the
 * customers with a purchase up to the calibration end (core's `summarizeCustomer` gives the others none). The
 * frequency is an integer (a number to node-postgres, not a bigint's string), the rest double precision.
 */
export function purchaseSummarySql(options: PurchaseSummarySqlOptions): string {
  checkDialect(options.dialect);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.calibrationEnd) || Number.isNaN(Date.parse(options.calibrationEnd)))
    throw new BankcrmInvalidArgumentError("calibrationEnd", "a date, YYYY-MM-DD");
  const offset = options.utcOffsetMinutes ?? 480;
  if (!Number.isInteger(offset) || Math.abs(offset) > 18 * 60)
    throw new BankcrmInvalidArgumentError("utcOffsetMinutes", "whole minutes within ±18 hours");
  if (options.unit !== undefined && options.unit !== "week" && options.unit !== "day")
    throw new BankcrmInvalidArgumentError("unit", `"week" or "day"`);
  const q = (name: string, what: string) => `"${checkIdentifier(name, what)}"`;
  const table = q(options.table ?? "transactions", "table");
  const id = q(options.columns?.customerId ?? "customer_id", "columns.customerId");
  const at = q(options.columns?.at ?? "at", "columns.at");
  const amount = q(options.columns?.amount ?? "amount", "columns.amount");
  const end = Date.parse(`${options.calibrationEnd}T00:00:00Z`) / DAY_MS;
  const divisor = (options.unit ?? "week") === "week" ? 7 : 1;
  // Same-day purchases merged (a day's total), then each customer's first and last day and repeat total. Amounts in
  // minor units are whole numbers, so the sums are exact in float8 whatever order they are added in, as in core.
  return `SELECT customer_id,
  CAST(count(*) - 1 AS integer) AS frequency,
  CAST(max(day) - min(day) AS float8) / ${divisor} AS recency,
  CAST(${end} - min(day) AS float8) / ${divisor} AS t,
  CASE WHEN count(*) > 1 THEN sum(CASE WHEN day = first THEN 0 ELSE value END) / (count(*) - 1) ELSE 0 END AS monetary_value
FROM (
  SELECT customer_id, day, value, min(day) OVER (PARTITION BY customer_id) AS first
  FROM (
    SELECT customer_id, day, sum(amount) AS value
    FROM (SELECT ${id} AS customer_id, ${DAY_OF[options.dialect](at, offset * 60_000)} AS day, CAST(${amount} AS float8) AS amount FROM ${table}) x
    WHERE day <= ${end}
    GROUP BY customer_id, day
  ) days
) firsts
GROUP BY customer_id`;
}

export interface BookModelsSqlOptions {
  dialect: SqlDialect;
  /** The purchase summaries: a table or view with `purchaseSummarySql`'s columns. Default "purchase_summaries". */
  table?: string;
}

/**
 * What the book's models need, as rows `(part, i, frequency, recency, t, monetary_value)`: part "sample" — the
 * customers the fits read (up to FIT_SAMPLE, spread evenly over the book in id order, as core picks them) — and
 * parts "since", "frequency", "monetary": the RFM cut points (`frequency` holding the value). Hand the rows to
 * `bookModelsFromRows`.
 */
export function bookModelsSql(options: BookModelsSqlOptions): string {
  checkDialect(options.dialect);
  const table = `"${checkIdentifier(options.table ?? "purchase_summaries", "table")}"`;
  // The positions each part takes, made once (a join, not a subquery per row): all of them for a small book.
  const cut = (part: string, value: string) =>
    `SELECT '${part}' AS part, r.i, r.x AS frequency, NULL AS recency, NULL AS t, NULL AS monetary_value
  FROM (SELECT ${value} AS x, row_number() OVER (ORDER BY ${value}) - 1 AS i FROM ${table}) r JOIN cuts c ON c.i = r.i`;
  return `WITH n AS (SELECT count(*) AS n FROM ${table}),
picks AS (
  SELECT DISTINCT CAST(CASE WHEN n.n <= ${FIT_SAMPLE} THEN g.j ELSE floor(g.j * (CAST(n.n AS float8) / ${FIT_SAMPLE})) END AS bigint) AS i
  FROM n, generate_series(0, ${FIT_SAMPLE - 1}) AS g(j) WHERE g.j < n.n
),
cuts AS (
  SELECT DISTINCT CAST(CASE WHEN n.n <= ${RFM_POINTS} THEN g.j ELSE floor(CAST(g.j * (n.n - 1) AS float8) / ${RFM_POINTS - 1} + 0.5) END AS bigint) AS i
  FROM n, generate_series(0, ${RFM_POINTS - 1}) AS g(j) WHERE g.j < n.n
)
SELECT 'sample' AS part, r.i, CAST(r.frequency AS float8) AS frequency, r.recency, r.t, r.monetary_value
FROM (SELECT s.*, row_number() OVER (ORDER BY customer_id${BY_CODE_POINT[options.dialect]}) - 1 AS i FROM ${table} s) r
  JOIN picks p ON p.i = r.i
UNION ALL ${cut("since", "t - recency")}
UNION ALL ${cut("frequency", "CAST(frequency AS float8)")}
UNION ALL ${cut("monetary", "monetary_value")}`;
}

export interface BookModelsRow {
  part: string;
  i: number | bigint | string;
  frequency: number;
  recency: number | null;
  t: number | null;
  monetary_value: number | null;
}

/** `bookModelsSql`'s rows as what the fit reads: the sample's figures (`summaryFigures` columns) and the cut points. */
export function bookModelsInput(rows: readonly BookModelsRow[]): { sample: Float64Array; rfm?: BookModels["rfm"] } {
  const parts = new Map<string, BookModelsRow[]>();
  for (const row of rows) {
    let list = parts.get(row.part);
    if (!list) parts.set(row.part, (list = []));
    list.push(row);
  }
  const ordered = (part: string) => (parts.get(part) ?? []).sort((a, b) => Number(a.i) - Number(b.i));
  const rowsOf = ordered("sample");
  const sample = new Float64Array(rowsOf.length * SUMMARY_FIGURES);
  rowsOf.forEach((r, k) => sample.set([r.frequency, r.recency!, r.t!, r.monetary_value!], k * SUMMARY_FIGURES));
  const cuts = (part: string) => ordered(part).map((r) => Number(r.frequency));
  return rowsOf.length === 0
    ? { sample }
    : { sample, rfm: { since: cuts("since"), frequency: cuts("frequency"), monetary: cuts("monetary") } };
}

/**
 * The book's models from `bookModelsSql`'s rows: the same as `fitBookModels` over every summary of the book (the
 * fits read the same sample; the cut points are the whole book's).
 */
export function bookModelsFromRows(
  rows: readonly BookModelsRow[],
  options: { asOf: string | Date; models?: Parameters<typeof fitBookModels>[1]["models"] },
): BookModels {
  const { sample, rfm } = bookModelsInput(rows);
  return fitBookModels(sample, {
    asOf: options.asOf,
    ...(options.models ? { models: options.models } : {}),
    ...(rfm ? { rfm } : {}),
  });
}
