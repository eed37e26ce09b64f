/**
 * The metrics job (`pnpm reference-server metrics`): core's value models over
 * every customer in the database. Pass 1 stays in the database: every
 * customer's purchase summary in one set-based query (core's
 * `purchaseSummarySql` over the `purchase_transactions` view), and from those
 * only the sample the models are fitted on and the RFM cut points come back
 * (`bookModelsSql`, ~16,000 rows whatever the book). Pass 2 streams the book in
 * batches — customers by id, each batch's holdings, transactions and service
 * cases in three queries — scored by `createBookMetricsJob` with those models,
 * written to `customer_metrics` with the models in `metrics_models`. Nothing is
 * kept between batches: the job's memory is one batch's, not the book's.
 * The segment view reads the table, so segments on contribution, value score,
 * RFM, P(alive), lifetime value and churn risk run in the database — and on the
 * value lists: a churn alert per customer (core's `churnAlerts` over the batch,
 * against the P(alive) the table held before this run), within reach of the
 * next tier, and, once the whole book is scored, under-served (one UPDATE
 * ranking the book in the database: its top 10%, below platinum) — each entry
 * with its reasons' figures and days.
 */
import {
  METRICS,
  type BookCustomer,
  type ChurnAlert,
  type BookModels,
  type Customer,
  type CustomerValue,
  type Holding,
  type ServiceCase,
  type Transaction,
} from "@bankcrm/core";
import { TIERS } from "@bankcrm/core/vocabulary";
import { churnAlerts, createBookMetricsJob, isNearNextTier, summarizeCustomer } from "@bankcrm/core/analytics";
import { bookModelsFromRows, bookModelsSql, purchaseSummarySql, type BookModelsRow } from "@bankcrm/core/warehouse";
import type { Driver, Sql } from "./sql.js";

export interface MetricsJobOptions {
  /** The day the metrics are for (YYYY-MM-DD). */
  asOf: string;
  /** Customers per batch. Default 1,000. */
  batch?: number;
  /** Pass 1 once, with the customers summarised (those with a purchase); pass 2 after each batch scored. */
  onProgress?: (pass: 1 | 2, done: number) => void;
}

/** The customers in id order, a batch at a time, with what the models read about them. */
async function* batches(db: Sql, size: number): AsyncGenerator<BookCustomer[]> {
  let after = "";
  for (;;) {
    const customers = (
      await db.query<{ id: string; body: Customer }>(
        `SELECT id, body FROM records WHERE collection = 'customers' AND id COLLATE "C" > $1 ORDER BY id COLLATE "C" LIMIT $2`,
        [after, size],
      )
    ).rows;
    if (customers.length === 0) return;
    after = customers[customers.length - 1]!.id;
    const ids = customers.map((c) => c.id);
    const of = async <T>(collection: string) => {
      const by = new Map<string, T[]>();
      const rows = await db.query<{ customer_id: string; body: T }>(
        `SELECT customer_id, body FROM records WHERE collection = $1 AND customer_id = ANY($2::text[])`,
        [collection, ids],
      );
      for (const r of rows.rows) {
        let list = by.get(r.customer_id);
        if (!list) by.set(r.customer_id, (list = []));
        list.push(r.body);
      }
      return by;
    };
    const [holdings, transactions, cases] = await Promise.all([
      of<Holding>("holdings"),
      of<Transaction>("transactions"),
      of<ServiceCase>("serviceCases"),
    ]);
    yield customers.map((c) => ({
      customer: c.body,
      holdings: holdings.get(c.id) ?? [],
      transactions: transactions.get(c.id) ?? [],
      serviceCases: cases.get(c.id) ?? [],
    }));
  }
}

/** What the job writes with each customer's scores: the metric table's per-customer columns. */
const WRITTEN = METRICS.filter((metric) => metric.perCustomer);
const COLUMNS = ["customer_id", "as_of", ...WRITTEN.map((metric) => metric.column)];
const TYPES = ["text", "date", ...WRITTEN.map((metric) => metric.sql)];

