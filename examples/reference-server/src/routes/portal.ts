/**
 * The portal's routes: what a customer signed in to internet banking or the
 * app may see and do about themselves (a token with role `customer`, docs/server/identity.md).
 *
 * - See: their profile, holdings, cases, leads and points (the ledger, its balance, their tier's benefits) — identifiers masked as
 *   everywhere, their own amounts shown, and none of staff's fields (who a case
 *   is assigned to, its internal history, tags, notes).
 * - Do: leave a lead for their relationship manager, lodge a complaint or
 *   request (channel internet banking, with its working-day time limit), rate a
 *   resolved case, change their contact details and give or withdraw consents
 *   (core's `applySelfServiceChange`, kept as history).
 *
 * Every write is idempotent and its free text is cleared of identifiers, as
 * staff's are; it reaches the relationship manager and the branch through the
 * change feed. There is no customer id in these paths: another customer's
 * records cannot be named, and staff routes do not exist for a customer (404).
 */
import { Hono, type Context } from "hono";
import * as z from "zod";
import {
  applySelfServiceChange,
  collectionSchemas,
  caseDerivedFields,
  computeSlaDue,
  maskRecord,
  slaPolicyFor,
  validate,
  type Customer,
} from "@bankcrm/core";
import {
  CONTACT_TIMES,
  LEAD_PURPOSES,
  PRIVACY_RIGHTS,
  PRODUCT_TYPES,
  SERVICE_CASE_TYPES,
} from "@bankcrm/core/vocabulary";
import { DEFAULT_LOYALTY_PROGRAM, pointsBalance, type LoyaltyEntry } from "@bankcrm/core/loyalty";
import type { Collection, StoredRecord } from "../database.js";
import { invalid, notFound, objectOf, problem, type Env } from "../http.js";
import type { Sql } from "../sql.js";
import { preconditionFailed, writeProblem, type Outcome } from "../write-path.js";
import type { RouteContext } from "./context.js";
import { changePage, changeStream, type Viewer } from "./changes.js";

/** The fields of a customer's own records that are staff's: never sent to the customer. */
export const STAFF_ONLY_FIELDS: Partial<Record<Collection, readonly string[]>> = {
  // The AML risk rating is never told to the customer (反洗钱法: no tipping off).
  customers: ["tags", "relationshipManagerId", "updatedBy", "amlRiskRating"],
  serviceCases: ["assignedTo", "createdBy", "updatedBy", "history", "escalationLevel", "priority"],
  leads: ["assignedTo", "createdBy", "updatedBy", "history", "notes", "disqualifiedReason", "branchId"],
  loyaltyEntries: ["createdBy", "updatedBy"],
};

/** A record as its customer sees it: identifiers masked, their amounts shown, staff's fields gone. */
export function ownView(collection: Collection, body: Record<string, unknown>): Record<string, unknown> {
  const masked = maskRecord(collectionSchemas[collection], body, { keepValues: true }) as Record<string, unknown>;
  for (const field of STAFF_ONLY_FIELDS[collection] ?? []) delete masked[field];
  return masked;
}

const Id = z.string().regex(/^[A-Za-z0-9_-]{3,64}$/);
/** What a customer sends: a lead for their relationship manager. */
const LeadRequest = z.strictObject({
  id: Id,
  purpose: z.enum(LEAD_PURPOSES),
  productInterest: z.enum(PRODUCT_TYPES).optional(),
  preferredContactTime: z.enum(CONTACT_TIMES).optional(),
  message: z.string().max(500).optional(),
  /** The version of the consent text they agreed to (to be contacted about it by phone). */
  consentTextVersion: z.string().min(1).max(20),
});
/** A complaint or a request. */
const CaseRequest = z.strictObject({
  id: Id,
  type: z.enum(SERVICE_CASE_TYPES),
  /** A personal-information request's right: access, a copy, correction, deletion. */
  privacyRight: z.enum(PRIVACY_RIGHTS).optional(),
  subject: z.string().min(1).max(120),
  description: z.string().max(2000).optional(),
});
const RatingRequest = z.strictObject({
  satisfaction: z.int().min(1).max(5),
  comment: z.string().max(500).optional(),
});
const ChangeRequest = z.strictObject({ id: Id, input: z.record(z.string(), z.unknown()) });
/** The portal's request bodies, by the contract's component name (scripts/openapi.ts). */
export const PORTAL_REQUESTS = {
  PortalLeadRequest: LeadRequest,
  PortalCaseRequest: CaseRequest,
  PortalRatingRequest: RatingRequest,
  PortalChangeRequest: ChangeRequest,
};

