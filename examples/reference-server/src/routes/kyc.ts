/**
 * KYC kept current, where the data is: per branch, the caller's customers whose identity document lapsed or is
 * about to, whose due-diligence review is overdue or due, and how many are restricted — one set-based query over the
 * book (core's `kycByBranch` is the same rule in JavaScript; a test holds them to each other). Head office sees every
 * branch, a branch manager theirs, a relationship manager their book.
 */
import { Hono } from "hono";
import { bankDay, DAY_MS } from "@bankcrm/core";
import { DEFAULT_KYC_POLICY, type BranchKyc } from "@bankcrm/core/compliance";
import { readerOf, type Env } from "../http.js";
import { Params, visibleSql } from "../scope-sql.js";
import type { RouteContext } from "./context.js";

export function kycRoutes({ db, now, sales }: RouteContext) {
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

  return app;
}
