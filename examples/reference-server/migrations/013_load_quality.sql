-- The data-quality report of each load (src/loader/quality.ts): completeness, validity,
-- suspected duplicates and orphans, kept per run so a source's loads read as a trend.
CREATE TABLE IF NOT EXISTS load_quality (
  id bigserial PRIMARY KEY,
  run_key text NOT NULL,
  system text NOT NULL,
  collection text NOT NULL,
  report jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS load_quality_source ON load_quality (system, collection, id);
