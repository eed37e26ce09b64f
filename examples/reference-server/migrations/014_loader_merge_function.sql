-- The loader's merge of one staged batch (src/loader/merge.ts) as one function: the
-- batch's statements in one round trip. Sent one by one, each waited for the loader's
-- process — busy reading and checking the next batch — to send the next, and the
-- database sat idle between them (measured: a 5,000-row batch of transactions spent
-- more time waiting than merging).
--
-- A batch is a few thousand staged rows probing tables of millions, so every statement
-- reaches `records` and `source_identities` only row by row through their primary keys
-- — a correlated subquery (OFFSET 0 keeps the planner from turning it into a join), a
-- row locked and updated at its ctid, ON CONFLICT — never through a join the planner
-- may choose to hash. It would: mid-load, the statistics of a table the load is filling
-- say the collection holds a few hundred rows, and each batch then read the whole
-- collection (measured: 5,000-row batches each hashing 150,000 records, the load
-- slowing as it grew). The stage itself is only scanned.
--
-- Returns the rows refused: the same source key written earlier by this run from
-- another line (duplicateKey), a close of a record nobody holds (unknownKey).
CREATE OR REPLACE FUNCTION load_merge(
  p_system text, p_collection text, p_run text, p_kept text[], p_last_line bigint
) RETURNS TABLE (refused_line bigint, refused_key text, refused_code text)
LANGUAGE plpgsql AS $$
BEGIN
  -- Two loads of one source and collection at once take turns, batch by batch.
  PERFORM pg_advisory_xact_lock(hashtext('load:' || p_system || ':' || p_collection));
  -- Compiling would cost more than these short statements.
  PERFORM set_config('jit', 'off', true);
  -- The commit does not wait for its WAL to reach the disk: a crash may lose the last
  -- few batches' commits, and with them the run's progress (committed_line is written
  -- in the same transaction), so the next run loads those lines again — the result is
  -- still exactly one clean load.
  PERFORM set_config('synchronous_commit', 'off', true);

  -- What the database knows of each staged key, found once: its record, and the run
  -- and line that last wrote it (only rows found are rewritten: a first load's none).
  UPDATE load_stage s SET known_id = k.record_id, known_run = k.load_run, known_line = k.load_line
  FROM (SELECT x.line, i.* FROM load_stage x CROSS JOIN LATERAL (
          SELECT i.record_id, i.load_run, i.load_line FROM source_identities i
          WHERE i.system = p_system AND i.collection = p_collection AND i.source_key = x.source_key OFFSET 0) i) k
  WHERE s.line = k.line;

  -- Written earlier by this run from another line: the same source key twice in a file.
  RETURN QUERY DELETE FROM load_stage s WHERE s.known_run = p_run AND s.known_line <> s.line
    RETURNING s.line, s.source_key, 'duplicateKey'::text;

  -- A key already known updates the record it resolved to (entity resolution may
  -- have moved it).
  UPDATE load_stage s SET id = s.known_id, body = jsonb_set(s.body, '{id}', to_jsonb(s.known_id))
  WHERE s.known_id IS NOT NULL AND s.known_id <> s.id;

  RETURN QUERY DELETE FROM load_stage s WHERE s.action = 'close'
    AND NOT EXISTS (SELECT 1 FROM records r WHERE r.collection = p_collection AND r.id = s.id OFFSET 0)
    RETURNING s.line, s.source_key, 'unknownKey'::text;

  -- Each record the batch changes, locked as it is read (an RM's edit meanwhile waits,
  -- and is not lost under the load's), the row laid over it — a put's body less the
  -- fields no column feeds (p_kept), a close's patch — the old body kept in history,
  -- the new one written at the ctid it was read from. Unchanged: no write.
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

  -- New records: a put whose record nobody holds (one held was updated above).
  INSERT INTO records (collection, id, customer_id, natural_key, tkey, created_at, body, etag)
  SELECT DISTINCT ON (s.id) p_collection, s.id, s.customer_id, s.natural_key, s.tkey, s.created_at, s.body, s.etag
  FROM load_stage s WHERE s.action = 'put'
  ORDER BY s.id, s.line DESC
  ON CONFLICT (collection, id) DO NOTHING;

  INSERT INTO source_identities (system, source_key, collection, record_id, load_run, load_line)
  SELECT p_system, s.source_key, p_collection, s.id, p_run, s.line FROM load_stage s
  ON CONFLICT (system, collection, source_key) DO UPDATE
    SET record_id = excluded.record_id, load_run = excluded.load_run, load_line = excluded.load_line;

  UPDATE load_runs SET committed_rows = committed_rows + (SELECT count(*) FROM load_stage),
    committed_line = p_last_line
  WHERE run_key = p_run;
END
$$;
