-- The loader (src/loader/): every record it writes keeps its source identity — the system and
-- the key that system knows it by — so a file loaded again finds the same record, and one
-- customer may carry several identities (entity resolution links them, #29). A load's
-- progress is kept per run (the source, the collection and the file's content hash): after a
-- crash, the same file loaded again resumes after the last committed batch.
CREATE TABLE IF NOT EXISTS source_identities (
  system text NOT NULL,
  source_key text NOT NULL,
  collection text NOT NULL,
  record_id text NOT NULL,
  first_loaded timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (system, collection, source_key)
);
CREATE INDEX IF NOT EXISTS source_identities_record ON source_identities (collection, record_id);
CREATE TABLE IF NOT EXISTS load_runs (
  run_key text PRIMARY KEY,
  file text NOT NULL,
  system text NOT NULL,
  collection text NOT NULL,
  committed_rows bigint NOT NULL DEFAULT 0,
  finished timestamptz,
  summary jsonb
);
