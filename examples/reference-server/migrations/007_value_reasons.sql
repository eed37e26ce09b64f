-- Each list entry's reasons with their figures and days, as the workstation
-- shows them computed in the browser (issue 16): the churn alert's signals
-- (code, day, figures — the newest first) and its newest day, the next tier
-- and the AUM still missing to reach it, and the gold reasons the job derives
-- from the book's ranks once every customer is scored.
ALTER TABLE customer_metrics ADD COLUMN IF NOT EXISTS churn_alert_at date;
ALTER TABLE customer_metrics ADD COLUMN IF NOT EXISTS churn_alert_reasons jsonb;
ALTER TABLE customer_metrics ADD COLUMN IF NOT EXISTS next_tier text;
ALTER TABLE customer_metrics ADD COLUMN IF NOT EXISTS next_gap bigint;
ALTER TABLE customer_metrics ADD COLUMN IF NOT EXISTS gold_reasons jsonb;