/** The signed-in customer's id, their stored record, and their records of a collection as they see them. */
function own({ db }: Pick<RouteContext, "db">) {
  const me = (c: Context<Env>) => c.get("customer").customerId;
  return {
    me,
    self: (c: Context<Env>, tx?: Sql): Promise<StoredRecord | undefined> => db.get("customers", me(c), tx),
    mine: async (c: Context<Env>, collection: Collection) =>
      (await db.ofCustomer(collection, me(c))).map((r) => ownView(collection, r)),
    /** An idempotent replay is answered while the record is still the customer's. */
    stillMine: (c: Context<Env>) => (r: Record<string, unknown>) => Promise.resolve(r.customerId === me(c)),
  };
}

/**
 * A create of one of the customer's records: the request validated, their record read, the id refused when taken
 * (409, saying nothing of the record), the new record built, validated strictly, its free text cleared, stored.
 */
function createOwn<R>(
  ctx: RouteContext,
  collection: Collection,
  schema: z.ZodType<R>,
  build: (request: R, customer: Customer, at: string) => unknown,
) {
  const { db, write, now } = ctx;
  const { self, stillMine } = own(ctx);
  return (c: Context<Env>) =>
    write.idempotent(
      c,
      (r) => ownView(collection, r as Record<string, unknown>),
      async (body, tx): Promise<Outcome | Response> => {
        const request = validate(schema, body, "en");
        if (!request.success) return invalid(c, request.errors);
        const customer = await self(c, tx);
        if (!customer) return notFound(c);
        if (await db.get(collection, (request.data as { id: string }).id, tx, undefined, false))
          return problem(c, 409, "Id taken", "choose another id for the new record", { code: "id_taken" });
        const at = now().toISOString();
        const record = validate(collectionSchemas[collection], build(request.data, customer.body as never, at), "en", {
          strict: true,
        });
        if (!record.success) return invalid(c, record.errors);
        try {
          const clean = await write.cleared(collection, record.data, tx);
          return { status: 201, body: clean, etag: await db.put(collection, clean, tx) };
        } catch (error) {
          return writeProblem(c, error, collection);
        }
      },
      { stillVisible: stillMine(c) },
    );
}

const newLead = (r: z.infer<typeof LeadRequest>, customer: Customer, at: string) => ({
  id: r.id,
  customerId: customer.id,
  name: customer.name,
  mobile: customer.contact.mobile,
  purpose: r.purpose,
  ...(r.productInterest ? { productInterest: r.productInterest } : {}),
  ...(r.preferredContactTime ? { preferredContactTime: r.preferredContactTime } : {}),
  ...(r.message ? { notes: r.message } : {}),
  source: "internet_banking",
  status: "new",
  branchId: customer.branchId,
  ...(customer.relationshipManagerId ? { assignedTo: customer.relationshipManagerId } : {}),
  consent: { purpose: "marketing", channel: "phone", granted: true, textVersion: r.consentTextVersion, recordedAt: at },
  createdAt: at,
  createdBy: customer.id,
  version: 1,
});

const newCase = (r: z.infer<typeof CaseRequest>, customer: Customer, at: string) => {
  const priority = r.type === "fraud_report" ? "urgent" : "medium";
  return {
    id: r.id,
    customerId: customer.id,
    type: r.type,
    priority,
    channel: "online_banking",
    status: "open",
    subject: r.subject,
    ...(r.description ? { description: r.description } : {}),
    ...(r.privacyRight ? { privacyRight: r.privacyRight } : {}),
    openedAt: at,
    slaDueAt: computeSlaDue(at, slaPolicyFor({ type: r.type, priority })).dueAt,
    // The regulator's limit (a complaint's, a personal-information request's), from the day it was received.
    ...caseDerivedFields({ type: r.type, openedAt: at }),
    createdBy: customer.id,
    version: 1,
  };
};

/** A rating, once, on a case of the customer's that is resolved or closed. */
function rateCase(ctx: RouteContext) {
  const { db, write, now } = ctx;
  const { me, stillMine } = own(ctx);
  return (c: Context<Env>) =>
    write.idempotent(
      c,
      (r) => ownView("serviceCases", r as Record<string, unknown>),
      async (body, tx) => {
        const request = validate(RatingRequest, body, "en");
        if (!request.success) return invalid(c, request.errors);
        const current = await db.get("serviceCases", c.req.param("id") ?? "", tx);
        if (!current || current.body.customerId !== me(c)) return notFound(c);
        if (!["resolved", "closed"].includes(String(current.body.status)) || current.body.satisfaction !== undefined)
          return problem(c, 409, "Not open to rating", "a case is rated once, after it is resolved", {
            code: "not_ratable",
          });
        const rated = {
          ...current.body,
          satisfaction: request.data.satisfaction,
          ...(request.data.comment ? { satisfactionComment: request.data.comment } : {}),
          updatedAt: now().toISOString(),
          updatedBy: me(c),
          version: Number(current.body.version ?? 0) + 1,
        };
        const clean = await write.cleared("serviceCases", rated, tx);
        return { status: 200, body: clean, etag: await db.put("serviceCases", clean, tx) };
      },
      { stillVisible: stillMine(c) },
    );
}