/** Each per-customer metric's value for one customer, by the metric table's names. */
const VALUES: Record<string, (v: CustomerValue, alert: ChurnAlert | undefined) => unknown> = {
  contribution: (v) => v.contribution,
  valueScore: (v) => v.valueScore,
  rfmR: (v) => v.rfmR ?? null,
  rfmF: (v) => v.rfmF ?? null,
  rfmM: (v) => v.rfmM ?? null,
  rfmSegment: (v) => v.rfmSegment ?? null,
  probabilityAlive: (v) => v.probabilityAlive ?? null,
  clv: (v) => v.clv ?? null,
  churnRisk: (v) => v.churnRisk,
  churnLevel: (v) => v.churnLevel,
  churnReasons: (v) => v.churnReasons,
  tierEarned: (v) => v.tier,
  nearNextTier: (v) => isNearNextTier(v),
  churnAlert: (_v, alert) => alert !== undefined,
  churnAlertAt: (_v, alert) => alert?.at ?? null,
  // Each signal with its day and figures: what the lists say, as core says it.
  churnAlertReasons: (_v, alert) => alert?.reasons ?? null,
  nextTier: (v) => v.next?.tier ?? null,
  nextGap: (v) => v.next?.gap ?? null,
};
// A metric the table writes per customer and this does not compute (or the reverse) stops the server at start.
const unmatched = [
  ...WRITTEN.filter((metric) => !Object.hasOwn(VALUES, metric.name)).map((metric) => metric.name),
  ...Object.keys(VALUES).filter((name) => !WRITTEN.some((metric) => metric.name === name)),
];
if (unmatched.length > 0) throw new Error(`metrics job and metric table disagree on: ${unmatched.join(", ")}`);

/** A value as its column's array element: a list as one comma-joined text, JSON as text (cast back below). */
const encode = (sql: string, value: unknown) =>
  value === null
    ? null
    : sql === "text[]"
      ? (value as string[]).join(",")
      : sql === "jsonb"
        ? JSON.stringify(value)
        : value;

/** One batch's metrics in one statement: a column array per column, unnested. */
async function write(
  db: Sql,
  asOf: string,
  values: readonly CustomerValue[],
  alerts: ReadonlyMap<string, ChurnAlert>,
): Promise<void> {
  const columns: unknown[][] = COLUMNS.map(() => []);
  for (const v of values) {
    const alert = alerts.get(v.customerId);
    const row = [v.customerId, asOf, ...WRITTEN.map((metric) => encode(metric.sql, VALUES[metric.name]!(v, alert)))];
    row.forEach((x, i) => columns[i]!.push(x));
  }
  // Lists and JSON travel as text each side of the unnest (text[][] would need equal lengths).
  const select = TYPES.map((type, i) =>
    type === "text[]"
      ? `CASE WHEN u.c${i} = '' THEN ARRAY[]::text[] ELSE string_to_array(u.c${i}, ',') END`
      : type === "jsonb"
        ? `u.c${i}::jsonb`
        : `u.c${i}`,
  );
  await db.query(
    `INSERT INTO customer_metrics (${COLUMNS.join(", ")})
     SELECT ${select.join(", ")}
     FROM unnest(${COLUMNS.map((_, i) => `$${i + 1}::${TYPES[i] === "text[]" || TYPES[i] === "jsonb" ? "text" : TYPES[i]}[]`).join(", ")}) AS u(${COLUMNS.map((_, i) => `c${i}`).join(", ")})
     ON CONFLICT (customer_id) DO UPDATE SET ${COLUMNS.slice(1)
       .map((c) => `${c} = EXCLUDED.${c}`)
       .join(", ")}`,
    columns,
  );
}

/**
 * The gold reasons once the whole book is scored, as core's `findGoldCustomers`
 * gives them: the share of the book strictly below each customer's contribution
 * (and lifetime value, among those known) from the database's ranks — in the
 * top 10% while the tier (recorded, else earned) is below platinum is
 * under-served — and within reach of the next tier, with the figures each
 * reason quotes. One statement; the test checks every customer against core.
 */
