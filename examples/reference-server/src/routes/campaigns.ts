/**
 * A campaign's launch on the bank's server: `POST /campaigns/{id}/launch` (If-Match: the campaign's ETag) takes the
 * audience as it stands — the campaign's saved segment run as SQL over the caller's customers, then core's
 * `planLaunch` over what the database holds for them now (their consents, holdings, earlier treatments) — and, in one
 * transaction, keeps every member as a `campaignMembers` record (treatment, control, or excluded with the reason),
 * moves the campaign to `active` through its state machine and writes an audit row. The answer is the campaign and
 * the counts. Marketing and branch managers (the machine's roles); a branch manager's audience is their branch.
 */
import { Hono, type Context } from "hono";
import {
  applyTransition,
  DAY_MS,
  definitionOf,
  DEFAULT_CONTACT_POLICY,
  derivedResponses,
  goalOf,
  measureCampaign,
  planLaunch,
  toSql,
  type Campaign,
  type CampaignMember,
  type Customer,
  type Holding,
  type Transaction,
  type ProductType,
  type Segment,
} from "@bankcrm/core";
import { appendAudit } from "../audit.js";
import { notFound, objectOf, principal, problem, readerOf, type Env } from "../http.js";
import { putRows } from "../record-rows.js";
import { Params, visibleSql, type Reader } from "../scope-sql.js";
import type { Database } from "../database.js";
import type { Sql } from "../sql.js";
import { mayWrite, preconditionFailed, writeProblem, type Outcome } from "../write-path.js";
import type { RouteContext } from "./context.js";
import { callList } from "./call-list.js";

/** What the database holds now about the segment's members: the facts `planLaunch` decides on. */
async function launchFacts(tx: Sql, ids: readonly string[], since: string) {
  const customers = await tx.query<{ body: Customer }>(
    "SELECT body FROM records WHERE collection = 'customers' AND id = ANY($1::text[])",
    [ids],
  );
  const held = await tx.query<{ customer_id: string; product: ProductType }>(
    `SELECT customer_id, body ->> 'productType' AS product FROM records
     WHERE collection = 'holdings' AND customer_id = ANY($1::text[]) AND body ->> 'status' <> 'closed'`,
    [ids],
  );
  const treated = await tx.query<{ customer_id: string; at: string }>(
    `SELECT customer_id, body ->> 'at' AS at FROM records
     WHERE collection = 'campaignMembers' AND customer_id = ANY($1::text[])
       AND body ->> 'group' = 'treatment' AND body ->> 'at' > $2`,
    [ids, since],
  );
  const holds = new Map<string, Set<ProductType>>();
  for (const { customer_id: id, product } of held.rows) {
    const set = holds.get(id);
    if (set) set.add(product);
    else holds.set(id, new Set([product]));
  }
  return {
    customers: customers.rows.map((r) => r.body),
    holds,
    contacts: treated.rows.map((r) => ({ customerId: r.customer_id, at: r.at })),
  };
}

function launch({ db, write, now, catalog }: RouteContext) {
  return (c: Context<Env>) => {
    const refused = mayWrite(c, "campaigns", "transition");
    if (refused) return refused;
    const ifMatch = c.req.header("If-Match");
    if (!ifMatch) return problem(c, 428, "If-Match required", "send the campaign's ETag the launch was decided on");
    const id = c.req.param("id") ?? "";
    return write.idempotent(
      c,
      (r) => r,
      async (body, tx): Promise<Outcome | Response> => {
        const share = objectOf(body).controlShare;
        if (share !== undefined && !(typeof share === "number" && share >= 0 && share < 0.5))
          return problem(c, 400, "Expected { controlShare? }", "controlShare: the share held out, from 0 to under 0.5");
        const current = await db.get("campaigns", id, tx, readerOf(c));
        if (!current) return notFound(c, "campaigns", id);
        if (current.etag !== ifMatch) return preconditionFailed(c, "campaigns", current);
        const campaign = current.body as unknown as Campaign;
        const segment = campaign.segmentId ? await db.get("segments", campaign.segmentId, tx) : undefined;
        if (!segment)
          return problem(c, 409, "No saved segment", "save the campaign's segment before launching it", {
            code: "segment_missing",
          });
        const at = now().toISOString();
        let launched: Record<string, unknown>;
        try {
          launched = applyTransition("campaigns", campaign as never, "launch", {
            actor: principal(c),
            at,
            locale: "en",
          });
        } catch (error) {
          return writeProblem(c, error, "campaigns");
        }
        // The audience as it stands: the segment's members the caller may see, then what is known of each now.
        const sql = toSql(definitionOf(segment.body as unknown as Segment), catalog, {
          dialect: "postgres",
          table: "customer_segment_view",
        });
        const { ids } = await db.segment(sql, { limit: 10_000_000 }, readerOf(c), tx);
        const since = new Date(Date.parse(at) - DEFAULT_CONTACT_POLICY.windowDays * DAY_MS).toISOString();
        const plan = planLaunch(campaign, await launchFacts(tx, ids, since), {
          at,
          ...(typeof share === "number" ? { controlShare: share } : {}),
        });
        await putRows(tx, "campaignMembers", plan.members);
        const p = principal(c);
        await appendAudit(tx, {
          at,
          actorId: p.id,
          actorRole: p.role,
          action: "campaign_launch",
          reason: `${campaign.id}: ${plan.counts.treatment} treatment, ${plan.counts.control} control, ${plan.counts.excluded} excluded`,
        });
        const etag = await db.put("campaigns", launched, tx);
        return {
          status: 200,
          body: { campaign: launched, counts: plan.counts, excludedBy: plan.excludedBy },
          etag,
        };
      },
      { stillVisible: () => Promise.resolve(true) },
    );
  };
}

