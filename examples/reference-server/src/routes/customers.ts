/**
 * A customer and what hangs off them: the list (filters, search, pages), one
 * customer by id or natural key, their holdings, their timeline newest first,
 * and a change to them (contact, risk re-assessment, consent) kept as history.
 */
import { Hono, type Context } from "hono";
import { applyCustomerChange, type Customer } from "@bankcrm/core";
import {
  clampLimit,
  notFound,
  objectOf,
  present,
  presentPage,
  principal,
  problem,
  readerOf,
  type Env,
} from "../http.js";
import { mayWrite, preconditionFailed, writeProblem } from "../write-path.js";
import type { RouteContext } from "./context.js";

/** Customer changes: the customer's new state and the change record, in one transaction, as the caller. */
function change({ db, write }: Pick<RouteContext, "db" | "write">) {
  return async (c: Context<Env, "/customers/:id/changes">) => {
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
    return write.idempotent(
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
          // A company's contact persons shown masked come back so: core keeps their stored values.
          const { customer, change } = applyCustomerChange(current.body as unknown as Customer, request.input, {
            actor: principal(c),
            at: request.at,
            id: request.id,
            locale: "en",
          });
          return await write.keepCustomerChange({ customer, change }, tx);
        } catch (error) {
          return writeProblem(c, error, "customers");
        }
      },
      { stillVisible: async () => (await db.get("customers", id, undefined, readerOf(c))) !== undefined },
    );
  };
}

export function customerRoutes({ db, write }: RouteContext) {
  const app = new Hono<Env>();

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

  const byNaturalKey = async (c: Context<Env>, key: string | undefined) => {
    if (!key) return problem(c, 400, "Expected ?key= (a resident ID number or USCC)");
    const record = await db.byNaturalKey(key.trim().toUpperCase(), readerOf(c));
    if (!record) return notFound(c);
    c.header("ETag", record.etag);
    return c.json(present(c, "customers", record.body));
  };
  app.get("/customers/by-natural-key", (c) => byNaturalKey(c, c.req.query("key")));
  // The path form of contract 1.2 and before, kept for those clients; not in the contract, where it would be
  // ambiguous with /customers/{id}/holdings and the like.
  app.get("/customers/by-natural-key/:key", (c) => byNaturalKey(c, c.req.param("key")));

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

  app.post("/customers/:id/changes", change({ db, write }));

  return app;
}
