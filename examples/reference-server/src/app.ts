/**
 * The REST contract of docs/api/openapi.yaml, on hono. Bearer tokens on every
 * request, records validated with @bankcrm/core's schemas, errors as
 * application/problem+json, ETag / If-Match on updates (412 with the current
 * record, never a silent overwrite), and Idempotency-Key on POST /leads (same
 * key and body: the stored response; same key, other body: 422).
 */
import { createHash } from "node:crypto";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import {
  applyCustomerChange,
  REST_CONTRACT_HEADER,
  REST_CONTRACT_VERSION,
  applyTransition,
  collectionSpec,
  collectionSchemas,
  isAccessDeniedError,
  isCollectionName,
  isTransitionError,
  isValidationError,
  matchesCustomerSearch,
  validate,
  versionOf,
  WRITABLE_COLLECTIONS,
  type Actor,
  type Customer,
  type FieldError,
} from "@bankcrm/core";
import { COLLECTIONS, etagOf, type Collection, type Database } from "./database.js";

const SCHEMAS = collectionSchemas;

export interface AppOptions {
  /** Accepted bearer tokens; empty accepts any non-empty token. */
  tokens?: readonly string[];
  /** Origins allowed to call from a browser (CORS). Default: any. */
  corsOrigins?: string[];
}

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

const clampLimit = (value: string | undefined) => Math.max(1, Math.min(1000, Number.parseInt(value ?? "50", 10) || 50));
const hashOf = (body: unknown) => createHash("sha256").update(JSON.stringify(body)).digest("hex");
/** Request bodies over this are refused (413) before they are read; bulk imports get more. */
export const BODY_LIMIT = 1024 * 1024;
export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;
/** Who is calling, for scoping idempotency keys: the bearer token's hash (the verified principal once the server checks identities). */
const principalOf = (c: Context) =>
  createHash("sha256")
    .update(c.req.header("Authorization") ?? "")
    .digest("base64url")
    .slice(0, 22);