/** Contact details and consents, kept as history (If-Match: the profile's ETag). */
function changeSelf(ctx: RouteContext) {
  const { write, now } = ctx;
  const { me, self } = own(ctx);
  return (c: Context<Env>) => {
    const ifMatch = c.req.header("If-Match");
    if (!ifMatch) return problem(c, 428, "If-Match required", "send the profile's ETag the change was made on");
    return write.idempotent(
      c,
      (r) => ownView("customers", objectOf(r).customer as Record<string, unknown>),
      async (body, tx) => {
        const request = validate(ChangeRequest, body, "en");
        if (!request.success) return invalid(c, request.errors);
        const current = await self(c, tx);
        if (!current) return notFound(c);
        if (current.etag !== ifMatch) return preconditionFailed(c, "customers", undefined);
        try {
          const { customer, change } = applySelfServiceChange(current.body as unknown as Customer, request.data.input, {
            customerId: me(c),
            at: now().toISOString(),
            id: request.data.id,
            locale: "en",
          });
          return await write.keepCustomerChange({ customer, change }, tx);
        } catch (error) {
          return writeProblem(c, error, "customers");
        }
      },
      { stillVisible: () => Promise.resolve(true) },
    );
  };
}

/** What a customer follows of the change feed: their own profile, holdings, cases, leads and points. */
const FOLLOWED: readonly Collection[] = ["customers", "holdings", "serviceCases", "leads", "loyaltyEntries"];

/** The customer as a follower of the feed: their own records only, each as they see it (`ownView`). */
function customerViewer(c: Context<Env>): Viewer {
  const me = c.get("customer").customerId;
  return {
    key: `customer:${me}`,
    presentation: "own",
    reader: undefined, // every change, then only their own
    receives: ({ collection, id, body }) =>
      body !== undefined &&
      FOLLOWED.includes(collection) &&
      (collection === "customers" ? id === me : body.customerId === me),
    present: ({ body, ...change }) => ({ ...change, change: "put", record: ownView(change.collection, body!) }),
  };
}

export function portalRoutes(ctx: RouteContext) {
  const app = new Hono<Env>();
  const { self, mine } = own(ctx);
  const newest = (items: Record<string, unknown>[]) =>
    items.sort((a, b) => String(b.openedAt).localeCompare(String(a.openedAt)));

  app.get("/me", async (c) => {
    const customer = await self(c);
    if (!customer) return notFound(c);
    c.header("ETag", customer.etag);
    return c.json(ownView("customers", customer.body));
  });
  app.get("/me/holdings", async (c) => c.json({ items: await mine(c, "holdings") }));
  app.get("/me/cases", async (c) => c.json({ items: newest(await mine(c, "serviceCases")) }));
  app.get("/me/leads", async (c) => c.json({ items: await mine(c, "leads") }));
  // Their points: the ledger newest first, and core's balance of it now (what lapses when) with their tier's benefits.
  app.get("/me/loyalty", async (c) => {
    const customer = await self(c);
    if (!customer) return notFound(c);
    const items = (await mine(c, "loyaltyEntries")) as unknown as LoyaltyEntry[];
    const tier = (customer.body as unknown as Customer).tier ?? "standard";
    return c.json({
      balance: pointsBalance(items, ctx.now().toISOString()),
      tier,
      benefits: DEFAULT_LOYALTY_PROGRAM.benefits[tier],
      items: items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at)),
    });
  });
  app.post("/me/leads", createOwn(ctx, "leads", LeadRequest, newLead));
  app.post("/me/cases", createOwn(ctx, "serviceCases", CaseRequest, newCase));
  app.post("/me/cases/:id/rating", rateCase(ctx));
  app.post("/me/changes", changeSelf(ctx));
  // Their own records as they change — a case the call centre resolves, a holding's new balance — a page at a time
  // or as server-sent events, in the staff feed's protocol (cursor, Last-Event-ID, live, gone).
  app.get("/me/changes", changePage(ctx, customerViewer));
  app.get("/me/changes/stream", changeStream(ctx, customerViewer));
  return app;
}
