-- Core's idNumber comparison (src/resolution/model.ts in @bankcrm/core) compares two
-- documents only when they are of one kind: a resident ID with a resident ID, a passport
-- with a passport of the same country. A resident ID beside a passport said "different"
-- before, and the guard that sends differing ID numbers to review sent every such pair
-- there (measured on the labelled benchmark with half the other systems' records holding
-- a passport: recall 0.51, 4,922 pairs to review). resolution_levels as 019 has it, with
-- that one case.
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
         -- a resident ID and a passport, or documents of different kinds or countries: nothing to compare
         WHEN split_part(a.id_key, ':', 1) || ':' || split_part(a.id_key, ':', 2)
              <> split_part(b.id_key, ':', 1) || ':' || split_part(b.id_key, ':', 2)
              AND (strpos(a.id_key, ':') > 0 OR strpos(b.id_key, ':') > 0) THEN NULL
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
