/**
 * What every serving process of the reference server does with its settings: the app from the environment, the change
 * feed's pruning, and stopping gracefully on a signal. `main.ts` (the API alone) and `demo-bank.ts` (`pnpm start`: the
 * API with the bank's pages on one origin) both use them.
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type * as z from "zod";
import { CommissionSchemeSchema } from "@bankcrm/core";
import { RetentionTableSchema, retentionTableOf, SalePolicySchema, salePolicyOf } from "@bankcrm/core/compliance";
import { createApp, type SalesSettings } from "./app.js";
import type { AuthOptions } from "./auth.js";
import type { Database } from "./database.js";
import { stopGracefully } from "./shutdown.js";

/** A setting that cannot be used: the process says which and stops. */
export class SettingError extends Error {}

/**
 * A JSON file a setting names (COMMISSION_SCHEME, SALE_POLICY, RETENTION), checked by its schema before the server starts: the
 * first problem, with its path in the file, stops the process.
 */
function jsonSetting<T>(name: string, file: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!file) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SettingError(`${name} ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new SettingError(`${name} ${file}: ${first.path.join(".") || "(the file)"}: ${first.message}`);
  }
  return parsed.data;
}

/** The bank's retention table (RETENTION: a JSON file, over core's default), for the app and the purge command. */
export function retentionFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const written = jsonSetting("RETENTION", env.RETENTION, RetentionTableSchema);
  return written ? retentionTableOf(written) : undefined;
}

/**
 * The app as RATE_LIMIT, FREE_TEXT_IDENTIFIERS, CORS_ORIGINS, COMMISSION_SCHEME, SALE_POLICY, RETENTION, SENSITIVE_CONSENT and REFERRAL_CREDIT say (`sales`: what
 * the demo bank adds — its scheme, staff and sale policy); `stopping` ends its open change streams.
 */
export function appFromEnv(
  db: Database,
  auth: AuthOptions,
  stopping: AbortSignal,
  env: NodeJS.ProcessEnv = process.env,
  now?: () => Date,
  sales: SalesSettings = {},
) {
  const perMinute = env.RATE_LIMIT !== undefined ? Number(env.RATE_LIMIT) : 1200;
  const freeText = env.FREE_TEXT_IDENTIFIERS ?? "mask";
  if (freeText !== "mask" && freeText !== "refuse")
    throw new SettingError(`FREE_TEXT_IDENTIFIERS is "mask" or "refuse", not "${freeText}"`);
  const scheme = jsonSetting("COMMISSION_SCHEME", env.COMMISSION_SCHEME, CommissionSchemeSchema) ?? sales.scheme;
  const written = jsonSetting("SALE_POLICY", env.SALE_POLICY, SalePolicySchema);
  const salePolicy = written ? salePolicyOf(written) : sales.salePolicy;
  const retention = retentionFromEnv(env);
  const sensitive = env.SENSITIVE_CONSENT ?? "none";
  if (sensitive !== "none" && sensitive !== "required")
    throw new SettingError(`SENSITIVE_CONSENT is "none" or "required", not "${sensitive}"`);
  const referralShare = env.REFERRAL_CREDIT !== undefined ? Number(env.REFERRAL_CREDIT) : sales.referralShare;
  if (referralShare !== undefined && !(referralShare >= 0 && referralShare <= 1))
    throw new SettingError(`REFERRAL_CREDIT is a share from 0 to 1, not "${env.REFERRAL_CREDIT}"`);
  return createApp(db, {
    auth,
    sales: {
      ...sales,
      ...(scheme ? { scheme } : {}),
      ...(referralShare !== undefined ? { referralShare } : {}),
      ...(salePolicy ? { salePolicy } : {}),
    },
    stopping,
    rateLimit: perMinute > 0 ? { perMinute } : false,
    ...(env.LOAD_MAPPINGS ? { loadMappings: env.LOAD_MAPPINGS } : {}),
    ...(retention ? { retention } : {}),
    ...(sensitive === "required" ? { sensitiveConsent: true } : {}),
    freeTextIdentifiers: freeText,
    ...(now ? { now } : {}),
    ...(env.CORS_ORIGINS ? { corsOrigins: env.CORS_ORIGINS.split(",").map((o) => o.trim()) } : {}),
  });
}

/** Drops the Idempotency-Key answers stored before `before`; how many. */
export async function pruneIdempotency(db: Pick<Database, "query">, before: Date): Promise<number> {
  const r = await db.query<{ n: number }>(
    "WITH gone AS (DELETE FROM idempotency WHERE created_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone",
    [before.toISOString()],
  );
  return r.rows[0]!.n;
}

/**
 * What the server keeps only for a while, pruned now and every hour (any process may; it is idempotent): the change
 * feed's FEED_RETENTION_DAYS of changes (30), and IDEMPOTENCY_RETENTION_DAYS of Idempotency-Key answers (30) — set it
 * above the clients' longest offline period: a retry sent after its answer is gone is a new request (a create whose id
 * is taken is a 412 with the stored record).
 */
export function pruneFeed(db: Database, env: NodeJS.ProcessEnv = process.env) {
  const days = (name: "FEED_RETENTION_DAYS" | "IDEMPOTENCY_RETENTION_DAYS") => {
    const n = Number(env[name] ?? 30);
    if (!(n > 0)) throw new SettingError(`${name} is a number of days above 0, not "${env[name]}"`);
    return n;
  };
  const [feedDays, keyDays] = [days("FEED_RETENTION_DAYS"), days("IDEMPOTENCY_RETENTION_DAYS")];
  const ago = (n: number) => new Date(Date.now() - n * 86_400_000);
  const prune = () =>
    Promise.all([db.changes.prune(ago(feedDays)), pruneIdempotency(db, ago(keyDays))]).catch((error: Error) => {
      console.error("bankcrm reference server: pruning failed:", error.message);
    });
  void prune();
  setInterval(() => void prune(), 3_600_000).unref();
}

/**
 * The first SIGINT / SIGTERM stops gracefully — the change streams end, what is in flight finishes (SHUTDOWN_GRACE_MS),
 * then the database closes — and a second one at once.
 */
export function stopOnSignals(
  server: Server,
  db: Database,
  streams: AbortController,
  env: NodeJS.ProcessEnv = process.env,
  handlersSettled?: () => Promise<void>,
) {
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    streams.abort();
    const graceMs = Number(env.SHUTDOWN_GRACE_MS ?? 10_000);
    stopGracefully(server, () => db.close(), { graceMs, ...(handlersSettled ? { handlersSettled } : {}) }).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`bankcrm reference server: stopping: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
