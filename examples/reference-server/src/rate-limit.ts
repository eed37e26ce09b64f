/**
 * A per-principal token bucket: `perMinute` requests a minute on average, up to
 * `burst` at once. A refused request learns how many seconds until a token is
 * back (the 429's Retry-After, which the outbox honours).
 *
 * Two homes for the buckets: this process's memory (`createRateLimiter`; PGlite,
 * which is one process by construction, and tests with a clock of their own),
 * or PostgreSQL (`createSharedRateLimiter`), where every server process behind
 * a balancer takes from the same bucket — one statement a request, the row
 * locked only for that statement, on the database's clock.
 */
import type { Sql } from "./sql.js";

export interface RateLimit {
  perMinute: number;
  /** Default: a tenth of a minute's worth, at least 20. */
  burst?: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };
export type RateLimiter = (key: string) => RateDecision | Promise<RateDecision>;

const burstOf = (limit: RateLimit) => limit.burst ?? Math.max(20, Math.ceil(limit.perMinute / 10));

/** The decision for a bucket holding `tokens` after this request's take (or refusal). */
function decision(allowed: boolean, tokens: number, perMs: number): RateDecision {
  return allowed ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
}

export function createRateLimiter(limit: RateLimit, now: () => number = Date.now): RateLimiter {
  const perMs = limit.perMinute / 60_000;
  const burst = burstOf(limit);
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (key: string): RateDecision => {
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.set(key, bucket);
    if (buckets.size > 10_000)
      // Forget callers whose bucket is full again: they are the same as new ones.
      for (const [k, b] of buckets) if (b.tokens + (t - b.at) * perMs >= burst) buckets.delete(k);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    return decision(allowed, bucket.tokens, perMs);
  };
}

/**
 * Refills the caller's bucket for the time since its last request, takes a token if one is
 * there, and says whether it did — one upsert. `$2` burst, `$3` tokens a millisecond.
 */
const TAKE = `
WITH t AS (SELECT extract(epoch FROM clock_timestamp()) * 1000 AS now_ms)
INSERT INTO rate_buckets AS b (principal, tokens, at_ms, allowed)
SELECT $1, $2::float8 - 1, t.now_ms, true FROM t
ON CONFLICT (principal) DO UPDATE SET
  tokens = least($2::float8, b.tokens + greatest(0, EXCLUDED.at_ms - b.at_ms) * $3::float8)
    - CASE WHEN least($2::float8, b.tokens + greatest(0, EXCLUDED.at_ms - b.at_ms) * $3::float8) >= 1 THEN 1 ELSE 0 END,
  allowed = least($2::float8, b.tokens + greatest(0, EXCLUDED.at_ms - b.at_ms) * $3::float8) >= 1,
  at_ms = greatest(b.at_ms, EXCLUDED.at_ms)
RETURNING allowed, tokens`;

/** Buckets full again are the same as none: swept at most once a minute, by whichever process is asked. */
const SWEEP = `DELETE FROM rate_buckets WHERE at_ms < extract(epoch FROM clock_timestamp()) * 1000 - $1::float8`;

export function createSharedRateLimiter(db: Pick<Sql, "query">, limit: RateLimit): RateLimiter {
  const perMs = limit.perMinute / 60_000;
  const burst = burstOf(limit);
  let sweptAt = Date.now();
  return async (key: string): Promise<RateDecision> => {
    if (Date.now() - sweptAt > 60_000) {
      sweptAt = Date.now();
      db.query(SWEEP, [burst / perMs]).catch(() => undefined); // a missed sweep only keeps rows a minute longer
    }
    const { rows } = await db.query<{ allowed: boolean; tokens: number }>(TAKE, [key, burst, perMs]);
    return decision(rows[0]!.allowed, rows[0]!.tokens, perMs);
  };
}

/** The server's limiter: none, or on a PostgreSQL server — where several processes may serve — the database's. */
export function rateLimiterFor(db: Pick<Sql, "query"> & { kind: "pglite" | "postgres" }, limit: RateLimit | false) {
  if (limit === false) return undefined;
  return db.kind === "postgres" ? createSharedRateLimiter(db, limit) : createRateLimiter(limit);
}
