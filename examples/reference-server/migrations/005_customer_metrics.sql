-- The value models' outputs for every customer, written by the metrics job
-- (`pnpm reference-server metrics`: core's createBookMetricsJob over the
-- customers in batches), and the segment view reading them: the columns the
-- view had as NULL now come from here (NULL until the job has run).
CREATE TABLE IF NOT EXISTS customer_metrics (
  customer_id text PRIMARY KEY,
  as_of date NOT NULL,
  contribution bigint,
  value_score double precision,
  rfm_r double precision,
  rfm_f double precision,
  rfm_m double precision,
  rfm_segment text,
  probability_alive double precision,
  clv bigint,
  churn_risk double precision,
  churn_level text,
  churn_reasons text[]
);
-- The fitted models and RFM cut points of the last run: what scoring one customer again needs.
CREATE TABLE IF NOT EXISTS metrics_models (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  as_of date NOT NULL,
  models jsonb NOT NULL,
  customers integer NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now()
);
-- The view of 004 stays as the base; its NULL metric columns step aside for the table's.
ALTER VIEW customer_segment_view RENAME TO customer_segment_base;
ALTER VIEW customer_segment_base RENAME COLUMN contribution TO contribution_none;
ALTER VIEW customer_segment_base RENAME COLUMN value_score TO value_score_none;
ALTER VIEW customer_segment_base RENAME COLUMN rfm_r TO rfm_r_none;
ALTER VIEW customer_segment_base RENAME COLUMN rfm_f TO rfm_f_none;
ALTER VIEW customer_segment_base RENAME COLUMN rfm_m TO rfm_m_none;
ALTER VIEW customer_segment_base RENAME COLUMN rfm_segment TO rfm_segment_none;
ALTER VIEW customer_segment_base RENAME COLUMN probability_alive TO probability_alive_none;
ALTER VIEW customer_segment_base RENAME COLUMN clv TO clv_none;
ALTER VIEW customer_segment_base RENAME COLUMN churn_risk TO churn_risk_none;
CREATE VIEW customer_segment_view AS
SELECT
  b.*,
  m.contribution,
  m.value_score,
  m.rfm_r,
  m.rfm_f,
  m.rfm_m,
  m.rfm_segment,
  m.probability_alive,
  m.clv,
  m.churn_risk
FROM customer_segment_base b
LEFT JOIN customer_metrics m ON m.customer_id = b.id;
