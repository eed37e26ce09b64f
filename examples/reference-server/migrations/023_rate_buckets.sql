-- The rate limit's token buckets, one per principal, shared by every server process on the
-- database (src/rate-limit.ts): a balancer spreading one caller's requests over N processes
-- still allows the caller the rate once, not N times. The clock is the database's, so the
-- processes' own clocks need not agree. UNLOGGED: a crash forgets the buckets, which only
-- fills every one again — nothing of the bank's is lost, and no write-ahead log is spent on it.
CREATE UNLOGGED TABLE IF NOT EXISTS rate_buckets (
  principal text PRIMARY KEY,
  tokens double precision NOT NULL,
  at_ms double precision NOT NULL,
  allowed boolean NOT NULL
);
