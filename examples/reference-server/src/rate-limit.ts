/**
 * A per-principal token bucket: `perMinute` requests a minute on average, up to
 * `burst` at once. A refused request learns how many seconds until a token is
 * back (the 429's Retry-After, which the outbox honours). In memory, per
 * process: several server processes behind a balancer each allow the rate.
 */
export interface RateLimit {
  perMinute: number;
  /** Default: a tenth of a minute's worth, at least 20. */
  burst?: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export function createRateLimiter(limit: RateLimit, now: () => number = Date.now) {
  const perMs = limit.perMinute / 60_000;
  const burst = limit.burst ?? Math.max(20, Math.ceil(limit.perMinute / 10));
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
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  };
}
