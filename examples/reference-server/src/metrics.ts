/**
 * The metrics job (`pnpm reference-server metrics`): core's value models over
 * every customer in the database, streamed in batches — customers by id, each
 * batch's holdings, transactions and service cases in three queries — through
 * `createBookMetricsJob` (pass 1 summarises, the models are fitted once, pass 2
 * scores), written to `customer_metrics` with the models in `metrics_models`.
 * The segment view reads the table, so segments on contribution, value score,
 * RFM, P(alive), lifetime value and churn risk run in the database — and on the
 * value lists: a churn alert per customer (core's `churnAlerts` over the batch,
 * against the P(alive) the table held before this run), within reach of the
 * next tier, and, once the whole book is scored, under-served (one UPDATE
 * comparing with core's `goldBars`: the book's top-10% bars, below platinum).
 */
import {
  TIERS,
  churnAlerts,
  createBookMetricsJob,
  goldBars,
  isNearNextTier,
  type BookCustomer,
  type BookModels,
  type Customer,
  type CustomerValue,
  type Holding,
  type ServiceCase,
  type Transaction,
} from "@bankcrm/core";
import type { Sql } from "./sql.js";

export interface MetricsJobOptions {
  /** The day the metrics are for (YYYY-MM-DD). */
  asOf: string;
  /** Customers per batch. Default 1,000. */
  batch?: number;
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

const COLUMNS = [
  "customer_id",
  "as_of",
  "contribution",
  "value_score",
  "rfm_r",
  "rfm_f",
  "rfm_m",
  "rfm_segment",
  "probability_alive",
  "clv",
  "churn_risk",
  "churn_level",
  "churn_reasons",
  "tier_earned",
  "near_next_tier",
  "churn_alert",
] as const;
const TYPES = [
  "text",
  "date",
  "bigint",
  "double precision",
  "double precision",
  "double precision",
  "double precision",
  "text",
  "double precision",
  "bigint",
  "double precision",
  "text",
  "text",
  "text",
  "boolean",
  "boolean",
];

/** One batch's metrics in one statement: a column array per column, unnested. */
async function write(
  db: Sql,
  asOf: string,
  values: readonly CustomerValue[],
  alerted: ReadonlySet<string>,
): Promise<void> {
  const columns: unknown[][] = COLUMNS.map(() => []);
  for (const v of values) {
    const row = [
      v.customerId,
      asOf,
      v.contribution,
      v.valueScore,
      v.rfmR ?? null,
      v.rfmF ?? null,
      v.rfmM ?? null,
      v.rfmSegment ?? null,
      v.probabilityAlive ?? null,
      v.clv ?? null,
      v.churnRisk,
      v.churnLevel,
      // Reasons as one text each side of the unnest (text[][] would need equal lengths): comma-joined, split below.
      v.churnReasons.join(","),
      v.tier,
      isNearNextTier(v),
      alerted.has(v.customerId),
    ];
    row.forEach((x, i) => columns[i]!.push(x));
  }
  const select = COLUMNS.map((c, i) =>
    c === "churn_reasons"
      ? `CASE WHEN u.c${i} = '' THEN ARRAY[]::text[] ELSE string_to_array(u.c${i}, ',') END`
      : `u.c${i}`,
  );
  await db.query(
    `INSERT INTO customer_metrics (${COLUMNS.join(", ")})
     SELECT ${select.join(", ")}
     FROM unnest(${COLUMNS.map((_, i) => `$${i + 1}::${TYPES[i]}[]`).join(", ")}) AS u(${COLUMNS.map((_, i) => `c${i}`).join(", ")})
     ON CONFLICT (customer_id) DO UPDATE SET ${COLUMNS.slice(1)
       .map((c) => `${c} = EXCLUDED.${c}`)
       .join(", ")}`,
    columns,
  );
}

/** Runs the job; returns the models and how many customers were scored. */
export async function computeMetrics(
  db: Sql,
  options: MetricsJobOptions,
): Promise<{ models: BookModels; customers: number }> {
  const size = options.batch ?? 1000;
  const job = createBookMetricsJob({ asOf: options.asOf });
  let done = 0;
  for await (const batch of batches(db, size)) {
    job.summarize(batch);
    done += batch.length;
    options.onProgress?.(1, done);
  }
  const models = job.fit();
  done = 0;
  const contributions: number[] = [];
  const clvs: number[] = [];
  for await (const batch of batches(db, size)) {
    const values = job.score(batch);
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
    await write(db, models.asOf, values, new Set(alerts.map((a) => a.customerId)));
    for (const v of values) {
      contributions.push(v.contribution);
      if (v.clv !== undefined) clvs.push(v.clv);
    }
    done += batch.length;
    options.onProgress?.(2, done);
  }
  // Under-served needs the whole book's bars: one statement once every customer is scored.
  const bars = goldBars(contributions, clvs);
  await db.query(
    `UPDATE customer_metrics m
     SET under_served = (array_position($1::text[], coalesce(c.body->>'tier', m.tier_earned)) - 1 < $2)
       AND ((m.contribution > 0 AND m.contribution > $3::double precision)
         OR (m.clv IS NOT NULL AND m.clv > 0 AND m.clv > $4::double precision))
     FROM records c WHERE c.collection = 'customers' AND c.id = m.customer_id`,
    [[...TIERS], bars.servedAt, String(bars.contribution), String(bars.clv)],
  );
  await db.query(
    `INSERT INTO metrics_models (id, as_of, models, customers) VALUES (1, $1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET as_of = EXCLUDED.as_of, models = EXCLUDED.models, customers = EXCLUDED.customers, computed_at = now()`,
    [models.asOf, JSON.stringify(models), done],
  );
  return { models, customers: done };
}
