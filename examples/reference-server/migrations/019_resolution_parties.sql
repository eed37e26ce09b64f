-- Entity resolution set-based, for the bank's book (src/resolution-book.ts). Each customer
-- record folded once, as core's `partyOf` folds it (the name in simplified hanzi and in
-- pinyin, surname apart, the resident ID upgraded to 18, the mobile as eleven digits, the
-- address as tokens, core's blocking keys) — the folding needs opencc-js and pinyin-pro, so
-- the server's Node fills it, and only for records whose ETag changed since. Blocking and the
-- comparisons then run here, over a million records, without handing them to Node.
CREATE TABLE IF NOT EXISTS resolution_parties (
  record_id text PRIMARY KEY,
  etag text NOT NULL,
  kind text NOT NULL,
  han text NOT NULL,
  surname text NOT NULL,
  given text NOT NULL,
  surname_pinyin text NOT NULL,
  given_pinyin text NOT NULL,
  -- Typed in pinyin (no hanzi): its name's orders are both kept in `orders`.
  latin boolean NOT NULL,
  orders text[] NOT NULL,
  birth_date text,
  id_key text,
  id_valid boolean,
  mobile text,
  email text,
  address text[],
  uscc text,
  uscc_valid boolean,
  registration text,
  company text,
  legal_representative text,
  keys text[] NOT NULL
);

-- The comparisons' string tests, in PL/pgSQL: its loops over a short string's characters run
-- several times faster here than set-returning SQL would, and stop at the second difference.