/** JSON with object keys sorted: jsonb keeps its own key order, so stored and sent values compare by this. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

export function createApp(db: Database, options: AppOptions = {}) {
  const app = new Hono();

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

  app.use("*", async (c, next) => {
    const auth = c.req.header("Authorization") ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice(7).trim() : "";
    if (token === "" || (options.tokens && options.tokens.length > 0 && !options.tokens.includes(token))) {
      c.header("WWW-Authenticate", 'Bearer realm="bankcrm"');
      return problem(c, 401, "Unauthorized", "a bearer token is required");
    }
    await next();
  });

  // Bodies are refused before they are read past the limit: 1 MB, and 16 MB for bulk imports.
  // The rest of the body is never read, so the connection cannot carry another request: close it.
  const tooLarge = (c: Context) => {
    c.header("Connection", "close");
    return problem(c, 413, "Payload too large", "the request body is over this route's limit");
  };
  const importLimit = bodyLimit({ maxSize: IMPORT_BODY_LIMIT, onError: tooLarge });
  const bodyLimitDefault = bodyLimit({ maxSize: BODY_LIMIT, onError: tooLarge });
  app.use("*", (c, next) =>
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- hono's own middleware, given the route's context
    c.req.path.startsWith("/import/") ? importLimit(c, next) : bodyLimitDefault(c, next),
  );

  const readJson = async (c: Context): Promise<unknown> => {
    try {
      return await c.req.json();
    } catch {
      return Symbol.for("invalid-json");
    }
  };
  const invalid = (c: Context, errors: FieldError[]) =>
    problem(c, 422, "Unprocessable record", errors[0]?.message, { errors });

  app.get("/customers", async (c) => {
    const q = c.req.query();
    const limit = clampLimit(q.limit);
    const filter = {
      tier: q.tier,
      branchId: q.branchId,
      relationshipManagerId: q.relationshipManagerId,
      status: q.status,
      after: q.after,
    };
    // A search filters in the server; other filters use the query.
    let items: Record<string, unknown>[] = [];
    if (q.search) {
      let after = q.after;
      for (;;) {
        const batch = await db.listCustomers({ ...filter, after }, 500);
        items.push(...batch.filter((b) => matchesCustomerSearch(b as unknown as Customer, q.search!)));
        if (batch.length < 500 || items.length > limit) break;
        after = String(batch[batch.length - 1]!.id);
      }
      items = items.slice(0, limit + 1);
    } else {
      items = await db.listCustomers(filter, limit + 1);
    }
    const page = items.slice(0, limit);
    return c.json(items.length > limit ? { items: page, next: String(page[page.length - 1]!.id) } : { items: page });
  });

  app.get("/customers/by-natural-key/:key", async (c) => {
    const record = await db.byNaturalKey(c.req.param("key").toUpperCase());
    if (!record) return problem(c, 404, "Not found");
    c.header("ETag", record.etag);
    return c.json(record.body);
  });

  app.get("/customers/:id", async (c) => {
    const record = await db.get("customers", c.req.param("id"));
    if (!record) return problem(c, 404, "Not found");
    c.header("ETag", record.etag);
    return c.json(record.body);
  });

  app.get("/customers/:id/holdings", async (c) => c.json(await db.ofCustomer("holdings", c.req.param("id"))));

  app.get("/customers/:id/timeline", async (c) => {
    const limit = clampLimit(c.req.query("limit"));
    const rows = await db.timeline(c.req.param("id"), c.req.query("after"), limit + 1);
    const page = rows.slice(0, limit);
    const items = page.map((r) => ({
      kind: r.kind,
      id: r.body.id,
      customerId: r.body.customerId,
      at: r.key.split("|")[0],
      record: r.body,
    }));
    return c.json(rows.length > limit ? { items, next: page[page.length - 1]!.key } : { items });
  });

  app.get("/leads", async (c) => {
    const limit = clampLimit(c.req.query("limit"));
    const rows = await db.leads(c.req.query("customerId"), c.req.query("after"), limit + 1);
    const page = rows.slice(0, limit);
    return c.json(rows.length > limit ? { items: page, next: String(page[page.length - 1]!.id) } : { items: page });
  });

  /**
   * A POST made safe to retry: the Idempotency-Key is required; the same key with
   * the same body gets the stored answer, with another body a 422. `run` does the
   * write inside one transaction with the key's answer, so a lost response and
   * its retry store the write once.
   */
  const idempotent = async (
    c: Context,
    run: (
      body: unknown,
      tx: Parameters<Parameters<Database["transaction"]>[0]>[0],
    ) => Promise<{ status: number; body: unknown; etag?: string } | Response>,
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
      return c.json(response, seen.status as 200);
    };
    // Keys are the caller's own: another caller's identical key is another request.
    const scoped = `${principalOf(c)}:${key}`;
    const seen = await db.idempotent(scoped);
    if (seen) {
      if (seen.requestHash !== hash)
        return problem(c, 422, "Idempotency-Key reused", "this key was used with a different request");
      return answer(seen);
    }
    const result = await db.transaction(async (tx) => {
      const out = await run(body, tx);
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
    if (isAccessDeniedError(error)) return problem(c, 403, "Forbidden", error.message);
    if (isValidationError(error)) return invalid(c, error.errors);
    throw error;
  };
  const preconditionFailed = (c: Context, current: { body: unknown; etag: string } | undefined) =>
    problem(c, 412, "Precondition failed", "the record changed since it was read", {
      current: current?.body ?? null,
      etag: current?.etag ?? null,
    });
  const notFound = (c: Context, collection: string, id: string) =>
    problem(c, 404, "Not found", undefined, { collection, id });
  const writable = (name: string): name is Collection => (WRITABLE_COLLECTIONS as readonly string[]).includes(name);
  // Until the server verifies identity (JWT), the writer names itself; the state machine checks its role.
  const actorOf = (body: unknown): Actor | undefined => {
    const a = (body as { actor?: Actor } | null)?.actor;
    return a && typeof a.id === "string" && typeof a.role === "string" ? a : undefined;
  };

  // Creates: validated, in an initial state, version 1; an existing id is a 412 with the stored record.
  app.post("/:collection", async (c) => {
    const collection = c.req.param("collection");
    if (!writable(collection)) return problem(c, 404, "Not found");
    return idempotent(c, async (body, tx) => {
      const input = { ...(body as Record<string, unknown>), version: 1 };
      const result = validate(SCHEMAS[collection], input, "en");
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
      const current = await db.get(collection, String(data.id), tx);
      if (current) return preconditionFailed(c, current);
      const etag = await db.put(collection, data, tx);
      return { status: 201, body: data, etag };
    });
  });

  // Transitions: the same core state machine as the client, on the stored record.
  app.post("/:collection/:id/transitions", async (c) => {
    const collection = c.req.param("collection");
    const id = c.req.param("id");
    if (!isCollectionName(collection) || !collectionSpec(collection).machine) return problem(c, 404, "Not found");
    const ifMatch = c.req.header("If-Match");
    if (!ifMatch) return problem(c, 428, "If-Match required", "send the version the transition was computed from");
    return idempotent(c, async (body, tx) => {
      const request = body as { event?: unknown; at?: unknown; reason?: unknown; details?: Record<string, unknown> };
      const actor = actorOf(body);
      if (!actor || typeof request.event !== "string" || typeof request.at !== "string")
        return problem(c, 400, "Expected { event, at, actor, reason?, details? }");
      const current = await db.get(collection, id, tx);
      if (!current) return notFound(c, collection, id);
      if (current.etag !== ifMatch) return preconditionFailed(c, current);
      try {
        const next = applyTransition(collection, current.body as never, request.event, {
          ...(request.details ?? {}),
          ...(typeof request.reason === "string" ? { reason: request.reason } : {}),
          actor,
          at: request.at,
          locale: "en",
        }) as unknown as Record<string, unknown>;
        const etag = await db.put(collection, next, tx);
        return { status: 200, body: next, etag };
      } catch (error) {
        return writeProblem(c, error, collection);
      }
    });
  });

  // Customer changes: the customer's new state and the change record, in one transaction.
  app.post("/customers/:id/changes", async (c) => {
    const id = c.req.param("id");
    const ifMatch = c.req.header("If-Match");
    if (!ifMatch) return problem(c, 428, "If-Match required", "send the version the change was computed from");
    return idempotent(c, async (body, tx) => {
      const request = body as { id?: unknown; at?: unknown; input?: unknown };
      const actor = actorOf(body);
      if (!actor || typeof request.id !== "string" || typeof request.at !== "string")
        return problem(c, 400, "Expected { id, at, actor, input }");
      const current = await db.get("customers", id, tx);
      if (!current) return notFound(c, "customers", id);
      if (current.etag !== ifMatch) return preconditionFailed(c, current);
      try {
        const { customer, change } = applyCustomerChange(current.body as unknown as Customer, request.input, {
          actor,
          at: request.at,
          id: request.id,
          locale: "en",
        });
        const etag = await db.put("customers", customer, tx);
        await db.put("customerChanges", change, tx);
        return { status: 200, body: { customer, change }, etag };
      } catch (error) {
        return writeProblem(c, error, "customers");
      }
    });
  });

  // Any collection: one record, or a page in id order (of one customer with ?customerId).
  app.get("/:collection/:id", async (c) => {
    const collection = c.req.param("collection") as Collection;
    if (!(COLLECTIONS as readonly string[]).includes(collection)) return problem(c, 404, "Not found");
    const record = await db.get(collection, c.req.param("id"));
    if (!record) return problem(c, 404, "Not found");
    c.header("ETag", record.etag);
    return c.json(record.body);
  });

  app.get("/:collection", async (c) => {
    const collection = c.req.param("collection") as Collection;
    if (!(COLLECTIONS as readonly string[]).includes(collection)) return problem(c, 404, "Not found");
    const limit = clampLimit(c.req.query("limit"));
    const rows = await db.records(collection, c.req.query("customerId"), c.req.query("after"), limit + 1);
    const page = rows.slice(0, limit);
    return c.json(rows.length > limit ? { items: page, next: String(page[page.length - 1]!.id) } : { items: page });
  });

  // Bulk import: every record validated first, then all written or none.
  app.post("/import/:collection", async (c) => {
    const collection = c.req.param("collection") as Collection;
    if (!(COLLECTIONS as readonly string[]).includes(collection)) return problem(c, 404, "Not found");
    const body = await readJson(c);
    if (!Array.isArray(body) || body.length > 5000)
      return problem(c, 400, "Expected an array of at most 5,000 records");
    const records: Record<string, unknown>[] = [];
    for (const [index, item] of body.entries()) {
      const result = validate(SCHEMAS[collection], item, "en");
      if (!result.success)
        return invalid(
          c,
          result.errors.map((e) => ({ ...e, path: [index, ...e.path] })),
        );
      records.push(result.data);
    }
    await db.putMany(collection, records);
    return c.json({ written: records.length });
  });

  // Updates with optimistic concurrency.
  app.put("/:collection/:id", async (c) => {
    const collection = c.req.param("collection") as Collection;
    if (!(COLLECTIONS as readonly string[]).includes(collection)) return problem(c, 404, "Not found");
    const id = c.req.param("id");
    const ifMatch = c.req.header("If-Match");
    /** Validates and replaces, inside the transaction `tx`. */
    const replace = async (body: unknown, tx: Parameters<Parameters<Database["transaction"]>[0]>[0]) => {
      const result = validate(SCHEMAS[collection], body, "en");
      if (!result.success) return invalid(c, result.errors);
      const data = result.data as unknown as Record<string, unknown>;
      if (data.id !== id) return problem(c, 422, "Id mismatch", "the body's id differs from the URL's");
      const current = await db.get(collection, id, tx);
      if (ifMatch !== undefined && (current?.etag ?? "") !== ifMatch) return preconditionFailed(c, current);
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
      // A writable record's version is the server's to count: one more than the stored one.
      const stored = collectionSpec(collection).write ? { ...data, version: versionOf(current?.body) + 1 } : data;
      const etag = await db.put(collection, stored, tx);
      return { status: current ? 200 : 201, body: stored, etag };
    };
    // With an Idempotency-Key (the outbox sends one), a retry whose first answer was lost gets that answer,
    // not a 412 against its own write.
    if (c.req.header("Idempotency-Key") !== undefined) return idempotent(c, replace);
    const body = await readJson(c);
    if (typeof body === "symbol") return problem(c, 400, "Malformed JSON");
    const outcome = await db.transaction((tx) => replace(body, tx));
    if (outcome instanceof Response) return outcome;
    c.header("ETag", outcome.etag);
    return c.json(outcome.body, outcome.status as 200);
  });

  app.notFound((c) => problem(c, 404, "Not found"));
  app.onError((error, c) => problem(c, 500, "Internal error", error.message));
  return app;
}

export { etagOf };
