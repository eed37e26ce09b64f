/**
 * The REST contract of docs/api/openapi.yaml, on hono. Bearer tokens on every
 * request, records validated with @bankcrm/core's schemas, errors as
 * application/problem+json, ETag / If-Match on updates (412 with the current
 * record, never a silent overwrite), and Idempotency-Key on POST /leads (same
 * key and body: the stored response; same key, other body: 422).
 */
import { createHash } from "node:crypto";
import { Hono, type Context } from "hono";
import { cors } from "hono/cors";
import {
  applyCustomerChange,
  assertCanWrite,
  customerFieldCatalog,
  toSql,
  validateSegment,
  type SegmentDefinition,
  authorizeReveal,
  canReadConfidential,
  customerScopeOf,
  FINANCIAL_READER_ROLES,
  isMasked,
  maskRecord,
  REST_CONTRACT_HEADER,
  REST_CONTRACT_VERSION,
  REVEALABLE_FIELDS,
  applyTransition,
  collectionSpec,
  collectionSchemas,
  isAccessDeniedError,
  isCollectionName,
  isTransitionError,
  isValidationError,
  isInvalidArgumentError,
  validate,
  versionOf,
  WRITABLE_COLLECTIONS,
  type Customer,
  type FieldError,
  type FreeTextPolicy,
} from "@bankcrm/core";
import { appendAudit, auditRefusal, countRefusals, listAudit, verifyAudit, type RevealRefusal } from "./audit.js";
import { limitBody } from "./body-limit.js";
import { clearFreeText } from "./free-text.js";
import { AuthError, createVerifier, LOAD_SCOPE, type AuthOptions, type Principal, type Verifier } from "./auth.js";
import { COLLECTIONS, etagOf, type Collection, type Database, type Reader } from "./database.js";
import { createRateLimiter, type RateLimit } from "./rate-limit.js";
import type { Sql } from "./sql.js";

const SCHEMAS = collectionSchemas;

export interface AppOptions {
  /** How bearer tokens are verified: AUTH_SECRET / AUTH_JWKS_URL settings, or a verifier of your own. */
  auth: AuthOptions | Verifier;
  /** Origins allowed to call from a browser (CORS). Default: any. */
  corsOrigins?: string[];
  /** Requests per principal; `false` turns the limit off (benchmarks). Default 1,200 a minute, bursts of 120. */
  rateLimit?: RateLimit | false;
  /** The server's clock (audit rows). */
  now?: () => Date;
  /**
   * A customer's name, ID number, mobile, e-mail or account number typed into free text (titles, summaries,
   * notes): `"mask"` it there before storing (default), or `"refuse"` the write with a 422 on the field.
   */
  freeTextIdentifiers?: FreeTextPolicy;
}

type Env = { Variables: { principal: Principal } };

function problem(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route's context
  c: Context<any, any, any>,
  status: number,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
) {
  return c.body(
    JSON.stringify({
      type: `https://bankcrm.dev/problems/${status}`,
      title,
      status,
      ...(detail ? { detail } : {}),
      ...extra,
    }),
    status as 400,
    {
      "Content-Type": "application/problem+json",
    },
  );
}

/** A date, or an instant with its offset: 2026-12-01, 2026-12-01T08:00:00Z, 2026-12-01T16:00:00.000+08:00. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** A parsed JSON body as an object to read fields from: anything else (null, an array, a number) reads as empty. */
const objectOf = (body: unknown): Record<string, unknown> =>
  typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
const optionalObject = (value: unknown) =>
  value === undefined || (typeof value === "object" && value !== null && !Array.isArray(value));
const clampLimit = (value: string | undefined) => Math.max(1, Math.min(1000, Number.parseInt(value ?? "50", 10) || 50));
const hashOf = (body: unknown) => createHash("sha256").update(JSON.stringify(body)).digest("hex");
/** Request bodies over this are refused (413); bulk imports get more. */
export const BODY_LIMIT = 1024 * 1024;
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;
/** A reveal's stated reason is kept in the audit row: at most this long. */
export const MAX_REVEAL_REASON = 500;
/** What a refused request named (an id, a field) is kept in its audit row up to this length. */
const MAX_AUDITED_TEXT = 128;
/** JSON with object keys sorted: jsonb keeps its own key order, so stored and sent values compare by this. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

function readPath(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split("."))
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * A record sent back with masked identifiers (as every response carries them)
 * gets the stored values there again: where the incoming value is masked and
 * equals the stored record's masked value, the stored value is kept. A masked
 * value that does not match is left for validation to refuse.
 */
