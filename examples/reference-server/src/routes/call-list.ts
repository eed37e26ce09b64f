/**
 * `GET /campaigns/{id}/call-list`: a running phone campaign's call list as the server judges it now — core's
 * `outboundCallList` over the launch's members the caller may see, their records and the campaign's responses: only
 * customers whose consent to marketing by phone is in force, not deceased or closed, not answered, retries spaced,
 * and `open` only within the bank's calling hours. Names come as the caller is shown them (a person's masked). For the call centre and those who may record
 * a call's outcome (service agents, relationship managers, marketing) and branch managers.
 */
import type { Context } from "hono";
import { collectionSpec, type Campaign, type CampaignResponse, type Customer } from "@bankcrm/core";
import { outboundCallList } from "@bankcrm/core/marketing";
import { notFound, present, principal, problem, readerOf, type Env } from "../http.js";
import type { RouteContext } from "./context.js";
import { campaignMembersOf } from "./campaigns.js";

/** Those who may record a call's outcome (core's table), and branch managers, who oversee the work. */
const CALLERS: readonly string[] = [...(collectionSpec("campaignResponses").write?.roles ?? []), "branch_manager"];

export function callList({ db, now }: RouteContext) {
  return async (c: Context<Env>) => {
    if (!CALLERS.includes(principal(c).role))
      return problem(c, 403, "Forbidden", "a call list is for the call centre, relationship managers and marketing");
    const current = await db.get("campaigns", c.req.param("id") ?? "", undefined, readerOf(c));
    if (!current) return notFound(c);
    const campaign = current.body as unknown as Campaign;
    const members = (await campaignMembersOf(db, campaign.id, readerOf(c))).filter((m) => m.group === "treatment");
    const ids = members.map((m) => m.customerId);
    const [people, responses] = await Promise.all([
      db.query<{ body: Customer }>("SELECT body FROM records WHERE collection = 'customers' AND id = ANY($1::text[])", [
        ids,
      ]),
      db.query<{ body: CampaignResponse }>(
        `SELECT body FROM records WHERE collection = 'campaignResponses' AND customer_id = ANY($1::text[])
           AND body ->> 'campaignId' = $2`,
        [ids, campaign.id],
      ),
    ]);
    const customers = new Map(people.rows.map((r) => [r.body.id, r.body]));
    const list = outboundCallList(
      campaign,
      members,
      customers,
      responses.rows.map((r) => r.body),
      { now: now() },
    );
    // Each name as the caller is shown it (a person's masked, a company's as registered).
    const names = Object.fromEntries(
      [...customers.values()].map((p) => [p.id, (present(c, "customers", p) as Customer).name]),
    );
    return c.json({ ...list, names });
  };
}
