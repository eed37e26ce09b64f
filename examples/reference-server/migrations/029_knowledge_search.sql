-- Full-text search of the knowledge base (and any collection core's table gives `search` fields): the same terms as
-- core's `searchTerms` (packages/core/src/text/search.ts) — lowercase ASCII words and digits, and each Han run's
-- bigrams plus its last character — kept as a tsvector built from the terms themselves (array_to_tsvector: no
-- parser, no dictionary, so Chinese is not dropped by a locale that does not know it). A query asks for every term
-- as a prefix ('还款':* & 'lpr':*), as core's `searchScore` does; a GIN index answers it. Ranking (core's
-- SEARCH_WEIGHTS: each term scores its heaviest field's weight) is computed for the matches only. The functions keep the
-- migration's search_path (PostgreSQL 17 builds an index with only pg_catalog on it).

CREATE OR REPLACE FUNCTION bankcrm_search_terms(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
  SELECT coalesce(array_agg(term), '{}'::text[]) FROM (
    SELECT m[1] AS term
      FROM regexp_matches(translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[a-z0-9]+', 'g') AS m
    UNION ALL
    SELECT substr(r[1], i, CASE WHEN i = char_length(r[1]) THEN 1 ELSE 2 END)
      FROM regexp_matches(t, '[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+', 'g') AS r,
           generate_series(1, char_length(r[1])) AS i
  ) s
$$;

-- A field's text as core reads it: a string, or an array's strings joined by spaces.
CREATE OR REPLACE FUNCTION bankcrm_search_text(body jsonb, fields text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
  SELECT coalesce(string_agg(
    CASE jsonb_typeof(body -> f)
      WHEN 'string' THEN body ->> f
      WHEN 'array' THEN (SELECT string_agg(e #>> '{}', ' ') FROM jsonb_array_elements(body -> f) e
                          WHERE jsonb_typeof(e) = 'string')
    END, ' '), '')
  FROM unnest(fields) AS f
$$;

-- A record's terms over some of its fields, as a tsvector (no positions: only membership is asked of it).
CREATE OR REPLACE FUNCTION bankcrm_search_vector(body jsonb, fields text[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
  SELECT array_to_tsvector(bankcrm_search_terms(bankcrm_search_text(body, fields)))
$$;

-- The expression must be the one scope-sql.ts's `searchVectorSql` writes for the collection's fields (all of them).
CREATE INDEX IF NOT EXISTS records_knowledge_search ON records
  USING gin (bankcrm_search_vector(body, '{title,tags,body}'::text[]))
  WHERE collection = 'knowledgeArticles';
