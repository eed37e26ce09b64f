-- A holding's account or card number is its natural key: the call centre finds a
-- caller by the card they read out (src/scope-sql.ts, searchSql), as a bank's
-- card system would answer. Holdings written before this keep theirs from the
-- body; the backfill is not a change anyone follows (bankcrm.quiet).
SET LOCAL bankcrm.quiet = 'on';
UPDATE records SET natural_key = body ->> 'accountNumber'
WHERE collection = 'holdings' AND natural_key IS NULL AND body ? 'accountNumber';
CREATE INDEX IF NOT EXISTS records_account ON records (natural_key) WHERE collection = 'holdings';
