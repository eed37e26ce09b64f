/**
 * Every collection through the same few routes (the collection table says what
 * each may do): reads of one record or a page, creates (validated, in an
 * initial state, version 1, exactly once per Idempotency-Key), transitions (the
 * same core state machine as the client) and replacements with optimistic
 * concurrency. Leads also list newest first.
 */
import { Hono, type Context } from "hono";
import {
  applyTransition,
  withWriterFields,
  collectionSchemas,
  collectionSpec,
  isCollectionName,
  maskRecord,
  validate,
  versionOf,
} from "@bankcrm/core";
import { queryTerms } from "@bankcrm/core/text";
import { hasCreateRule } from "@bankcrm/core/collections";
import { COLLECTIONS, etagOf, type Collection, type Database } from "../database.js";
import {
  clampLimit,
  forbidden,
  invalid,
  isLoader,
  MALFORMED,
  notFound,
  objectOf,
  optionalObject,
  present,
  presentPage,
  principal,
  problem,
  readerOf,
  readJson,
  type Env,
} from "../http.js";
import type { Sql } from "../sql.js";
import {
  canonical,
  unreadableRefused,
  mayWrite,
  preconditionFailed,
  unmaskInto,
  writable,
  writeProblem,
} from "../write-path.js";
import type { RouteContext } from "./context.js";
import { auditOverride, customerContext, saleRefused } from "../sale-rules.js";

/**
 * `GET /{collection}`: a page in the table's order (of one customer with ?customerId); with ?search, in a collection
 * with search fields, one page of the records with every word, best first.
 */
async function listAnswer(c: Context<Env>, db: Database) {
  const collection = c.req.param("collection") ?? "";
  if (!known(collection)) return notFound(c);
  const limit = clampLimit(c.req.query("limit"));
  const search = c.req.query("search");
  if (search === undefined) {
    const rows = await db.records(collection, c.req.query("customerId"), c.req.query("after"), limit + 1, readerOf(c));
    return c.json(presentPage(c, collection, rows, limit));
  }
  if (!collectionSpec(collection).search)
    return problem(c, 400, "Not searchable", `${collection} have no search fields: list them without ?search`);
  if (search.length > 200) return problem(c, 400, "Search too long", "search for at most 200 characters");
  const rows = await db.search(collection, queryTerms(search), limit, readerOf(c));
  return c.json({ items: rows.map((r) => present(c, collection, r)) });
}

/**
 * One statement, or — for a collection whose create rule needs the customer's other records (a redemption the points
 * balance covers) — one transaction holding the customer's row while the rule is checked and the record written.
 */
async function createRecord(
  c: Context<Env>,
  { db, write, now }: Pick<RouteContext, "db" | "write" | "now">,
  collection: Collection,
  record: Record<string, unknown>,
  remember: { key: string; requestHash: string; status: number },
) {
  // A group's members: customers the caller may see (a customer's own record is checked in the insert itself).
  if (collectionSpec(collection).customerIndex === "members") {
    const outside = await write.outsideScope(c, record, undefined, db.driver);
    if (outside) return outside;
  }
  if (!hasCreateRule(collection)) return db.createOnce(collection, record, readerOf(c), remember);
  return db.transaction(
    async (tx) =>
      (await write.createRefused(c, collection, record, now().toISOString(), tx)) ??
      db.createOnce(collection, record, readerOf(c), remember, tx),
  );
}

const known = (name: string): name is Collection => (COLLECTIONS as readonly string[]).includes(name);

