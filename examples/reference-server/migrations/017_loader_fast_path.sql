-- A batch's new rows go straight into `records` and `source_identities` by COPY
-- (src/loader/merge.ts), the way a bank's own bulk load would: PostgreSQL's COPY
-- inserts many rows a page at a time, where INSERT … SELECT from a staging table
-- inserts them one by one — and the staging table itself was a second COPY of every
-- row (measured, 211,000 rows of a first load: staging 1.5 s, the insert 3.1 s against
-- 2.5 s for COPY alone; the update path's probes 0.7 s finding nothing). Only rows
-- whose key or record the database already holds, closes, and ids repeated within a
-- batch are staged and merged by load_merge.
--
-- load_known answers, for a batch, in its transaction and under the source's lock,
-- which of its source keys and record ids the database holds, and which parents its
-- rows refer to (each once) that nobody holds (the quality report's orphans). It reaches the big
-- tables only through their primary keys, row by row (OFFSET 0: see 014).
CREATE OR REPLACE FUNCTION load_known(
  p_system text, p_collection text, p_keys text[], p_ids text[], p_parent_collection text, p_parents text[]
) RETURNS TABLE (kind text, value text)
LANGUAGE plpgsql AS $$
BEGIN
  -- Two loads of one collection at once take turns, batch by batch (a source's new
  -- rows are COPY'd on the strength of this answer).
  PERFORM pg_advisory_xact_lock(hashtext('load:' || p_collection));
  PERFORM set_config('jit', 'off', true);
  -- See 014: a crash may lose the last few commits and their progress with them; the
  -- next run loads those lines again.
  PERFORM set_config('synchronous_commit', 'off', true);
  -- The staging table of the rows load_merge takes, once per connection.
  IF to_regclass('pg_temp.load_stage') IS NULL THEN
    CREATE TEMP TABLE load_stage (
      line bigint, source_key text, action text, patch jsonb, collection text, id text, customer_id text, natural_key text,
      tkey text, created_at text, body jsonb, etag text, known_id text, known_run text, known_line bigint)
      ON COMMIT DELETE ROWS;
  END IF;
  RETURN QUERY SELECT 'key'::text, k FROM unnest(p_keys) AS k
    WHERE EXISTS (SELECT 1 FROM source_identities i
                  WHERE i.system = p_system AND i.collection = p_collection AND i.source_key = k OFFSET 0);
  RETURN QUERY SELECT 'id'::text, d FROM unnest(p_ids) AS d
    WHERE EXISTS (SELECT 1 FROM records r WHERE r.collection = p_collection AND r.id = d OFFSET 0);
  IF p_parent_collection IS NOT NULL THEN
    RETURN QUERY SELECT 'orphan'::text, p FROM unnest(p_parents) AS p
      WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.collection = p_parent_collection AND r.id = p OFFSET 0);
  END IF;
END
$$;

-- A run's quality counted batch by batch, in the batch's transaction (a resumed run's
-- report covers the whole file): what each fed field's cells filled, and the rows whose
-- parent nobody holds. The report no longer reads the run's records back, so the
-- index by run (016) only cost every identity written.
ALTER TABLE load_runs ADD COLUMN IF NOT EXISTS records bigint NOT NULL DEFAULT 0;
ALTER TABLE load_runs ADD COLUMN IF NOT EXISTS filled bigint[];
ALTER TABLE load_runs ADD COLUMN IF NOT EXISTS orphans bigint NOT NULL DEFAULT 0;
ALTER TABLE load_runs ADD COLUMN IF NOT EXISTS orphan_examples text[] NOT NULL DEFAULT '{}';
DROP INDEX IF EXISTS source_identities_run;

-- 014's merge, of the staged rows only; the run's progress is now written by the
-- loader after it (with the rows COPY'd straight in). The lock and settings are
-- load_known's, earlier in the same transaction.
DROP FUNCTION IF EXISTS load_merge(text, text, text, text[], bigint);
CREATE FUNCTION load_merge(p_system text, p_collection text, p_run text, p_kept text[])
RETURNS TABLE (refused_line bigint, refused_key text, refused_code text)
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE load_stage s SET known_id = k.record_id, known_run = k.load_run, known_line = k.load_line
  FROM (SELECT x.line, i.* FROM load_stage x CROSS JOIN LATERAL (
          SELECT i.record_id, i.load_run, i.load_line FROM source_identities i
          WHERE i.system = p_system AND i.collection = p_collection AND i.source_key = x.source_key OFFSET 0) i) k
  WHERE s.line = k.line;

  RETURN QUERY DELETE FROM load_stage s WHERE s.known_run = p_run AND s.known_line <> s.line
    RETURNING s.line, s.source_key, 'duplicateKey'::text;

  UPDATE load_stage s SET id = s.known_id, body = jsonb_set(s.body, '{id}', to_jsonb(s.known_id))
  WHERE s.known_id IS NOT NULL AND s.known_id <> s.id;

  RETURN QUERY DELETE FROM load_stage s WHERE s.action = 'close'
    AND NOT EXISTS (SELECT 1 FROM records r WHERE r.collection = p_collection AND r.id = s.id OFFSET 0)
    RETURNING s.line, s.source_key, 'unknownKey'::text;

  WITH latest AS (SELECT DISTINCT ON (l.id) * FROM load_stage l ORDER BY l.id, l.line DESC),
  changed AS (
    SELECT r.at, r.id, r.body AS old,
           jsonb_deep_merge(r.body, coalesce(l.patch, l.body - p_kept)) AS merged,
           coalesce((r.body ->> 'version')::int, 0) + 1 AS version,
           l.customer_id, l.natural_key, l.tkey, l.created_at
    FROM latest l CROSS JOIN LATERAL (
      SELECT x.ctid AS at, x.id, x.body FROM records x
      WHERE x.collection = p_collection AND x.id = l.id OFFSET 0 FOR UPDATE) r),
  kept AS (
    INSERT INTO load_history (run_key, collection, record_id, body)
    SELECT p_run, p_collection, c.id, c.old FROM changed c WHERE c.merged IS DISTINCT FROM c.old)
  UPDATE records r SET body = jsonb_set(c.merged, '{version}', to_jsonb(c.version)),
    etag = '"v' || c.version || '"',
    customer_id = coalesce(c.customer_id, r.customer_id), natural_key = coalesce(c.natural_key, r.natural_key),
    tkey = coalesce(c.tkey, r.tkey), created_at = coalesce(c.created_at, r.created_at)
  FROM changed c WHERE r.ctid = c.at AND c.merged IS DISTINCT FROM c.old;

  INSERT INTO records (collection, id, customer_id, natural_key, tkey, created_at, body, etag)
  SELECT DISTINCT ON (s.id) p_collection, s.id, s.customer_id, s.natural_key, s.tkey, s.created_at, s.body, s.etag
  FROM load_stage s WHERE s.action = 'put'
  ORDER BY s.id, s.line DESC
  ON CONFLICT (collection, id) DO NOTHING;

  INSERT INTO source_identities (system, source_key, collection, record_id, load_run, load_line)
  SELECT p_system, s.source_key, p_collection, s.id, p_run, s.line FROM load_stage s
  ON CONFLICT (system, collection, source_key) DO UPDATE
    SET record_id = excluded.record_id, load_run = excluded.load_run, load_line = excluded.load_line;
END
$$;
