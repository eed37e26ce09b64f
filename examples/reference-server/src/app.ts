/**
 * The REST contract of docs/api/openapi.yaml, on hono: what every request
 * passes through — CORS, the contract's headers, a verified bearer token and
 * the caller's rate limit, the body limit — and then the routes, a group a file
 * (`routes/*.ts`, mounted with `app.route`, hono's own pattern). Records are
 * validated with @bankcrm/core's schemas, errors are application/problem+json,
 * writes carry ETag / If-Match (412 with the current record, never a silent
 * overwrite) and an Idempotency-Key.
 */
import { customerFieldCatalog } from "@bankcrm/core";
import { requireSensitiveConsent, type RetentionTable } from "@bankcrm/core/compliance";
import { decodeJwt } from "jose";
import { Hono, type Context } from "hono";
import { cors } from "hono/cors";
import { REST_CONTRACT_HEADER, REST_CONTRACT_VERSION, type FreeTextPolicy } from "@bankcrm/core";
import { AuthError, createVerifier, isCustomer, type AuthOptions, type Caller, type Verifier } from "./auth.js";
import { limitBody } from "./body-limit.js";
import { etagOf, type Database } from "./database.js";
import { problem, type Env } from "./http.js";
import { rateLimiterFor, type RateLimit } from "./rate-limit.js";
import { analyticsRoutes } from "./routes/analytics.js";
import { auditRoutes } from "./routes/audit.js";
import { campaignRoutes } from "./routes/campaigns.js";
import { changeRoutes } from "./routes/changes.js";
import type { RouteContext, SalesSettings } from "./routes/context.js";
import { customerRoutes } from "./routes/customers.js";
import { importRoutes } from "./routes/imports.js";
import { portalRoutes } from "./routes/portal.js";
import { verifyRoutes } from "./routes/verify.js";
import { recordRoutes } from "./routes/records.js";
import { salesRoutes } from "./routes/sales.js";
import { loadRoutes } from "./routes/load.js";
import { resolutionRoutes } from "./routes/resolution.js";
import { complianceReportRoutes } from "./routes/compliance-reports.js";
import { personalDataRoutes } from "./routes/personal-data.js";
import { segmentExportRoutes } from "./routes/segment-export.js";
import { writePath } from "./write-path.js";

export { MAX_REVEAL_REASON } from "./routes/audit.js";
export { unmaskInto } from "./write-path.js";
export { etagOf };
export type { SalesSettings };

export interface AppOptions {
  /** How bearer tokens are verified: AUTH_SECRET / AUTH_JWKS_URL settings, or a verifier of your own. */
  auth: AuthOptions | Verifier;
  /** Origins allowed to call from a browser (CORS). Default: any. */
  corsOrigins?: string[];
  /**
   * Requests per principal; `false` turns the limit off (benchmarks). Default 1,200 a minute, bursts of 120.
   * On a PostgreSQL server the buckets are the database's, shared by every process (rate-limit.ts).
   */
  rateLimit?: RateLimit | false;
  /** The server's clock (audit rows). */
  now?: () => Date;
  /**
   * A customer's name, ID number, mobile, e-mail or account number typed into free text (titles, summaries,
   * notes): `"mask"` it there before storing (default), or `"refuse"` the write with a 422 on the field.
   */
  freeTextIdentifiers?: FreeTextPolicy;
  /** Aborted when the server begins to stop: open change streams end, so a graceful stop does not wait on them. */
  stopping?: AbortSignal;
  /** The commission scheme, the referrer's credit and the staff directory `GET /sales/performance` works with. */
  sales?: SalesSettings;
  /** The directory of mapping files data feeds load by (`POST /load/{name}`; LOAD_MAPPINGS). */
  loadMappings?: string;
  /** How long the bank keeps what names a person (RETENTION; default core's `DEFAULT_RETENTION`). */
  retention?: RetentionTable;
  /** A separate consent for financial account information in segments for a purpose (SENSITIVE_CONSENT=required). */
  sensitiveConsent?: boolean;
}

/** Request bodies over this are refused (413); bulk imports get more. */
export const BODY_LIMIT = 1024 * 1024;
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