export function recordRoutes({ db, write, now, sales }: RouteContext) {
  const app = new Hono<Env>();

  // Creates: validated, in an initial state, version 1, stamped with the caller; a customer's record only for one of
  // the caller's customers; an existing id is a 412, with the stored record only if the caller may read it.
  app.post("/:collection", async (c) => {
    const collection = c.req.param("collection");
    if (!writable(collection)) return notFound(c);
    const refused = mayWrite(c, collection, "create");
    if (refused) return refused;
    const p = principal(c);
    return write.idempotent(
      c,
      (r) => present(c, collection, r),
      async (body, _tx, key) => {
        if (typeof body !== "object" || body === null || Array.isArray(body))
          return invalid(c, [{ path: [], code: "invalidType", message: "expected a record" }]);
        const input = { ...(body as Record<string, unknown>), createdBy: p.id, updatedBy: p.id, version: 1 };
        const result = validate(collectionSchemas[collection], input, "en", { strict: true });
        if (!result.success) return invalid(c, result.errors);
        const machine = collectionSpec(collection).machine;
        // What the writer derives (a complaint's regulatory limit) is the server's, whatever the body said.
        const data = withWriterFields(collection, result.data);
        const secret = unreadableRefused(c, collection, data);
        if (secret) return secret;
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
          record = await write.cleared(collection, data);
        } catch (error) {
          return writeProblem(c, error, collection);
        }
        // One statement: the key unanswered (else the write path answers), the customer in the caller's scope, the
        // record unless its id is taken, the key's answer.
        const outcome = await createRecord(c, { db, write, now }, collection, record, { ...key, status: 201 });
        if (outcome instanceof Response) return outcome;
        if (outcome === "keyed" || outcome === "outOfScope") return notFound(c, "customers", String(record.customerId));
        if (outcome === "exists")
          return preconditionFailed(c, collection, await db.get(collection, String(record.id), undefined, readerOf(c)));
        return { status: 201, body: record, etag: etagOf(record) };
      },
      { transaction: false, stillVisible: write.visibleNow(c, collection) },
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
    return write.idempotent(
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
            ...(await customerContext(db, collection, current.body, request.event, tx, sales.salePolicy)),
          }) as unknown as Record<string, unknown>;
          const next = await write.cleared(collection, applied, tx);
          const moved = await write.outsideScope(c, next, current.body, tx);
          if (moved) return moved;
          await auditOverride(c, current.body, next, tx, now);
          return { status: 200, body: next, etag: await db.put(collection, next, tx) };
        } catch (error) {
          return (await saleRefused(c, error, current.body, tx, now)) ?? writeProblem(c, error, collection);
        }
      },
      { stillVisible: write.visibleNow(c, collection) },
    );
  });

  // Any collection: one record, or a page in id order (of one customer with ?customerId).
  app.get("/:collection/:id", async (c) => {
    const collection = c.req.param("collection");
    if (!known(collection)) return notFound(c);
    const record = await db.get(collection, c.req.param("id"), undefined, readerOf(c));
    if (!record) return notFound(c, collection, c.req.param("id"));
    c.header("ETag", record.etag);
    return c.json(present(c, collection, record.body));
  });

  app.get("/:collection", (c) => listAnswer(c, db));

  // Updates with optimistic concurrency: a writable record by a role that may update it, in the caller's scope;
  // any other collection by a data feed.
  app.put("/:collection/:id", async (c) => {
    const collection = c.req.param("collection");
    if (!known(collection)) return notFound(c);
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
    const schema = collectionSchemas[collection];
    /** Validates and replaces, inside the transaction `tx`. */
    const replace = async (body: unknown, tx: Sql) => {
      const current = await db.get(collection, id, tx, loader ? undefined : readerOf(c));
      // Out of scope and missing look the same; a writable record is created by POST.
      if (!current && !loader) return notFound(c, collection, id);
      // Identifiers come back masked as they were sent: the stored values stay.
      const restored = current
        ? unmaskInto(body, current.body, maskRecord(schema, current.body, { keepValues: true }))
        : body;
      const stamped =
        collectionSpec(collection).write && typeof restored === "object" && restored !== null
          ? { ...(restored as Record<string, unknown>), updatedBy: p.id }
          : restored;
      const result = validate(schema, stamped, "en", { strict: true });
      if (!result.success) return invalid(c, result.errors);
      const data = withWriterFields(collection, result.data, current?.body);
      const secret = loader ? undefined : unreadableRefused(c, collection, data);
      if (secret) return secret;
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
        const stopped = await write.updateRefused(c, collection, data, current?.body, tx);
        if (stopped) return stopped;
      }
      let clean: Record<string, unknown>;
      try {
        clean = await write.cleared(collection, data, tx);
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
      return write.idempotent(c, (r) => present(c, collection, r), replace, {
        stillVisible: async (r) => loader || (await write.visibleNow(c, collection)(r)),
      });
    const body = await readJson(c);
    if (body === MALFORMED) return problem(c, 400, "Malformed JSON");
    const outcome = await db.transaction((tx) => replace(body, tx));
    if (outcome instanceof Response) return outcome;
    c.header("ETag", outcome.etag);
    return c.json(present(c, collection, outcome.body) as object, outcome.status as 200);
  });

  return app;
}