/**
 * A launch's members — their ids are `<campaignId>--<customerId>`, a range of the key — those `reader` may see (all
 * without one).
 */
export async function campaignMembersOf(db: Database, campaignId: string, reader?: Reader): Promise<CampaignMember[]> {
  const params = new Params([`${campaignId}--`, `${campaignId}-.`]);
  const r = await db.query<{ body: CampaignMember }>(
    `SELECT r.body FROM records r WHERE r.collection = 'campaignMembers'
       AND r.id COLLATE "C" >= $1 AND r.id COLLATE "C" < $2 AND ${visibleSql("campaignMembers", reader, params)}`,
    params.values,
  );
  return r.rows.map((row) => row.body);
}

/** What a conversion is worth when the caller does not say (minor units): a year's margin on a typical product. */
const VALUE_PER_CONVERSION = 200_000;

/**
 * `GET /campaigns/{id}/effect`: the campaign measured from the records — its launch's members the caller may see,
 * who of them reached the goal in the window (core's `measureCampaign`) — as of now; the treated who converted are kept
 * as `converted` campaign responses (`derivedResponses`). `?value=` a conversion's worth.
 */
function effect({ db, now }: RouteContext) {
  return async (c: Context<Env>) => {
    const p = principal(c);
    if (!["marketing", "branch_manager", "auditor"].includes(p.role))
      return problem(c, 403, "Forbidden", "a campaign's effect is for marketing, branch managers and auditors");
    const value = c.req.query("value") === undefined ? VALUE_PER_CONVERSION : Number(c.req.query("value"));
    if (!Number.isSafeInteger(value) || value < 0) return problem(c, 400, "Malformed value", "minor units, 0 or more");
    const current = await db.get("campaigns", c.req.param("id") ?? "", undefined, readerOf(c));
    if (!current) return notFound(c);
    const campaign = current.body as unknown as Campaign;
    if (!goalOf(campaign))
      return problem(c, 409, "No goal", "give the campaign a goal or a product to measure", { code: "no_goal" });
    const members = await campaignMembersOf(db, campaign.id, readerOf(c));
    if (members.length === 0)
      return problem(c, 409, "Not launched", "a campaign is measured after its launch", { code: "not_launched" });
    const ids = members.filter((m) => m.group !== "excluded").map((m) => m.customerId);
    const from = members[0]!.at.slice(0, 10);
    // What the goal reads: the members' holdings opened (or closed) since the launch, or their transactions since;
    // and the other launches' treatments of them (overlap, contamination).
    const byTransaction = goalOf(campaign)!.kind === "transaction";
    const [holdings, transactions, others] = await Promise.all([
      byTransaction
        ? { rows: [] }
        : db.query<{ body: Holding }>(
            `SELECT body FROM records WHERE collection = 'holdings' AND customer_id = ANY($1::text[])
               AND (body ->> 'openedAt' >= $2 OR body ->> 'closedAt' >= $2)`,
            [ids, from],
          ),
      byTransaction
        ? db.query<{ body: Transaction }>(
            `SELECT body FROM records WHERE collection = 'transactions' AND customer_id = ANY($1::text[]) AND body ->> 'at' >= $2`,
            [ids, from],
          )
        : { rows: [] },
      db.query<{ body: CampaignMember }>(
        `SELECT body FROM records WHERE collection = 'campaignMembers' AND customer_id = ANY($1::text[])
           AND body ->> 'group' = 'treatment' AND body ->> 'campaignId' <> $2`,
        [ids, campaign.id],
      ),
    ]);
    const facts = { holdings: holdings.rows.map((r) => r.body), transactions: transactions.rows.map((r) => r.body) };
    // The responses the records show, kept (the same ids each time: a measurement again rewrites nothing).
    const responses = derivedResponses(campaign, members, facts, { asOf: now().toISOString() });
    if (responses.length > 0) await db.putMany("campaignResponses", responses);
    const measured = measureCampaign(campaign, members, facts, {
      asOf: now().toISOString(),
      revenuePerConversion: value,
      others: others.rows.map((r) => r.body),
    });
    return c.json(measured);
  };
}

export function campaignRoutes(context: RouteContext) {
  const app = new Hono<Env>();
  app.post("/campaigns/:id/launch", launch(context));
  app.get("/campaigns/:id/effect", effect(context));
  app.get("/campaigns/:id/call-list", callList(context));
  return app;
}
