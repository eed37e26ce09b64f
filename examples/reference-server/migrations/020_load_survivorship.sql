-- Survivorship at load time (issue #29). After a merge, the source identities of the
-- absorbed record resolve to the golden one, so a later load of that source lays its
-- rows over the golden record. Which source each survivorship field's value came from is
-- kept per golden record (`golden_sources`, written by the merge: core's planCluster),
-- and a load of a less trusted source — by the bank's priority of its source systems,
-- `survivorship_settings`, set by the resolution job's --priority — leaves those fields
-- as they are; the fields it may set become its own. Equal or unranked sources: the
-- later load wins (recency). An unmerge puts the golden record's sources back as they
-- were (`customer_merges.sources_before`).
CREATE TABLE IF NOT EXISTS survivorship_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  -- Source systems, most trusted first.
  priority text[] NOT NULL
);

CREATE TABLE IF NOT EXISTS golden_sources (
  record_id text PRIMARY KEY,
  -- Survivorship field (dotted: contact.mobile) → the source system its value came from.
  fields jsonb NOT NULL
);

ALTER TABLE customer_merges ADD COLUMN IF NOT EXISTS sources_before jsonb;

-- A source's rank in the bank's priority (0 the most trusted); unranked sources last.
CREATE OR REPLACE FUNCTION survivorship_rank(p_system text) RETURNS int
LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT array_position(s.priority, p_system) - 1 FROM survivorship_settings s), 2147483647)
$$;

-- A load's patch of a golden record without the fields a more trusted source gave it (as it is for other records).
CREATE OR REPLACE FUNCTION survive_patch(p_patch jsonb, p_fields jsonb, p_system text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
  f record;
  mine int := survivorship_rank(p_system);
BEGIN
  IF p_fields IS NULL OR p_patch IS NULL THEN RETURN p_patch; END IF;
  FOR f IN SELECT key, value FROM jsonb_each_text(p_fields) LOOP
    IF survivorship_rank(f.value) < mine THEN
      p_patch := p_patch #- string_to_array(f.key, '.');
    END IF;
  END LOOP;
  RETURN p_patch;
END
$$;

-- A golden record's sources after a load of p_system laid p_patch (already survived) over it.
CREATE OR REPLACE FUNCTION survive_sources(p_patch jsonb, p_fields jsonb, p_system text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_object_agg(f.key, CASE WHEN p_patch #> string_to_array(f.key, '.') IS NOT NULL
                                             THEN to_jsonb(p_system) ELSE f.value END), '{}'::jsonb)
  FROM jsonb_each(p_fields) AS f
$$;

-- load_merge as 017 has it, with survive_patch over a golden record's patch and its sources noted.
CREATE OR REPLACE FUNCTION load_merge(p_system text, p_collection text, p_run text, p_kept text[])
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
           jsonb_deep_merge(r.body, CASE WHEN g.fields IS NULL THEN coalesce(l.patch, l.body - p_kept)
             ELSE survive_patch(coalesce(l.patch, l.body - p_kept), g.fields, p_system) END) AS merged,
           coalesce((r.body ->> 'version')::int, 0) + 1 AS version,
           l.customer_id, l.natural_key, l.tkey, l.created_at
    FROM latest l LEFT JOIN golden_sources g ON p_collection = 'customers' AND g.record_id = l.id
    CROSS JOIN LATERAL (
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

  -- The golden records' fields this load set are this source's now (those a more trusted source gave, it did not set).
  IF p_collection = 'customers' THEN
    UPDATE golden_sources g SET fields = survive_sources(
      survive_patch(coalesce(l.patch, l.body - p_kept), g.fields, p_system), g.fields, p_system)
    FROM (SELECT DISTINCT ON (x.id) * FROM load_stage x ORDER BY x.id, x.line DESC) l
    WHERE g.record_id = l.id AND l.action = 'put';
  END IF;

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