async function rankGold(db: Sql, options: { topShare?: number; servedFrom?: (typeof TIERS)[number] } = {}) {
  const from = 1 - (options.topShare ?? 0.1);
  const servedAt = TIERS.indexOf(options.servedFrom ?? "platinum");
  await db.query(
    `WITH book AS (
       SELECT m.customer_id, m.contribution, m.clv, m.near_next_tier, m.next_tier, m.next_gap,
         coalesce(c.body->>'tier', m.tier_earned) AS tier,
         array_position($1::text[], coalesce(c.body->>'tier', m.tier_earned)) - 1 < $2 AS below,
         (rank() OVER (ORDER BY m.contribution) - 1)::float8 / count(*) OVER () AS pc,
         CASE WHEN m.clv IS NOT NULL THEN
           (rank() OVER (PARTITION BY m.clv IS NULL ORDER BY m.clv) - 1)::float8
             / count(*) OVER (PARTITION BY m.clv IS NULL) END AS pl
       FROM customer_metrics m JOIN records c ON c.collection = 'customers' AND c.id = m.customer_id
     ), flagged AS (
       SELECT b.*,
         (b.below AND b.contribution > 0 AND b.pc >= $3::float8) AS tc,
         coalesce(b.below AND b.clv > 0 AND b.pl >= $3::float8, false) AS tl
       FROM book b
     )
     UPDATE customer_metrics m
     SET under_served = f.tc OR f.tl,
       gold_reasons = (
         SELECT jsonb_agg(x ORDER BY o) FROM (VALUES
           (1, CASE WHEN f.tc THEN jsonb_build_object('code', 'topContribution', 'params',
             jsonb_build_object('percentile', f.pc, 'contribution', f.contribution, 'tier', f.tier)) END),
           (2, CASE WHEN f.tl THEN jsonb_build_object('code', 'topLifetimeValue', 'params',
             jsonb_build_object('percentile', f.pl, 'clv', f.clv, 'tier', f.tier)) END),
           (3, CASE WHEN f.near_next_tier THEN jsonb_build_object('code', 'nearNextTier', 'params',
             jsonb_build_object('next', f.next_tier, 'gap', f.next_gap)) END)
         ) AS v(o, x) WHERE x IS NOT NULL)
     FROM flagged f WHERE f.customer_id = m.customer_id`,
    [[...TIERS], servedAt, from],
  );
}

/**
 * Pass 1 in the database: the purchase summaries into a table of the transaction's own (dropped at its end), then
 * the models from the rows `bookModelsSql` picks of it — the same models core fits on every summary (tested).
 */
async function fitInDatabase(
  db: Driver,
  asOf: string,
): Promise<{ models: BookModels; summarised: number; sqlSeconds: number }> {
  return db.transaction(async (tx) => {
    const t0 = performance.now();
    await tx.query(
      `CREATE TEMPORARY TABLE purchase_summaries ON COMMIT DROP AS ${purchaseSummarySql({
        dialect: "postgres",
        calibrationEnd: asOf,
        table: "purchase_transactions",
      })}`,
    );
    const summarised = (await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM purchase_summaries")).rows[0]!.n;
    const rows = (await tx.query<BookModelsRow>(bookModelsSql({ dialect: "postgres" }))).rows;
    const sqlSeconds = (performance.now() - t0) / 1000;
    return { models: bookModelsFromRows(rows, { asOf }), summarised, sqlSeconds };
  });
}

/** Runs the job; returns the models, how many customers were scored, and the seconds each part took. */
export async function computeMetrics(
  db: Driver,
  options: MetricsJobOptions,
): Promise<{ models: BookModels; customers: number; seconds: { summaries: number; fit: number; scoring: number } }> {
  const size = options.batch ?? 1000;
  const t0 = performance.now();
  const { models, summarised, sqlSeconds } = await fitInDatabase(db, options.asOf);
  const fitted = performance.now();
  options.onProgress?.(1, summarised);
  const job = createBookMetricsJob({ asOf: options.asOf });
  job.use(models);
  const calibration = { calibrationEnd: models.asOf };
  let done = 0;
  for await (const batch of batches(db, size)) {
    // Each customer's summary from the transactions the batch holds anyway: what pass 1's query gave them (tested).
    const values = job.score(
      batch,
      batch.map((b) => summarizeCustomer(b.customer.id, b.transactions, calibration)),
    );
    // The last run's P(alive), before this run overwrites it: a fall is an alert.
    const before = await db.query<{ customer_id: string; probability_alive: number | null }>(
      "SELECT customer_id, probability_alive FROM customer_metrics WHERE customer_id = ANY($1::text[])",
      [values.map((v) => v.customerId)],
    );
    const previous = new Map(
      before.rows.flatMap((r) =>
        r.probability_alive === null ? [] : [[r.customer_id, { probabilityAlive: r.probability_alive }] as const],
      ),
    );
    const alerts = churnAlerts(batch, values, { asOf: models.asOf, previous });
    await write(db, models.asOf, values, new Map(alerts.map((a) => [a.customerId, a])));
    done += batch.length;
    options.onProgress?.(2, done);
  }
  await rankGold(db);
  await db.query(
    `INSERT INTO metrics_models (id, as_of, models, customers) VALUES (1, $1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET as_of = EXCLUDED.as_of, models = EXCLUDED.models, customers = EXCLUDED.customers, computed_at = now()`,
    [models.asOf, JSON.stringify(models), done],
  );
  return {
    models,
    customers: done,
    seconds: {
      summaries: sqlSeconds,
      fit: (fitted - t0) / 1000 - sqlSeconds,
      scoring: (performance.now() - fitted) / 1000,
    },
  };
}
