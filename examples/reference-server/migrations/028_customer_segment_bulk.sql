-- The segment table's nightly build, set-based (#31): the same rows as customer_segment_view, with
-- every customer's holdings and transactions aggregated in one GROUP BY each over the whole book —
-- a hash join of three aggregates — where the live view aggregates them customer by customer
-- (LATERAL, an index probe each: right for one customer's row or a scope's count, slow for all of
-- them). The live view stays what the triggers and SEGMENTS=live read; this one only feeds
-- `CREATE TABLE customer_segments … AS`. test/segment-snapshot.test.ts holds that the two give the
-- same rows, every column (the base's NULL metric columns 005 renamed *_none included, so the
-- table is the live view's shape), so a change to one that is not made to the other fails the suite.
CREATE OR REPLACE VIEW customer_segment_bulk AS
SELECT
  r.id,
  r.branch_id,
  r.rm_id,
  r.body ->> 'kind' AS kind,
  r.body ->> 'status' AS status,
  r.body ->> 'tier' AS tier,
  r.body ->> 'gender' AS gender,
  CASE WHEN r.body ? 'birthDate'
    THEN date_part('year', age((now() AT TIME ZONE 'UTC')::date, (r.body ->> 'birthDate')::date))::double precision
  END AS age,
  r.body -> 'contact' ->> 'city' AS city,
  r.body ->> 'occupation' AS occupation,
  (r.body -> 'annualIncome' ->> 'amount')::bigint AS annual_income,
  r.rm_id AS relationship_manager_id,
  r.body ->> 'riskTolerance' AS risk_tolerance,
  r.body -> 'contact' ->> 'preferredChannel' AS preferred_channel,
  ARRAY(SELECT jsonb_array_elements_text(r.body -> 'tags')) AS tags,
  (r.body ->> 'onboardedAt')::date AS onboarded_at,
  coalesce(hs.aum, 0)::bigint AS aum,
  coalesce(hs.balance_current_deposit, 0)::bigint AS balance_current_deposit,
  coalesce(hs.balance_time_deposit, 0)::bigint AS balance_time_deposit,
  coalesce(hs.balance_certificate_of_deposit, 0)::bigint AS balance_certificate_of_deposit,
  coalesce(hs.balance_mortgage, 0)::bigint AS balance_mortgage,
  coalesce(hs.balance_consumer_loan, 0)::bigint AS balance_consumer_loan,
  coalesce(hs.balance_business_loan, 0)::bigint AS balance_business_loan,
  coalesce(hs.balance_credit_card, 0)::bigint AS balance_credit_card,
  coalesce(hs.balance_wealth_management, 0)::bigint AS balance_wealth_management,
  coalesce(hs.balance_fund, 0)::bigint AS balance_fund,
  coalesce(hs.balance_insurance, 0)::bigint AS balance_insurance,
  coalesce(hs.balance_precious_metal, 0)::bigint AS balance_precious_metal,
  coalesce(hs.balance_treasury_bond, 0)::bigint AS balance_treasury_bond,
  coalesce(hs.product_types, ARRAY[]::text[]) AS product_types,
  coalesce(cardinality(hs.product_types), 0)::double precision AS product_count,
  ts.last_transaction_at,
  floor(extract(epoch FROM (now() - ts.last_at::timestamptz)) / 86400)::double precision AS days_since_last_transaction,
  coalesce(ts.count_30d, 0)::double precision AS transaction_count30d,
  coalesce(ts.count_90d, 0)::double precision AS transaction_count90d,
  coalesce(ts.count_365d, 0)::double precision AS transaction_count365d,
  coalesce(ts.amount_30d, 0)::bigint AS transaction_amount30d,
  coalesce(ts.amount_90d, 0)::bigint AS transaction_amount90d,
  coalesce(ts.amount_365d, 0)::bigint AS transaction_amount365d,
  cs.consents,
  'marketing' = ANY (cs.consents) AS marketing_consent,
  NULL::bigint AS contribution_none,
  NULL::double precision AS value_score_none,
  NULL::double precision AS rfm_r_none,
  NULL::double precision AS rfm_f_none,
  NULL::double precision AS rfm_m_none,
  NULL::text AS rfm_segment_none,
  NULL::double precision AS probability_alive_none,
  NULL::bigint AS clv_none,
  NULL::double precision AS churn_risk_none,
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
FROM records r
LEFT JOIN (
  SELECT
    h.customer_id,
    sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (
      WHERE h.body ->> 'productType' IN ('current_deposit', 'time_deposit', 'certificate_of_deposit', 'wealth_management', 'fund', 'insurance', 'precious_metal', 'treasury_bond') AND h.body -> 'balance' ->> 'currency' = 'CNY'
    ) AS aum,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'current_deposit'), 0) AS balance_current_deposit,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'time_deposit'), 0) AS balance_time_deposit,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'certificate_of_deposit'), 0) AS balance_certificate_of_deposit,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'mortgage'), 0) AS balance_mortgage,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'consumer_loan'), 0) AS balance_consumer_loan,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'business_loan'), 0) AS balance_business_loan,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'credit_card'), 0) AS balance_credit_card,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'wealth_management'), 0) AS balance_wealth_management,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'fund'), 0) AS balance_fund,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'insurance'), 0) AS balance_insurance,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'precious_metal'), 0) AS balance_precious_metal,
    coalesce(sum((h.body -> 'balance' ->> 'amount')::bigint) FILTER (WHERE h.body ->> 'productType' = 'treasury_bond'), 0) AS balance_treasury_bond,
    array_agg(DISTINCT h.body ->> 'productType') AS product_types
  FROM records h
  WHERE h.collection = 'holdings' AND h.body ->> 'status' IS DISTINCT FROM 'closed'
  GROUP BY h.customer_id
) hs ON hs.customer_id = r.id
LEFT JOIN (
  SELECT
    t.customer_id,
    max(t.body ->> 'at') AS last_at,
    left(max(t.body ->> 'at'), 10)::date AS last_transaction_at,
    count(*) FILTER (WHERE d.age_days BETWEEN 0 AND 30) AS count_30d,
    count(*) FILTER (WHERE d.age_days BETWEEN 0 AND 90) AS count_90d,
    count(*) FILTER (WHERE d.age_days BETWEEN 0 AND 365) AS count_365d,
    sum((t.body -> 'amount' ->> 'amount')::bigint) FILTER (WHERE d.age_days BETWEEN 0 AND 30) AS amount_30d,
    sum((t.body -> 'amount' ->> 'amount')::bigint) FILTER (WHERE d.age_days BETWEEN 0 AND 90) AS amount_90d,
    sum((t.body -> 'amount' ->> 'amount')::bigint) FILTER (WHERE d.age_days BETWEEN 0 AND 365) AS amount_365d
  FROM records t
  CROSS JOIN LATERAL (SELECT extract(epoch FROM (now() - (t.body ->> 'at')::timestamptz)) / 86400 AS age_days) d
  WHERE t.collection = 'transactions'
  GROUP BY t.customer_id
) ts ON ts.customer_id = r.id
LEFT JOIN LATERAL (
  SELECT coalesce(array_agg(latest.purpose ORDER BY latest.purpose) FILTER (WHERE latest.granted), ARRAY[]::text[]) AS consents
  FROM (
    SELECT DISTINCT ON (c ->> 'purpose') c ->> 'purpose' AS purpose, (c ->> 'granted')::boolean AS granted
    FROM jsonb_array_elements(r.body -> 'consents') c
    ORDER BY c ->> 'purpose', c ->> 'recordedAt' DESC
  ) latest
) cs ON TRUE
LEFT JOIN customer_metrics m ON m.customer_id = r.id
WHERE r.collection = 'customers';
