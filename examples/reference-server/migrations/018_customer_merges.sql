-- Entity resolution's merges (src/resolution.ts): two customer records of one person
-- made one. A merge keeps everything an unmerge needs to put back exactly what was
-- there: the golden record's body before, the absorbed record as it was, the records
-- re-linked from it (their customer, or their place in a household's members), and the
-- source identities that now resolve to the golden record. The absorbed record leaves
-- `records`; the change feed says so (a `leave` to whoever could see it).
CREATE TABLE IF NOT EXISTS customer_merges (
  id bigserial PRIMARY KEY,
  golden_id text NOT NULL,
  merged_id text NOT NULL,
  golden_before jsonb NOT NULL,
  merged_body jsonb NOT NULL,
  moved jsonb NOT NULL,
  identities jsonb NOT NULL,
  choices jsonb NOT NULL,
  merged_by text NOT NULL,
  merged_at timestamptz NOT NULL DEFAULT now(),
  unmerged_by text,
  unmerged_at timestamptz
);
CREATE INDEX IF NOT EXISTS customer_merges_golden ON customer_merges (golden_id, id);
CREATE UNIQUE INDEX IF NOT EXISTS customer_merges_live ON customer_merges (merged_id) WHERE unmerged_at IS NULL;

-- Pairs a person decided are two people: never proposed again, never merged.
CREATE TABLE IF NOT EXISTS resolution_apart (
  pair text PRIMARY KEY,
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now()
);