-- Two strings of one length one character apart (a mobile, an ID number, a USCC mistyped once).
CREATE OR REPLACE FUNCTION resolution_one_off(a text, b text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  n int := length(a);
  diff int := 0;
BEGIN
  IF n <> length(b) THEN RETURN false; END IF;
  FOR i IN 1..n LOOP
    IF substr(a, i, 1) <> substr(b, i, 1) THEN
      diff := diff + 1;
      IF diff > 1 THEN RETURN false; END IF;
    END IF;
  END LOOP;
  RETURN diff = 1;
END $$;

-- Levenshtein distance at most one: the same, one character changed, or one added or left out.
CREATE OR REPLACE FUNCTION resolution_one_edit(a text, b text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  la int := length(a);
  lb int := length(b);
  s text;
  l text;
  i int := 1;
BEGIN
  IF a = b THEN RETURN true; END IF;
  IF la = lb THEN RETURN resolution_one_off(a, b); END IF;
  IF abs(la - lb) > 1 THEN RETURN false; END IF;
  IF la < lb THEN s := a; l := b; ELSE s := b; l := a; END IF;
  -- The first difference: the longer string's character there is the one added.
  WHILE i <= length(s) AND substr(s, i, 1) = substr(l, i, 1) LOOP
    i := i + 1;
  END LOOP;
  RETURN substr(s, i) = substr(l, i + 1);
END $$;

-- Whether two strings could be one edit apart: one edit leaves the first half (of the shorter
-- one's length) or the rest the same in both. Plain SQL, inlined where it is called: it turns
-- away nearly every pair of strangers before the loops above look at them.
CREATE OR REPLACE FUNCTION resolution_near(a text, b text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT abs(length(a) - length(b)) <= 1 AND (
    left(a, least(length(a), length(b)) / 2) = left(b, least(length(a), length(b)) / 2)
    OR right(a, (least(length(a), length(b)) + 1) / 2) = right(b, (least(length(a), length(b)) + 1) / 2))
$$;

-- Two addresses' level: same (Jaccard ≥ 0.8 of their distinct tokens), close (≥ 0.5), different; null without one.
CREATE OR REPLACE FUNCTION resolution_address_level(a text[], b text[]) RETURNS smallint
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  common int := 0;
  j float8;
  t text;
BEGIN
  IF coalesce(cardinality(a), 0) = 0 OR coalesce(cardinality(b), 0) = 0 THEN RETURN NULL; END IF;
  FOREACH t IN ARRAY a LOOP
    IF t = ANY (b) THEN common := common + 1; END IF;
  END LOOP;
  j := common::float8 / greatest(cardinality(a) + cardinality(b) - common, 1);
  RETURN CASE WHEN j >= 0.8 THEN 0 WHEN j >= 0.5 THEN 1 ELSE 2 END;
END $$;

-- A pair's levels, one per comparison in core's order (model.ts INDIVIDUAL_COMPARISONS /
-- CORPORATE_COMPARISONS), null where a side lacks the value. test/resolution-book.test.ts
-- checks these against core's levels for every candidate pair of the labelled benchmark.
CREATE OR REPLACE FUNCTION resolution_levels(a resolution_parties, b resolution_parties) RETURNS smallint[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN a.kind = 'individual' THEN ARRAY[
    -- surname: exact, pinyin, different
    CASE WHEN a.surname = b.surname AND NOT a.latin THEN 0
         WHEN a.orders && b.orders OR a.surname_pinyin = b.surname_pinyin THEN 1 ELSE 2 END,
    -- given: exact, pinyin, oneCharacterOff, different
    CASE WHEN a.given = '' AND b.given = '' THEN NULL
         WHEN a.given = b.given AND NOT a.latin THEN 0
         WHEN a.orders && b.orders OR (a.given_pinyin <> '' AND a.given_pinyin = b.given_pinyin) THEN 1
         WHEN NOT a.latin AND NOT b.latin AND least(length(a.given), length(b.given)) >= 2
              AND resolution_near(a.given, b.given) AND resolution_one_edit(a.given, b.given) THEN 2
         WHEN length(a.given_pinyin) >= 4 AND resolution_near(a.given_pinyin, b.given_pinyin)
              AND resolution_one_edit(a.given_pinyin, b.given_pinyin) THEN 2
         ELSE 3 END,
    -- birthDate: exact, dayMonthTransposed, different
    CASE WHEN a.birth_date IS NULL OR b.birth_date IS NULL THEN NULL
         WHEN a.birth_date = b.birth_date THEN 0
         WHEN left(a.birth_date, 4) = left(b.birth_date, 4) AND substr(a.birth_date, 6, 2) = substr(b.birth_date, 9, 2)
              AND substr(a.birth_date, 9, 2) = substr(b.birth_date, 6, 2) THEN 1
         ELSE 2 END,
    -- idNumber: exact, oneDigitOff, different, conflict (two valid numbers that differ)
    CASE WHEN a.id_key IS NULL OR b.id_key IS NULL THEN NULL
         WHEN a.id_key = b.id_key THEN 0
         WHEN resolution_near(a.id_key, b.id_key) AND resolution_one_off(a.id_key, b.id_key) THEN 1
         WHEN a.id_valid AND b.id_valid THEN 3 ELSE 2 END,
    -- mobile: exact, oneDigitOff, different
    CASE WHEN a.mobile IS NULL OR b.mobile IS NULL THEN NULL
         WHEN a.mobile = b.mobile THEN 0
         WHEN resolution_near(a.mobile, b.mobile) AND resolution_one_off(a.mobile, b.mobile) THEN 1 ELSE 2 END,
    -- email: exact, different
    CASE WHEN a.email IS NULL OR b.email IS NULL THEN NULL WHEN a.email = b.email THEN 0 ELSE 1 END,
    -- address: same (Jaccard ≥ 0.8), close (≥ 0.5), different
    CASE WHEN a.address && b.address THEN resolution_address_level(a.address, b.address)
         WHEN coalesce(cardinality(a.address), 0) = 0 OR coalesce(cardinality(b.address), 0) = 0 THEN NULL ELSE 2 END
  ]::smallint[] ELSE ARRAY[
    -- companyName: exact, oneCharacterOff, different
    CASE WHEN coalesce(a.company, '') = '' OR coalesce(b.company, '') = '' THEN NULL
         WHEN a.company = b.company THEN 0
         WHEN resolution_near(a.company, b.company) AND resolution_one_edit(a.company, b.company) THEN 1 ELSE 2 END,
    -- uscc: exact, oneCharacterOff, different, conflict (two valid codes that differ)
    CASE WHEN coalesce(a.uscc, '') = '' OR coalesce(b.uscc, '') = '' THEN NULL
         WHEN a.uscc = b.uscc THEN 0
         WHEN resolution_near(a.uscc, b.uscc) AND resolution_one_off(a.uscc, b.uscc) THEN 1
         WHEN a.uscc_valid AND b.uscc_valid THEN 3 ELSE 2 END,
    -- registrationNumber: exact, different
    CASE WHEN coalesce(a.registration, '') = '' OR coalesce(b.registration, '') = '' THEN NULL
         WHEN a.registration = b.registration THEN 0 ELSE 1 END,
    -- legalRepresentative: exact, different
    CASE WHEN coalesce(a.legal_representative, '') = '' OR coalesce(b.legal_representative, '') = '' THEN NULL
         WHEN a.legal_representative = b.legal_representative THEN 0 ELSE 1 END,
    CASE WHEN a.mobile IS NULL OR b.mobile IS NULL THEN NULL
         WHEN a.mobile = b.mobile THEN 0
         WHEN resolution_near(a.mobile, b.mobile) AND resolution_one_off(a.mobile, b.mobile) THEN 1 ELSE 2 END,
    CASE WHEN a.address && b.address THEN resolution_address_level(a.address, b.address)
         WHEN coalesce(cardinality(a.address), 0) = 0 OR coalesce(cardinality(b.address), 0) = 0 THEN NULL ELSE 2 END
  ]::smallint[] END
$$;

-- The job's review queue: the pairs between the thresholds its last run left for a person
-- (ids as they are after its merges), with their evidence. GET /resolution/review reads it
-- once a run has finished; before any, it resolves the caller's own customers live.
CREATE TABLE IF NOT EXISTS resolution_reviews (
  pair text PRIMARY KEY,
  a text NOT NULL,
  b text NOT NULL,
  weight float8 NOT NULL,
  probability float8 NOT NULL,
  evidence jsonb NOT NULL,
  rule text
);
CREATE INDEX IF NOT EXISTS resolution_reviews_weight ON resolution_reviews (weight DESC);
CREATE TABLE IF NOT EXISTS resolution_runs (
  id bigserial PRIMARY KEY,
  finished_at timestamptz NOT NULL DEFAULT now(),
  summary jsonb NOT NULL
);

-- A merge whose two records had different relationship managers: which the rule kept and the
-- other (GET /resolution/conflicts lists them for the branch manager).
ALTER TABLE customer_merges ADD COLUMN IF NOT EXISTS rm_conflict jsonb;
