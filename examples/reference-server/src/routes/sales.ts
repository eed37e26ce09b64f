/**
 * `GET /sales/performance`: targets, achievement, pace, rank and commission (销售业绩与佣金) from the database as of
 * the server's clock — core's `salesPerformance` over the records, the same function an embedded workstation runs.
 * A relationship manager gets their own; a branch manager their branch's targets and its staff's commission. Only
 * aggregates and holding ids leave: no customer's record. `?periodStart=&periodEnd=` the commission period (by
 * default the quarter of today); targets are those whose period overlaps it.
 */
import { Hono, type Context } from "hono";
import {
  DAY_MS,
  IsoDateSchema,
  quarterOf,
  salesPerformance,
  type Customer,
  type Holding,
  type SalesTarget,
} from "@bankcrm/core";
import { principal, problem, readerOf, type Env } from "../http.js";
import { Params, visibleSql } from "../scope-sql.js";
import type { Database } from "../database.js";
import type { Reader } from "../scope-sql.js";
import type { RouteContext } from "./context.js";

/** A card first used up to this long after its opening still counts as an activation of the period it falls in. */
const ACTIVATION_LOOKBACK_DAYS = 92;

function periodOf(c: Context<Env>, today: string) {
  const start = c.req.query("periodStart");
  const end = c.req.query("periodEnd");
  if (start === undefined && end === undefined) return quarterOf(today);
  if (!IsoDateSchema.safeParse(start).success || !IsoDateSchema.safeParse(end).success) return undefined;
  const days = (Date.parse(end!) - Date.parse(start!)) / DAY_MS;
  return days >= 0 && days <= 366 ? { periodStart: start!, periodEnd: end! } : undefined;
}

/**
 * What performance is computed from, between `from` and `to`: the customers in the reader's scope (RM, branch,
 * onboarding), the holdings opened or closed then — of those customers, or sold or referred by one of `people` (a
 * customer since moved to another book stays the seller's sale), cards opened a little earlier for their activation —
 * and each card's first use.
 */
async function salesFacts(db: Database, reader: Reader, people: readonly string[], from: string, to: string) {
  const p2 = new Params();
  const customers = (
    await db.query<{ id: string; rm: string | null; branch: string; onboarded: string }>(
      `SELECT r.id, r.rm_id AS rm, r.branch_id AS branch, r.body ->> 'onboardedAt' AS onboarded FROM records r
       WHERE r.collection = 'customers' AND ${visibleSql("customers", reader, p2)}`,
      p2.values,
    )
  ).rows.map((r): Pick<Customer, "id" | "onboardedAt" | "relationshipManagerId" | "branchId"> => ({
    id: r.id,
    branchId: r.branch,
    ...(r.rm !== null ? { relationshipManagerId: r.rm } : {}),
    onboardedAt: r.onboarded,
  }));
  const cardsFrom = new Date(Date.parse(from) - ACTIVATION_LOOKBACK_DAYS * DAY_MS).toISOString().slice(0, 10);
  const p3 = new Params([from, to, people, cardsFrom]);
  const holdings = (
    await db.query<{ body: Holding }>(
      `SELECT r.body FROM records r WHERE r.collection = 'holdings'
         AND ((r.body ->> 'openedAt' BETWEEN $1 AND $2) OR (r.body ->> 'closedAt' BETWEEN $1 AND $2)
              OR (r.body ->> 'productType' = 'credit_card' AND r.body ->> 'openedAt' BETWEEN $4 AND $2))
         AND (r.body ->> 'soldBy' = ANY($3::text[]) OR r.body ->> 'referredBy' = ANY($3::text[])
              OR ${visibleSql("holdings", reader, p3)})`,
      p3.values,
    )
  ).rows.map((r) => r.body);
  const cards = holdings.filter((h) => h.productType === "credit_card").map((h) => h.id);
  const transactions =
    cards.length === 0
      ? []
      : (
          await db.query<{ holdingId: string; at: string }>(
            `SELECT body ->> 'holdingId' AS "holdingId", min(body ->> 'at') AS at FROM records
             WHERE collection = 'transactions' AND body ->> 'holdingId' = ANY($1::text[]) GROUP BY 1`,
            [cards],
          )
        ).rows;
  return { customers, holdings, transactions };
}

const FORBIDDEN = "sales performance is a relationship manager's own or their branch manager's";
const MALFORMED_PERIOD = "periodStart and periodEnd: ISO dates, in order, at most a year apart";

function performance({ db, now, sales: settings }: RouteContext) {
  return async (c: Context<Env>) => {
    const p = principal(c);
    if (p.role !== "relationship_manager" && p.role !== "branch_manager")
      return problem(c, 403, "Forbidden", FORBIDDEN);
    const asOf = now().toISOString();
    const period = periodOf(c, asOf.slice(0, 10));
    if (!period) return problem(c, 400, "Malformed period", MALFORMED_PERIOD);
    const reader = readerOf(c);
    const p1 = new Params([period.periodEnd, period.periodStart]);
    const targets = (
      await db.query<{ body: SalesTarget }>(
        `SELECT r.body FROM records r WHERE r.collection = 'salesTargets' AND r.body ->> 'periodStart' <= $1
           AND r.body ->> 'periodEnd' >= $2 AND ${visibleSql("salesTargets", reader, p1)} ORDER BY r.id`,
        p1.values,
      )
    ).rows.map((r) => r.body);
    // Whose figures these are: the RM, or the branch's staff (the directory's, and any with a target).
    const people = new Set(
      p.role === "relationship_manager"
        ? [p.id]
        : [
            ...(settings.staff ?? []).filter((s) => s.branchId === p.branchId).map((s) => s.id),
            ...targets.flatMap((t) => (t.staffId !== undefined ? [t.staffId] : [])),
          ],
    );
    const from = [period.periodStart, ...targets.map((t) => t.periodStart)].sort()[0]!;
    const to = [period.periodEnd, ...targets.map((t) => t.periodEnd)].sort().at(-1)!;
    const { customers, holdings, transactions } = await salesFacts(db, reader, [...people], from, to);
    const result = salesPerformance({
      targets,
      customers,
      holdings,
      transactions,
      ...(settings.staff ? { staff: settings.staff } : {}),
      ...(settings.scheme ? { scheme: settings.scheme } : {}),
      ...(settings.referralShare !== undefined ? { referralShare: settings.referralShare } : {}),
      asOf,
      period,
    });
    return c.json({
      ...result,
      commission: result.commission.filter((m) => people.has(m.staffId)),
      commissionConfigured: settings.scheme !== undefined,
    });
  };
}

export function salesRoutes(context: RouteContext) {
  const app = new Hono<Env>();
  app.get("/sales/performance", performance(context));
  return app;
}