export function unmaskInto(incoming: unknown, stored: unknown, storedMasked: unknown): unknown {
  if (typeof incoming === "string")
    return isMasked(incoming) && incoming === storedMasked && typeof stored === "string" ? stored : incoming;
  if (Array.isArray(incoming))
    return incoming.map((item, i) =>
      unmaskInto(
        item,
        Array.isArray(stored) ? stored[i] : undefined,
        Array.isArray(storedMasked) ? storedMasked[i] : undefined,
      ),
    );
  if (typeof incoming === "object" && incoming !== null) {
    const s = (typeof stored === "object" && stored !== null ? stored : {}) as Record<string, unknown>;
    const m = (typeof storedMasked === "object" && storedMasked !== null ? storedMasked : {}) as Record<
      string,
      unknown
    >;
    return Object.fromEntries(Object.entries(incoming).map(([k, v]) => [k, unmaskInto(v, s[k], m[k])]));
  }
  return incoming;
}

export function createApp(db: Database, options: AppOptions) {
  const app = new Hono<Env>();
  const verify: Verifier = typeof options.auth === "function" ? options.auth : createVerifier(options.auth);
  const limiter =
    options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit ?? { perMinute: 1200, burst: 120 });
  const now = options.now ?? (() => new Date());
  const freeText = options.freeTextIdentifiers ?? "mask";
  /** One record with its free text cleared of its person's identifiers (or the refusal, thrown). */
  const cleared = async (collection: Collection, record: Record<string, unknown>, target: Sql = db.driver) =>
    (await clearFreeText(target, collection, [record], freeText))[0]!;

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
    let principal: Principal;
    try {
      if (token === "") throw new AuthError("a bearer token is required");
      principal = await verify(token);
    } catch (error) {
      const detail = error instanceof AuthError ? error.message : "invalid token";
      c.header("WWW-Authenticate", `Bearer realm="bankcrm", error="invalid_token"`);
      return problem(c, 401, "Unauthorized", detail);
    }
    const decision = limiter?.(principal.id);
    if (decision && !decision.ok) {
      c.header("Retry-After", String(decision.retryAfterSeconds));
      return problem(c, 429, "Too many requests", `retry after ${decision.retryAfterSeconds} s`);
    }
    c.set("principal", principal);
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
    c.req.path.startsWith("/import/") ? importLimit(c as never, next) : bodyLimitDefault(c as never, next),
  );

  const principal = (c: Context<Env>) => c.get("principal");
  /** The caller as a reader: their scope, and whether they see confidential notes. */
  const readerOf = (c: Context<Env>): Reader => {
    const p = principal(c);
    return { id: p.id, scope: customerScopeOf(p), confidential: canReadConfidential(p) };
  };
  /** A record as the caller may receive it: identifiers masked for every role; amounts only for roles that need them. */
  const present = (c: Context<Env>, collection: Collection, body: unknown): unknown =>
    body === null || body === undefined
      ? body
      : maskRecord(SCHEMAS[collection], body, { keepValues: FINANCIAL_READER_ROLES.includes(principal(c).role) });
  const presentPage = (c: Context<Env>, collection: Collection, rows: Record<string, unknown>[], limit: number) => {
    const page = rows.slice(0, limit);
    const items = page.map((r) => present(c, collection, r));
    return rows.length > limit ? { items, next: String(page[page.length - 1]!.id) } : { items };
  };

  const readJson = async (c: Context): Promise<unknown> => {
    try {
      return await c.req.json();
    } catch {
      return Symbol.for("invalid-json");
    }
  };
  const invalid = (c: Context, errors: FieldError[]) =>
    problem(c, 422, "Unprocessable record", errors[0]?.message, { errors });
  const forbidden = (c: Context, detail: string) => problem(c, 403, "Forbidden", detail);
  const notFound = (c: Context, collection?: string, id?: string) =>
    problem(c, 404, "Not found", undefined, collection && id ? { collection, id } : {});

  app.get("/customers", async (c) => {
    const q = c.req.query();
    const limit = clampLimit(q.limit);
    const rows = await db.listCustomers(
      {
        tier: q.tier,
        branchId: q.branchId,
        relationshipManagerId: q.relationshipManagerId,
        status: q.status,
        after: q.after,
        search: q.search,
      },
      limit + 1,
      readerOf(c),
    );
    return c.json(presentPage(c, "customers", rows, limit));
  });

  app.get("/customers/by-natural-key/:key", async (c) => {
    const record = await db.byNaturalKey(c.req.param("key").toUpperCase(), readerOf(c));
    if (!record) return notFound(c);
    c.header("ETag", record.etag);
    return c.json(present(c, "customers", record.body));
  });

  app.get("/customers/:id", async (c) => {
    const record = await db.get("customers", c.req.param("id"), undefined, readerOf(c));
    if (!record) return notFound(c, "customers", c.req.param("id"));
    c.header("ETag", record.etag);
    return c.json(present(c, "customers", record.body));
  });

  app.get("/customers/:id/holdings", async (c) =>
    c.json((await db.ofCustomer("holdings", c.req.param("id"), readerOf(c))).map((h) => present(c, "holdings", h))),
  );

  app.get("/customers/:id/timeline", async (c) => {
    const limit = clampLimit(c.req.query("limit"));
    const rows = await db.timeline(c.req.param("id"), c.req.query("after"), limit + 1, readerOf(c));
    const page = rows.slice(0, limit);
    const items = page.map((r) => ({
      kind: r.kind,
      id: r.body.id,
      customerId: r.body.customerId,
      at: r.key.split("|")[0],
      record: present(c, r.collection, r.body),
    }));
    return c.json(rows.length > limit ? { items, next: page[page.length - 1]!.key } : { items });
  });

  /**
   * One identifier in full, for a stated reason: the policy must allow the
   * caller's role, the customer must be theirs, and the audit row is written
   * first, in the same transaction as the read: if it cannot be written,
   * nothing is revealed. A refusal is audited too (`reveal_denied`, with why):
   * a bank's security team looks for repeated refused attempts first.
   */
  app.post("/customers/:id/reveal", async (c) => {
    const id = c.req.param("id");
    const body = await readJson(c);
    const request = (typeof body === "object" && body !== null ? body : {}) as { field?: unknown; reason?: unknown };
    const p = principal(c);
    const at = now().toISOString();
    const reason = typeof request.reason === "string" ? request.reason.trim() : "";
    const field = typeof request.field === "string" ? request.field : undefined;
    /** Writes the refusal's row (or counts it, past the hour's allowance), then answers. */
    const refuse = async (refusal: RevealRefusal, answer: Response) => {
      await auditRefusal(db, {
        at,
        actorId: p.id,
        actorRole: p.role,
        action: "reveal_denied",
        customerId: id.slice(0, MAX_AUDITED_TEXT),
        ...(field !== undefined ? { field: field.slice(0, MAX_AUDITED_TEXT) } : {}),
        ...(reason !== "" ? { reason: reason.slice(0, MAX_REVEAL_REASON) } : {}),
        refusal,
      });
      return answer;
    };
    if (field === undefined || !(REVEALABLE_FIELDS as readonly string[]).includes(field))
      return refuse(
        "invalid_field",
        invalid(c, [{ path: ["field"], code: "invalidOption", message: `one of: ${REVEALABLE_FIELDS.join(", ")}` }]),
      );
    if (reason.length > MAX_REVEAL_REASON)
      return refuse(
        "no_reason",
        invalid(c, [{ path: ["reason"], code: "tooLong", message: `at most ${MAX_REVEAL_REASON} characters` }]),
      );
    let event;
    try {
      event = authorizeReveal({ actor: p, customerId: id, field, fieldClass: "C2", reason, now: new Date(at) });
    } catch (error) {
      if (isAccessDeniedError(error)) return refuse("role", forbidden(c, error.message));
      if (isInvalidArgumentError(error))
        return refuse("no_reason", invalid(c, [{ path: ["reason"], code: "required", message: error.message }]));
      throw error;
    }
    const revealed = await db.transaction(async (tx) => {
      const customer = await db.get("customers", id, tx, readerOf(c));
      if (!customer) return undefined;
      await appendAudit(tx, {
        at: event.at,
        actorId: event.actorId,
        actorRole: event.actorRole,
        action: "reveal",
        customerId: id,
        field,
        reason: event.reason,
      });
      const value = readPath(customer.body, field);
      return { value: typeof value === "string" ? value : null };
    });
    if (!revealed) return refuse("not_found", notFound(c, "customers", id));
    return c.json({ customerId: id, field, value: revealed.value });
  });

  /** The audit trail, for auditors only; filter by staff, customer and time; paged by sequence number. */
  app.get("/audit", async (c) => {
    if (principal(c).role !== "auditor") return forbidden(c, "only auditors read the audit trail");
    const q = c.req.query();
    const limit = clampLimit(q.limit);
    const after = q.after !== undefined ? Number.parseInt(q.after, 10) : undefined;
    const rows = await listAudit(db.driver, {
      staffId: q.staffId,
      action: q.action,
      customerId: q.customerId,
      from: q.from,
      to: q.to,
      after: Number.isFinite(after) ? after : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return c.json(rows.length > limit ? { items: page, next: String(page[page.length - 1]!.seq) } : { items: page });
  });

  /** Refused reveals per member of staff over a period (auditors): every refusal counted, logged or not. */
  app.get("/audit/refusals", async (c) => {
    if (principal(c).role !== "auditor") return forbidden(c, "only auditors read the audit trail");
    const q = c.req.query();
    // ISO-8601 only: Date.parse takes strings such as "}]*4!" that PostgreSQL would then refuse.
    const instant = (v: string | undefined) =>
      v !== undefined && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
    if ((q.from !== undefined && !instant(q.from)) || (q.to !== undefined && !instant(q.to)))
      return problem(c, 400, "Expected ISO-8601 instants in from and to");
    return c.json({ items: await countRefusals(db.driver, { from: q.from, to: q.to, limit: clampLimit(q.limit) }) });
  });

  app.get("/audit/verify", async (c) => {
    if (principal(c).role !== "auditor") return forbidden(c, "only auditors verify the audit trail");
    return c.json(await verifyAudit(db.driver));
  });

  /**
   * Segment pushdown: a segment definition validated as core validates it, then
   * core's `toSql` over the customer view in the database — plain PostgreSQL, as
   * in the bank's warehouse — limited to the caller's customers. The count and a
   * page of ids.
   */
  app.post("/segments/evaluate", async (c) => {
    const body = await readJson(c);
    if (typeof body === "symbol" || typeof body !== "object" || body === null)
      return problem(c, 400, "Expected { definition, limit?, after? }");
    const request = body as { definition?: unknown; limit?: unknown; after?: unknown };
    const checked = validateSegment(request.definition, customerFieldCatalog, "en");
    if (!checked.valid)
      return invalid(
        c,
        checked.issues.map((i) => ({ path: ["definition", ...i.path], code: i.code, message: i.message })),
      );
    const sql = toSql(request.definition as SegmentDefinition, customerFieldCatalog, {
      dialect: "postgres",
      table: "customer_segment_view",
    });
    const limit = clampLimit(typeof request.limit === "number" ? String(request.limit) : undefined);
    const after = typeof request.after === "string" ? request.after : undefined;
    const found = await db.segment(sql, { limit: limit + 1, after }, readerOf(c));
    const ids = found.ids.slice(0, limit);
    return c.json({ count: found.count, ids, ...(found.ids.length > limit ? { next: ids[ids.length - 1] } : {}) });
  });

  /** A value-list reason without the money it quotes (`valueReasonText` then says it without the amount). */
  const withoutMoney = <R extends { params: Record<string, unknown> }>(reason: R): R => {
    const { contribution: _c, clv: _l, gap: _g, amount: _a, ...params } = reason.params;
    return { ...reason, params };
  };

  // The metrics job's figures for the caller's customers; money (contribution, lifetime value) only to roles that read financial data.
  app.get("/metrics", async (c) => {
    const limit = clampLimit(c.req.query("limit"));
    const found = await db.metrics({ limit: limit + 1, after: c.req.query("after") }, readerOf(c));
    const amounts = FINANCIAL_READER_ROLES.includes(principal(c).role);
    const rows = found.rows.slice(0, limit);
    const items = rows.map((r) => {
      const item: Record<string, unknown> = { customerId: r.customer_id };
      const put = (key: string, value: unknown) => {
        if (value !== null && value !== undefined) item[key] = value;
      };
      if (amounts) {
        put("contribution", r.contribution);
        put("clv", r.clv);
      }
      put("valueScore", r.value_score);
      put("rfmR", r.rfm_r);
      put("rfmF", r.rfm_f);
      put("rfmM", r.rfm_m);
      put("rfmSegment", r.rfm_segment);
      put("probabilityAlive", r.probability_alive);
      put("churnRisk", r.churn_risk);
      put("churnLevel", r.churn_level);
      put("churnReasons", r.churn_reasons);
      put("tierEarned", r.tier_earned);
      put("underServed", r.under_served);
      put("nearNextTier", r.near_next_tier);
      put("churnAlert", r.churn_alert);
      put("churnAlertAt", r.churn_alert_at);
      // The reasons quote money (contribution, lifetime value, the gap to a tier, an outflow): not to other roles.
      put(
        "churnAlertReasons",
        r.churn_alert_reasons?.map((x) => (amounts ? x : withoutMoney(x))),
      );
      put(
        "goldReasons",
        r.gold_reasons?.map((x) => (amounts ? x : withoutMoney(x))),
      );
      return item;
    });
    return c.json({
      ...(found.asOf ? { asOf: found.asOf, computedAt: found.computedAt } : {}),
      items,
      ...(found.rows.length > limit ? { next: rows[rows.length - 1]!.customer_id } : {}),
    });
  });

  app.get("/leads", async (c) => {
    const limit = clampLimit(c.req.query("limit"));
    const rows = await db.leads(c.req.query("customerId"), c.req.query("after"), limit + 1, readerOf(c));
    return c.json(presentPage(c, "leads", rows, limit));
  });

  type Outcome = { status: number; body: unknown; etag?: string };
  /**
   * A POST made safe to retry: the Idempotency-Key is required; the same key with
   * the same body gets the stored answer, with another body a 422. `run` does the
   * write inside one transaction with the key's answer, so a lost response and
   * its retry store the write once. Keys are the caller's own: another
   * principal's identical key is another request. `show` presents the answer.
   */
  const idempotent = async (
    c: Context<Env>,
    show: (response: unknown) => unknown,
    run: (body: unknown, tx: Sql, key: { key: string; requestHash: string }) => Promise<Outcome | Response>,
    options: { transaction?: boolean; stillVisible: (response: Record<string, unknown>) => Promise<boolean> },
  ) => {
    const key = c.req.header("Idempotency-Key");
    if (!key || !/^[A-Za-z0-9-]{8,128}$/.test(key))
      return problem(c, 400, "Idempotency-Key required", "send a UUID in the Idempotency-Key header");
    const body = await readJson(c);
    if (typeof body === "symbol") return problem(c, 400, "Malformed JSON");
    const hash = hashOf({ path: c.req.path, body });
    const answer = (seen: { status: number; response: unknown }) => {
      const response = seen.response as Record<string, unknown>;
      if (typeof response.version === "number") c.header("ETag", `"v${response.version}"`);
      return c.json(show(response) as object, seen.status as 200);
    };
    const scoped = `${principal(c).id}:${key}`;
    const seen = await db.idempotent(scoped);
    if (seen) {
      if (seen.requestHash !== hash)
        return problem(c, 422, "Idempotency-Key reused", "this key was used with a different request");
      // The stored answer is given again only while its record is still the caller's to read.
      if (!(await options.stillVisible(seen.response as Record<string, unknown>))) return notFound(c);
      return answer(seen);
    }
    const keyed = { key: scoped, requestHash: hash };
    // A write of one statement stores its own answer with it (createOnce); others run in a transaction with it.
    const result =
      options.transaction === false
        ? await run(body, db.driver, keyed)
        : await db.transaction(async (tx) => {
            const out = await run(body, tx, keyed);
            if (out instanceof Response) return out;
            await db.remember(scoped, hash, out.status, out.body, tx);
            return out;
          });
    if (result instanceof Response) return result;
    return answer({ status: result.status, response: result.body });
  };

  /** The typed errors of core's write functions as problem+json. */
  const writeProblem = (c: Context, error: unknown, collection: string) => {
    if (isTransitionError(error))
      return problem(c, 409, "Transition not allowed", error.message, {
        code: "invalid_transition",
        collection,
        event: error.event,
        from: error.from,
        allowed: error.allowed,
      });
    if (isAccessDeniedError(error)) return forbidden(c, error.message);
    if (isValidationError(error)) return invalid(c, error.errors);
    throw error;
  };
  const preconditionFailed = (
    c: Context<Env>,
    collection: Collection,
    current: { body: unknown; etag: string } | undefined,
  ) =>
    problem(c, 412, "Precondition failed", "the record changed since it was read", {
      current: current ? present(c, collection, current.body) : null,
      etag: current?.etag ?? null,
    });
  const writable = (name: string): name is Collection => (WRITABLE_COLLECTIONS as readonly string[]).includes(name);
  /** A write the caller's role may not make is a 403 before anything is read. */
  const mayWrite = (c: Context<Env>, collection: Collection, kind: "create" | "update" | "transition" | "change") => {
    try {
      assertCanWrite(collection, principal(c), kind);
      return undefined;
    } catch (error) {
      return writeProblem(c, error, collection);
    }
  };

  /** Whether the caller may read this record now (an idempotent replay's answer, a write's result). */
  const visibleNow = (c: Context<Env>, collection: Collection) => async (record: Record<string, unknown>) =>
    (await db.get(collection, String(record.id), undefined, readerOf(c))) !== undefined;
  /**
   * A write whose result hangs off another customer than before — a PUT's new customerId, a lead converted onto a
   * customer — must land in the caller's scope: otherwise it is a 404 for that customer, as a create's is.
   */
  const outsideScope = async (c: Context<Env>, next: Record<string, unknown>, before: unknown, tx: Sql) => {
    const customerId = next.customerId;
    if (typeof customerId !== "string" || customerId === (before as { customerId?: unknown } | undefined)?.customerId)
      return undefined;
    return (await db.customerVisible(customerId, readerOf(c), tx)) ? undefined : notFound(c, "customers", customerId);
  };

  // Creates: validated, in an initial state, version 1, stamped with the caller; a customer's record only for one of
  // the caller's customers; an existing id is a 412 with the stored record.
  app.post("/:collection", async (c) => {
    const collection = c.req.param("collection");
    if (!writable(collection)) return notFound(c);
    const refused = mayWrite(c, collection, "create");
    if (refused) return refused;
    const p = principal(c);
    const show = (r: unknown) => present(c, collection, r);
    return idempotent(
      c,
      show,
      async (body, _tx, key) => {
        if (typeof body !== "object" || body === null || Array.isArray(body))
          return invalid(c, [{ path: [], code: "invalidType", message: "expected a record" }]);
        const input = { ...(body as Record<string, unknown>), createdBy: p.id, updatedBy: p.id, version: 1 };
        const result = validate(SCHEMAS[collection], input, "en", { strict: true });
        if (!result.success) return invalid(c, result.errors);
        const machine = collectionSpec(collection).machine;
        const data = result.data as unknown as Record<string, unknown>;
        if (machine && !machine.initial.includes(String(data[machine.field])))
          return invalid(c, [
            {
              path: [machine.field],
              code: "initialState",
              message: `a new record starts in: ${machine.initial.join(", ")}`,
            },
          ]);
        let record: Record<string, unknown>;
        try {
          record = await cleared(collection, data);
        } catch (error) {
          return writeProblem(c, error, collection);
        }
        // One statement: the customer in the caller's scope, the record unless its id is taken, the key's answer.
        const outcome = await db.createOnce(collection, record, readerOf(c), { ...key, status: 201 });
        if (outcome === "outOfScope") return notFound(c, "customers", String(record.customerId));
        // The id is taken: the stored record comes back only when it is the caller's to read (`current: null` else).
        if (outcome === "exists")
          return preconditionFailed(c, collection, await db.get(collection, String(record.id), undefined, readerOf(c)));
        return { status: 201, body: record, etag: etagOf(record) };
      },
      { transaction: false, stillVisible: visibleNow(c, collection) },
    );
  });

  // Transitions: the same core state machine as the client, on the stored record, as the caller.
  app.post("/:collection/:id/transitions", async (c) => {
    const collection = c.req.param("collection");
    const id = c.req.param("id");
    if (!isCollectionName(collection) || !collectionSpec(collection).machine) return notFound(c);
    const refused = mayWrite(c, collection, "transition");
    if (refused) return refused;
    const ifMatch = c.req.header("If-Match");
    if (!ifMatch) return problem(c, 428, "If-Match required", "send the version the transition was computed from");
    return idempotent(
      c,
      (r) => present(c, collection, r),
      async (body, tx) => {
        const request = objectOf(body) as { event?: unknown; at?: unknown; reason?: unknown; details?: unknown };
        if (typeof request.event !== "string" || typeof request.at !== "string" || !optionalObject(request.details))
          return problem(c, 400, "Expected { event, at, reason?, details? }");
        const current = await db.get(collection, id, tx, readerOf(c));
        if (!current) return notFound(c, collection, id);
        if (current.etag !== ifMatch) return preconditionFailed(c, collection, current);
        try {
          const applied = applyTransition(collection, current.body as never, request.event, {
            ...(request.details as Record<string, unknown> | undefined),
            ...(typeof request.reason === "string" ? { reason: request.reason } : {}),
            actor: principal(c),
            at: request.at,
            locale: "en",
          }) as unknown as Record<string, unknown>;
          const next = await cleared(collection, applied, tx);
          const moved = await outsideScope(c, next, current.body, tx);
          if (moved) return moved;
          const etag = await db.put(collection, next, tx);
          return { status: 200, body: next, etag };
        } catch (error) {
          return writeProblem(c, error, collection);
        }
      },
      { stillVisible: visibleNow(c, collection) },
    );
  });

  // Customer changes: the customer's new state and the change record, in one transaction, as the caller.
  app.post("/customers/:id/changes", async (c) => {
    const id = c.req.param("id");
    const refused = mayWrite(c, "customers", "change");
    if (refused) return refused;
    const ifMatch = c.req.header("If-Match");
    if (!ifMatch) return problem(c, 428, "If-Match required", "send the version the change was computed from");
    const show = (r: unknown) => {
      const answer = r as { customer: unknown; change: unknown };
      return {
        customer: present(c, "customers", answer.customer),
        change: present(c, "customerChanges", answer.change),
      };
    };
    return idempotent(
      c,
      show,
      async (body, tx) => {
        const request = objectOf(body) as { id?: unknown; at?: unknown; input?: unknown };
        if (typeof request.id !== "string" || typeof request.at !== "string")
          return problem(c, 400, "Expected { id, at, input }");
        const current = await db.get("customers", id, tx, readerOf(c));
        if (!current) return notFound(c, "customers", id);
        if (current.etag !== ifMatch) return preconditionFailed(c, "customers", current);
        try {
          const { customer, change } = applyCustomerChange(current.body as unknown as Customer, request.input, {
            actor: principal(c),
            at: request.at,
            id: request.id,
            locale: "en",
          });
          const recorded = await cleared("customerChanges", change, tx);
          const etag = await db.put("customers", customer, tx);
          await db.put("customerChanges", recorded, tx);
          return { status: 200, body: { customer, change: recorded }, etag };
        } catch (error) {
          return writeProblem(c, error, "customers");
        }
      },
      { stillVisible: async () => (await db.get("customers", id, undefined, readerOf(c))) !== undefined },
    );
  });

  // Any collection: one record, or a page in id order (of one customer with ?customerId).
  app.get("/:collection/:id", async (c) => {
    const collection = c.req.param("collection") as Collection;
    if (!(COLLECTIONS as readonly string[]).includes(collection)) return notFound(c);
    const record = await db.get(collection, c.req.param("id"), undefined, readerOf(c));
    if (!record) return notFound(c, collection, c.req.param("id"));
    c.header("ETag", record.etag);
    return c.json(present(c, collection, record.body));
  });

  app.get("/:collection", async (c) => {
    const collection = c.req.param("collection") as Collection;
    if (!(COLLECTIONS as readonly string[]).includes(collection)) return notFound(c);
    const limit = clampLimit(c.req.query("limit"));
    const rows = await db.records(collection, c.req.query("customerId"), c.req.query("after"), limit + 1, readerOf(c));
    return c.json(presentPage(c, collection, rows, limit));
  });

  /** Loading the bank's own records (customers, holdings, transactions…) is for a data feed's token. */
  const isLoader = (c: Context<Env>) => principal(c).scopes.includes(LOAD_SCOPE);

  // Bulk import: every record validated first, then all written or none. Data feeds only.
  app.post("/import/:collection", async (c) => {
    const collection = c.req.param("collection") as Collection;
    if (!(COLLECTIONS as readonly string[]).includes(collection)) return notFound(c);
    if (!isLoader(c)) return forbidden(c, `importing needs a token with the ${LOAD_SCOPE} scope`);
    const body = await readJson(c);
    if (!Array.isArray(body) || body.length > 5000)
      return problem(c, 400, "Expected an array of at most 5,000 records");
    const records: Record<string, unknown>[] = [];
    for (const [index, item] of body.entries()) {
      const result = validate(SCHEMAS[collection], item, "en", { strict: true });
      if (!result.success)
        return invalid(
          c,
          result.errors.map((e) => ({ ...e, path: [index, ...e.path] })),
        );
      records.push(result.data);
    }
    let clean: Record<string, unknown>[];
    try {
      clean = await clearFreeText(db.driver, collection, records, freeText);
    } catch (error) {
      if (isValidationError(error)) return invalid(c, error.errors);
      throw error;
    }
    await db.putMany(collection, clean);
    return c.json({ written: clean.length });
  });

  // Updates with optimistic concurrency: a writable record by a role that may update it, in the caller's scope;
  // any other collection by a data feed.
  app.put("/:collection/:id", async (c) => {
    const collection = c.req.param("collection") as Collection;
    if (!(COLLECTIONS as readonly string[]).includes(collection)) return notFound(c);
    const loader = isLoader(c);
    if (!loader) {
      if (!writable(collection))
        return forbidden(
          c,
          `${String(collection)} are the bank's records: they change through their own endpoints or a data feed`,
        );
      const refused = mayWrite(c, collection, "update");
      if (refused) return refused;
    }
    const id = c.req.param("id");
    const ifMatch = c.req.header("If-Match");
    const p = principal(c);
    /** Validates and replaces, inside the transaction `tx`. */
    const replace = async (body: unknown, tx: Sql) => {
      const current = await db.get(collection, id, tx, loader ? undefined : readerOf(c));
      // Out of scope and missing look the same; a writable record is created by POST.
      if (!current && !loader) return notFound(c, collection, id);
      // Identifiers come back masked as they were sent: the stored values stay.
      const restored = current
        ? unmaskInto(body, current.body, maskRecord(SCHEMAS[collection], current.body, { keepValues: true }))
        : body;
      const stamped =
        collectionSpec(collection).write && typeof restored === "object" && restored !== null
          ? { ...(restored as Record<string, unknown>), updatedBy: p.id }
          : restored;
      const result = validate(SCHEMAS[collection], stamped, "en", { strict: true });
      if (!result.success) return invalid(c, result.errors);
      const data = result.data as unknown as Record<string, unknown>;
      if (data.id !== id) return problem(c, 422, "Id mismatch", "the body's id differs from the URL's");
      if (ifMatch !== undefined && (current?.etag ?? "") !== ifMatch) return preconditionFailed(c, collection, current);
      // A state and its history change only through the transitions endpoint, which applies the machine.
      const machine = collectionSpec(collection).machine;
      if (
        machine &&
        current &&
        (data[machine.field] !== current.body[machine.field] ||
          canonical(data.history ?? []) !== canonical(current.body.history ?? []))
      ) {
        return invalid(c, [
          {
            path: [data[machine.field] !== current.body[machine.field] ? machine.field : "history"],
            code: "readOnlyField",
            message: `change ${machine.field} through POST /${collection}/{id}/transitions`,
          },
        ]);
      }
      if (!loader) {
        const moved = await outsideScope(c, data, current?.body, tx);
        if (moved) return moved;
      }
      let clean: Record<string, unknown>;
      try {
        clean = await cleared(collection, data, tx);
      } catch (error) {
        return writeProblem(c, error, collection);
      }
      // A writable record's version is the server's to count: one more than the stored one.
      const stored = collectionSpec(collection).write ? { ...clean, version: versionOf(current?.body) + 1 } : clean;
      const etag = await db.put(collection, stored, tx);
      return { status: current ? 200 : 201, body: stored, etag };
    };
    // With an Idempotency-Key (the outbox sends one), a retry whose first answer was lost gets that answer,
    // not a 412 against its own write.
    if (c.req.header("Idempotency-Key") !== undefined)
      return idempotent(c, (r) => present(c, collection, r), replace, {
        stillVisible: async (r) => loader || (await visibleNow(c, collection)(r)),
      });
    const body = await readJson(c);
    if (typeof body === "symbol") return problem(c, 400, "Malformed JSON");
    const outcome = await db.transaction((tx) => replace(body, tx));
    if (outcome instanceof Response) return outcome;
    c.header("ETag", outcome.etag);
    return c.json(present(c, collection, outcome.body) as object, outcome.status as 200);
  });

  app.notFound((c) => problem(c, 404, "Not found"));
  app.onError((error, c) => {
    // The detail never carries the error's message: it may quote SQL or data.
    console.error("bankcrm reference server:", error);
    return problem(c, 500, "Internal error");
  });
  return app;
}

export { etagOf };
