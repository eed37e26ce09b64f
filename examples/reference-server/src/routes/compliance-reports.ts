/**
 * Head office's compliance reports, where the data is — each one set-based query over the caller's customers, held
 * by a test to core's rule in JavaScript.
 *
 * KYC kept current: per branch, the caller's customers whose identity document lapsed or is
 * about to, whose due-diligence review is overdue or due, and how many are restricted — one set-based query over the
 * book (core's `kycByBranch` is the same rule in JavaScript; a test holds them to each other). Head office sees every
 * branch, a branch manager theirs, a relationship manager their book.
 */
import { Hono } from "hono";
import { bankDay, DAY_MS } from "@bankcrm/core";
import { DEFAULT_KYC_POLICY, type BranchBreaches, type BranchKyc } from "@bankcrm/core/compliance";
import { readerOf, type Env } from "../http.js";
import { Params, visibleSql } from "../scope-sql.js";
import type { RouteContext } from "./context.js";

export function complianceReportRoutes({ db, now, sales }: RouteContext) {
  const app = new Hono<Env>();
  // The cycle the sale check judges KYC by: one policy for the restriction and for head office's view.
  const kyc = sales.salePolicy?.kyc ?? DEFAULT_KYC_POLICY;

  app.get("/kyc/branches", async (c) => {
    const today = bankDay(now());
    const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + kyc.windowDays * DAY_MS).toISOString().slice(0, 10);
    const p = new Params();
    const [t, h] = [p.add(today), p.add(horizon)];
    const cycle = `CASE r.body ->> 'amlRiskRating' WHEN 'high' THEN ${p.add(kyc.reviewDays.high)}::int
      WHEN 'medium' THEN ${p.add(kyc.reviewDays.medium)}::int WHEN 'low' THEN ${p.add(kyc.reviewDays.low)}::int END`;
    const rows = await db.query<Record<string, string | number>>(
      `WITH k AS (
         SELECT r.body ->> 'branchId' AS branch,
                r.body -> 'idDocument' ->> 'validUntil' AS valid_until,
                (COALESCE(r.body ->> 'dueDiligenceAt', r.body ->> 'onboardedAt'))::date + ${cycle} AS review_due,
                r.body ->> 'kycStatus' AS status
         FROM records r
         WHERE r.collection = 'customers' AND r.body ->> 'status' <> 'closed' AND ${visibleSql("customers", readerOf(c), p)})
       SELECT branch AS "branchId", count(*)::int AS customers,
              count(*) FILTER (WHERE valid_until < ${t})::int AS "documentsExpired",
              count(*) FILTER (WHERE valid_until >= ${t} AND valid_until <= ${h})::int AS "documentsExpiring",
              count(*) FILTER (WHERE review_due < ${t}::date)::int AS "reviewsOverdue",
              count(*) FILTER (WHERE review_due >= ${t}::date AND review_due <= ${h}::date)::int AS "reviewsDue",
              count(*) FILTER (WHERE valid_until < ${t} OR review_due < ${t}::date OR status IS DISTINCT FROM 'verified')::int
                AS restricted
       FROM k GROUP BY branch ORDER BY restricted DESC, branch COLLATE "C"`,
      p.values,
    );
    return c.json({ asOf: today, items: rows.rows as unknown as BranchKyc[] });
  });

  /**
   * Breaches of the regulator's limits (core's `regulatoryBreaches`): complaints and personal-information requests
   * open past their `regulatoryDueAt` or answered after it, per branch of their customer, most first. Instants are
   * stored in UTC (`…Z`), so they compare as text.
   */
  app.get("/service/breaches", async (c) => {
    const at = now().toISOString();
    const p = new Params();
    const t = p.add(at);
    const rows = await db.query<Record<string, string | number>>(
      `WITH b AS (
         SELECT k.body ->> 'branchId' AS branch, s.body ->> 'type' AS type,
                CASE WHEN s.body ->> 'status' IN ('resolved', 'closed')
                     THEN CASE WHEN s.body ->> 'resolvedAt' > s.body ->> 'regulatoryDueAt' THEN 'late' END
                     ELSE CASE WHEN ${t} > s.body ->> 'regulatoryDueAt' THEN 'open' END END AS kind
         FROM records s JOIN records k ON k.collection = 'customers' AND k.id = s.customer_id
         WHERE s.collection = 'serviceCases' AND s.body ? 'regulatoryDueAt'
           AND ${visibleSql("customers", readerOf(c), p, "k")})
       SELECT branch AS "branchId", count(*) FILTER (WHERE kind = 'open')::int AS open,
              count(*) FILTER (WHERE kind = 'late')::int AS late,
              count(*) FILTER (WHERE type = 'complaint')::int AS complaints,
              count(*) FILTER (WHERE type <> 'complaint')::int AS "personalInformation"
       FROM b WHERE kind IS NOT NULL GROUP BY branch
       ORDER BY count(*) DESC, branch COLLATE "C"`,
      p.values,
    );
    return c.json({ at, items: rows.rows as unknown as BranchBreaches[] });
  });

  return app;
}
