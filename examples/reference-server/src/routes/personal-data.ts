/**
 * The right of access and copy (个人信息保护法 Arts. 44–45) where the data is: everything the bank holds that names a
 * person, read in one query — records of theirs and the households and groups they belong to — and made into core's
 * package (`subjectAccessPackage`: their own values in full; other people, staff and the AML rating withheld with
 * the reasons). As JSON, or (`?format=text`) the readable document in zh-CN or English (`?locale=en`). Each copy is
 * in the audit chain. The customer asks for their own (`GET /me/personal-data`: their sign-in is the identity check);
 * head office's privacy officer (个人信息保护负责人, PIPL Art. 52), or a branch manager for a customer of theirs, makes
 * one for a person who asked at the branch or by phone.
 *
 * The right to deletion (Art. 47) under legal holds (src/erasure.ts, core's `retentionPlan`): the privacy officer
 * sees what a request would do (`GET /customers/{id}/erasure`) and fulfils it (`POST`): held records restricted, the
 * rest erased or anonymised, in one transaction, audited (`erasure`); the answer gives the reasons for anything kept,
 * and the person reads it in the portal (`GET /me/erasure`). The nightly purge (`POST /retention/purge`, or
 * `reference-server purge`) erases what closed relationships no longer need, audited (`retention_purge`).
 */
import type { Context } from "hono";
import { Hono } from "hono";
import {
  erasureAnswer,
  subjectAccessDocument,
  subjectAccessPackage,
  type RetentionPlan,
  type RetentionTable,
} from "@bankcrm/core/compliance";
import { eraseOnRequest, lastErasure, purge } from "../erasure.js";
import { appendAudit } from "../audit.js";
import { recordsNaming } from "../record-rows.js";
import { forbidden, notFound, principal, problem, readerOf, type Env } from "../http.js";
import type { RouteContext } from "./context.js";

/** The locale a request asks its answer in (zh-CN unless it says), or undefined when it is not one. */
function localeOf(c: Context<Env>) {
  const locale = c.req.query("locale") ?? "zh-CN";
  return locale === "zh-CN" || locale === "en" ? locale : undefined;
}

/** The copy for `customerId`, as the request asks for it, after its audit row (no row, no copy). */
async function answer(ctx: RouteContext, c: Context<Env>, customerId: string, actor: { id: string; role: string }) {
  const { db, now } = ctx;
  const at = now().toISOString();
  const format = c.req.query("format") ?? "json";
  const locale = localeOf(c);
  if ((format !== "json" && format !== "text") || !locale)
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

/** Who among staff makes a copy for a customer of theirs; who fulfils a deletion request, and runs the purge. */
const COPY_MAKERS = new Set(["branch_manager", "privacy_officer"]);
const ERASERS = new Set(["privacy_officer"]);

/** A plan and the person's answer, in the locale asked for. */
const answered = (c: Context<Env>, plan: RetentionPlan, table: RetentionTable | undefined, extra = {}) => {
  const locale = localeOf(c);
  if (!locale) return problem(c, 400, "Expected locale=zh-CN|en");
  return c.json({ plan, answer: erasureAnswer(plan, locale, table), ...extra });
};

export function personalDataRoutes(ctx: RouteContext) {
  const app = new Hono<Env>();
  const { retention } = ctx;

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

  const erasure = (dryRun: boolean) => async (c: Context<Env>) => {
    const p = principal(c);
    if (!ERASERS.has(p.role)) return forbidden(c, "head office's privacy officer fulfils a deletion request");
    const id = c.req.param("id")!;
    if (!(await ctx.db.customerVisible(id, readerOf(c)))) return notFound(c, "customers", id);
    if (!localeOf(c)) return problem(c, 400, "Expected locale=zh-CN|en");
    const at = ctx.now().toISOString();
    const done = await eraseOnRequest(ctx.db, id, { at, actor: p, dryRun, ...(retention ? { table: retention } : {}) });
    if (!done) return notFound(c, "customers", id);
    return answered(c, done.plan, retention, done.applied ? { applied: done.applied } : {});
  };
  app.get("/customers/:id/erasure", erasure(true));
  app.post("/customers/:id/erasure", erasure(false));

  app.get("/me/erasure", async (c) => {
    const plan = await lastErasure(ctx.db, c.get("customer").customerId);
    return plan ? answered(c, plan, retention) : problem(c, 404, "Not Found", "no deletion request has been fulfilled");
  });

  app.post("/retention/purge", async (c) => {
    const p = principal(c);
    if (!ERASERS.has(p.role)) return forbidden(c, "head office's privacy officer runs the retention purge");
    const report = await purge(ctx.db, {
      at: ctx.now().toISOString(),
      actor: p,
      ...(retention ? { table: retention } : {}),
    });
    return c.json(report);
  });

  return app;
}
