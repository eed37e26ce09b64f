-- The value lists as segment fields (issue 16): under-served (worth far more
-- than the tier: contribution or lifetime value above the book's top-10% bar
-- below platinum), within reach of the next tier, and a churn alert — written
-- by the metrics job (`pnpm reference-server metrics`), with the tier the AUM
-- earns (the recorded tier may lag). The view gains them and the churn level.
ALTER TABLE customer_metrics ADD COLUMN IF NOT EXISTS tier_earned text;
ALTER TABLE customer_metrics ADD COLUMN IF NOT EXISTS near_next_tier boolean;
ALTER TABLE customer_metrics ADD COLUMN IF NOT EXISTS under_served boolean;
ALTER TABLE customer_metrics ADD COLUMN IF NOT EXISTS churn_alert boolean;
DROP VIEW customer_segment_view;
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
  m.churn_risk,
  m.churn_level,
  m.under_served,
  m.near_next_tier,
  m.churn_alert
FROM customer_segment_base b
LEFT JOIN customer_metrics m ON m.customer_id = b.id;
