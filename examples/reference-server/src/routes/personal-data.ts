/**
 * The right of access and copy (个人信息保护法 Arts. 44–45) where the data is: everything the bank holds that names a
 * person, read in one query — records of theirs and the households and groups they belong to — and made into core's
 * package (`subjectAccessPackage`: their own values in full; other people, staff and the AML rating withheld with
 * the reasons). As JSON, or (`?format=text`) the readable document in zh-CN or English (`?locale=en`). Each copy is
 * in the audit chain. The customer asks for their own (`GET /me/personal-data`: their sign-in is the identity check);
 * a branch manager makes one for a customer of theirs who asked at the branch or by phone.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { COLLECTION_NAMES, collectionSpec, type CollectionName } from "@bankcrm/core";
import { subjectAccessDocument, subjectAccessPackage } from "@bankcrm/core/compliance";
import { appendAudit } from "../audit.js";
import type { Database } from "../database.js";
import { forbidden, notFound, principal, problem, readerOf, type Env } from "../http.js";
import type { RouteContext } from "./context.js";

/** Collections whose records name a customer by membership (households, company groups). */
const BY_MEMBERSHIP = COLLECTION_NAMES.filter((c) => collectionSpec(c).customerIndex === "members");

/** Every record that may name the customer, by collection: theirs, and each group with them as a member. */
async function recordsNaming(db: Database, customerId: string) {
  const r = await db.query<{ collection: CollectionName; body: Record<string, unknown> }>(
    `SELECT r.collection, r.body FROM records r
     WHERE r.customer_id = $1 OR (r.collection = 'customers' AND r.id = $1)
        OR (r.collection = ANY($2::text[]) AND r.body -> 'members' @> jsonb_build_array(jsonb_build_object('customerId', $1::text)))
     ORDER BY r.collection, r.id COLLATE "C"`,
    [customerId, BY_MEMBERSHIP],
  );
  const out: Partial<Record<CollectionName, Record<string, unknown>[]>> = {};
  for (const row of r.rows) (out[row.collection] ??= []).push(row.body);
  return out;
}

/** The copy for `customerId`, as the request asks for it, after its audit row (no row, no copy). */
async function answer(ctx: RouteContext, c: Context<Env>, customerId: string, actor: { id: string; role: string }) {
  const { db, now } = ctx;
  const at = now().toISOString();
  const format = c.req.query("format") ?? "json";
  const locale = c.req.query("locale") ?? "zh-CN";
  if ((format !== "json" && format !== "text") || (locale !== "zh-CN" && locale !== "en"))
    return problem(c, 400, "Expected format=json|text and locale=zh-CN|en");
  const records = await recordsNaming(db, customerId);
  if (!records.customers) return notFound(c, "customers", customerId);
  await db.transaction((tx) =>
    appendAudit(tx, {
      at,
      actorId: actor.id,
      actorRole: actor.role,
      action: "subject_access",
      customerId,
      reason: `copy as ${format}`,
    }),
  );
  const pkg = subjectAccessPackage(customerId, records, at);
  if (format === "json") return c.json(pkg);
  c.header("Content-Type", "text/plain; charset=utf-8");
  return c.body(subjectAccessDocument(pkg, locale));
}

/** Who among staff makes a copy for a customer of theirs. */
const COPY_MAKERS = new Set(["branch_manager"]);

export function personalDataRoutes(ctx: RouteContext) {
  const app = new Hono<Env>();

  app.get("/me/personal-data", (c) => {
    const me = c.get("customer");
    return answer(ctx, c, me.customerId, { id: me.customerId, role: "customer" });
  });

  app.get("/customers/:id/personal-data", async (c) => {
    const p = principal(c);
    if (!COPY_MAKERS.has(p.role)) return forbidden(c, "a branch manager makes a customer's copy of their data");
    const id = c.req.param("id");
    if (!(await ctx.db.customerVisible(id, readerOf(c)))) return notFound(c, "customers", id);
    return answer(ctx, c, id, p);
  });

  return app;
}
