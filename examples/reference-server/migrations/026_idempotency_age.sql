-- When each Idempotency-Key's answer was stored, so answers older than the clients' longest
-- offline period are dropped (IDEMPOTENCY_RETENTION_DAYS, hourly with the change feed's pruning):
-- the table grew by one row per POST forever, each holding the record it answered with — personal
-- data kept past any need. Rows before this migration count from now. BRIN: rows arrive in time order.
ALTER TABLE idempotency ADD COLUMN IF NOT EXISTS created_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS idempotency_created ON idempotency USING brin (created_at);