/** The named routes first; the generic `/:collection` ones last, so they never shadow a named one. */
const ROUTES = [
  customerRoutes,
  auditRoutes,
  verifyRoutes,
  analyticsRoutes,
  segmentExportRoutes,
  importRoutes,
  loadRoutes,
  changeRoutes,
  campaignRoutes,
  salesRoutes,
  portalRoutes,
  resolutionRoutes,
  complianceReportRoutes,
  personalDataRoutes,
  recordRoutes,
];

export function createApp(db: Database, options: AppOptions) {
  const app = new Hono<Env>();
  const verify: Verifier = typeof options.auth === "function" ? options.auth : createVerifier(options.auth);
  const limiter = rateLimiterFor(db, options.rateLimit ?? { perMinute: 1200, burst: 120 });
  const freeText = options.freeTextIdentifiers ?? "mask";
  const context: RouteContext = {
    db,
    now: options.now ?? (() => new Date()),
    freeText,
    write: writePath(db, freeText),
    stopping: options.stopping,
    sales: options.sales ?? {},
    loadMappings: options.loadMappings,
    retention: options.retention,
    catalog: options.sensitiveConsent ? requireSensitiveConsent(customerFieldCatalog) : customerFieldCatalog,
  };

  // Browsers on another origin (a portal, a test page) preflight before sending
  // the bearer token; the preflight is answered before authentication.
  app.use(
    "*",
    cors({
      origin: options.corsOrigins ?? "*",
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "If-Match"],
      allowMethods: ["GET", "POST", "PUT", "OPTIONS"],
      exposeHeaders: ["ETag", "Retry-After", REST_CONTRACT_HEADER],
      maxAge: 600,
    }),
  );

  // Every answer says which contract it speaks, so a client of another major version stops cleanly;
  // none is kept by a cache (personal data), and none is sniffed into another type.
  app.use("*", async (c, next) => {
    await next();
    c.header(REST_CONTRACT_HEADER, REST_CONTRACT_VERSION);
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
  });

  // Who is calling: a verified JWT, or 401. Then the caller's own rate limit.
  app.use("*", async (c, next) => {
    const auth = c.req.header("Authorization") ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice(7).trim() : "";
    let principal: Caller;
    try {
      if (token === "") throw new AuthError("a bearer token is required");
      principal = await verify(token);
    } catch (error) {
      const detail = error instanceof AuthError ? error.message : "invalid token";
      c.header("WWW-Authenticate", `Bearer realm="bankcrm", error="invalid_token"`);
      return problem(c, 401, "Unauthorized", detail);
    }
    const decision = await limiter?.(principal.id);
    if (decision && !decision.ok) {
      c.header("Retry-After", String(decision.retryAfterSeconds));
      return problem(c, 429, "Too many requests", `retry after ${decision.retryAfterSeconds} s`);
    }
    // A customer reaches the portal's routes only; staff never do. Anything else does not exist for them (404).
    const portal = c.req.path === "/me" || c.req.path.startsWith("/me/");
    if (isCustomer(principal) !== portal) return problem(c, 404, "Not found");
    if (isCustomer(principal)) c.set("customer", principal);
    else c.set("principal", principal);
    c.set("expiresAt", (decodeJwt(token).exp ?? 0) * 1000); // verified above: its exp is there and signed
    await next();
  });

  // Bodies over the limit (1 MB; 16 MB for bulk imports) are refused with 413 after the rest is read and discarded,
  // so the client is still listening when the answer comes (body-limit.ts); only a body too big to drain closes.
  const tooLarge = (c: Context, close: boolean) => {
    if (close) c.header("Connection", "close");
    return problem(c, 413, "Payload too large", "the request body is over this route's limit", {
      code: "payload_too_large",
    });
  };
  const importLimit = limitBody({ maxSize: IMPORT_BODY_LIMIT, onRefuse: tooLarge });
  const bodyLimitDefault = limitBody({ maxSize: BODY_LIMIT, onRefuse: tooLarge });
  app.use("*", (c, next) =>
    c.req.path.startsWith("/load/")
      ? next() // a source file, streamed to disk: as large as the bank's extract
      : c.req.path.startsWith("/import/")
        ? importLimit(c as never, next)
        : bodyLimitDefault(c as never, next),
  );

  for (const routes of ROUTES) app.route("/", routes(context));

  app.notFound((c) => problem(c, 404, "Not found"));
  app.onError((error, c) => {
    // The detail never carries the error's message: it may quote SQL or data.
    console.error("bankcrm reference server:", error);
    return problem(c, 500, "Internal error");
  });
  return app;
}
