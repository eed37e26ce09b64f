-- The metrics job's first pass in the database (src/metrics.ts): every customer's purchase summary
-- is one set-based query (core's purchaseSummarySql) over this view — the transactions as a bank's
-- warehouse would export them, three columns — instead of every transaction read into Node. The
-- same query runs on DuckDB over a Parquet or CSV export (docs/server/scale.md).
CREATE OR REPLACE VIEW purchase_transactions AS
  SELECT customer_id, body->>'at' AS at, (body->'amount'->>'amount')::float8 AS amount
  FROM records WHERE collection = 'transactions';
