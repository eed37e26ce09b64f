-- The loader's set-based merge (src/loader/merge.ts): each batch is copied into a
-- staging table and merged into `records` by a few statements. A source key remembers
-- the run that last wrote it (`load_run`): the same key twice in one file is found in
-- the database (`load_line`: the line it came from), so the loader's memory stays flat
-- however long the file. A run is
-- resumed by the last source line its committed batches covered. Every body a load
-- replaces is kept in `load_history` (an account closed is closed, not deleted; what
-- it was before is here).
ALTER TABLE source_identities ADD COLUMN IF NOT EXISTS load_run text;
ALTER TABLE source_identities ADD COLUMN IF NOT EXISTS load_line bigint;
ALTER TABLE load_runs ADD COLUMN IF NOT EXISTS committed_line bigint NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS load_history (
  id bigserial PRIMARY KEY,
  run_key text NOT NULL,
  collection text NOT NULL,
  record_id text NOT NULL,
  body jsonb NOT NULL,
  replaced_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS load_history_record ON load_history (collection, record_id, id);
-- A source's fields laid over what the bank already holds: objects merged key by key
-- (the CRM's own fields — tags, consents, an e-mail the RM added — stay), anything else
-- replaced.
CREATE OR REPLACE FUNCTION jsonb_deep_merge(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  merged jsonb;
BEGIN
  IF a IS NULL OR jsonb_typeof(a) <> 'object' OR jsonb_typeof(b) <> 'object' THEN
    RETURN b;
  END IF;
  SELECT coalesce(jsonb_object_agg(k, CASE WHEN a ? k AND b ? k THEN jsonb_deep_merge(a -> k, b -> k)
                                          WHEN b ? k THEN b -> k ELSE a -> k END), '{}'::jsonb)
    INTO merged
    FROM (SELECT jsonb_object_keys(a) UNION SELECT jsonb_object_keys(b)) AS keys(k);
  RETURN merged;
END
$$;
