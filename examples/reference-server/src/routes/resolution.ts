/**
 * Entity resolution's routes, for branch managers (a branch's: the customers of their branch; head office's: the
 * bank's). `GET /resolution/review` proposes the pairs of their customers that may be one person — core's resolve
 * over the customers they may see, a pair kept apart never proposed — each with its evidence per field (levels and
 * weights only: the two records are read masked from `GET /customers/{id}`). `POST /resolution/merge` makes two
 * records one, `POST /resolution/merges/{id}/undo` undoes a merge, `POST /resolution/apart` remembers two people.
 */
import { Hono } from "hono";
import { partyOf, resolve, type ScoredPair } from "@bankcrm/core/resolution";
import { isMergeRefusedError, type Customer, type MergeRefusal } from "@bankcrm/core";
import { forbidden, MALFORMED, notFound, objectOf, principal, problem, readerOf, readJson, type Env } from "../http.js";
import { keepApart, mergeRecords, unmergeRecords } from "../resolution/merge.js";
import { customerSeenSql, Params } from "../scope-sql.js";
import type { RouteContext } from "./context.js";

/** The most customers one review reads (the set-based resolution of a whole book runs in the database: see docs). */
const REVIEW_BOOK_LIMIT = 20_000;
const STATUS: Record<MergeRefusal, number> = {
  notFound: 404,
  sameRecord: 422,
  differentKinds: 422,
  keptApart: 409,
  notLatest: 409,
  alreadyUnmerged: 409,
};

/**
 * The resolution job's queue (once a run has finished): its pairs whose two customers the reader may both see, still
 * both there and not kept apart since, strongest first. Undefined before any run.
 */
async function queuedReviews(db: RouteContext["db"], reader: ReturnType<typeof readerOf>, limit: number) {
  const { rows: runs } = await db.query("SELECT 1 FROM resolution_runs LIMIT 1");
  if (runs.length === 0) return undefined;
  const p = new Params();
  const { rows } = await db.query<{
    a: string;
    b: string;
    weight: number;
    probability: number;
    evidence: ScoredPair["evidence"];
    rule: ScoredPair["rule"] | null;
  }>(
    `SELECT q.a, q.b, q.weight, q.probability, q.evidence, q.rule FROM resolution_reviews q
     WHERE NOT EXISTS (SELECT 1 FROM resolution_apart ap WHERE ap.pair = q.pair) AND ${customerSeenSql("q.a", reader, p)} AND ${customerSeenSql("q.b", reader, p)}
     ORDER BY q.weight DESC LIMIT ${p.add(limit)}`,
    p.values,
  );
  return rows.map(({ a, b, weight, probability, evidence, rule }) => ({
    ids: [a, b],
    probability: Number(probability),
    weight: Number(weight),
    evidence,
    decision: "review" as const,
    ...(rule ? { rule } : {}),
  }));
}

/** A refused merge or unmerge as its problem answer (409 kept apart, not the latest…); anything else thrown on. */
function refusal(c: Parameters<typeof principal>[0], error: unknown) {
  if (isMergeRefusedError(error))
    return problem(c, STATUS[error.reason], "Refused", error.message, { code: error.reason });
  throw error;
}

/** A page's size: `?limit=` (default 50, at most 200). */
const limitOf = (c: { req: { query(name: string): string | undefined } }) =>
  Math.max(1, Math.min(200, Number.parseInt(c.req.query("limit") ?? "50", 10) || 50));

/**
 * Merges in force whose two records had different relationship managers — which one the bank's rule kept, and the
 * other — for the branch manager to confirm or reassign: the golden customer visible to the reader, newest first.
 */
async function managerConflicts(db: RouteContext["db"], reader: ReturnType<typeof readerOf>, limit: number) {
  const p = new Params();
  const { rows } = await db.query<{
    id: string;
    golden_id: string;
    merged_id: string;
    rm_conflict: { kept?: string; other?: string };
    merged_by: string;
    merged_at: string;
  }>(
    `SELECT m.id, m.golden_id, m.merged_id, m.rm_conflict, m.merged_by, m.merged_at FROM customer_merges m
     WHERE m.unmerged_at IS NULL AND m.rm_conflict IS NOT NULL
       AND ${customerSeenSql("m.golden_id", reader, p)}
     ORDER BY m.id DESC LIMIT ${p.add(limit)}`,
    p.values,
  );
  return rows.map((r) => ({
    mergeId: Number(r.id),
    goldenId: r.golden_id,
    mergedId: r.merged_id,
    ...(r.rm_conflict.kept ? { kept: r.rm_conflict.kept } : {}),
    ...(r.rm_conflict.other ? { other: r.rm_conflict.other } : {}),
    mergedBy: r.merged_by,
    mergedAt: new Date(r.merged_at).toISOString(),
  }));
}

export function resolutionRoutes({ db, now }: RouteContext) {
  const app = new Hono<Env>();
  const actorOf = (c: Parameters<typeof principal>[0]) => ({ id: principal(c).id, role: principal(c).role });
  const managerOnly = (c: Parameters<typeof principal>[0]) =>
    principal(c).role === "branch_manager" ? undefined : forbidden(c, "merging customers is for branch managers");
  /** The two ids of a body `{ ids: [a, b] }`, both customers the caller may see; or the answer refusing it. */
  const pairOf = async (c: Parameters<typeof principal>[0]) => {
    const body = await readJson(c);
    const ids = objectOf(body === MALFORMED ? {} : body).ids;
    if (!Array.isArray(ids) || ids.length !== 2 || !ids.every((id) => typeof id === "string" && id.length > 0))
      return { refused: problem(c, 400, "Invalid body", "ids: two customer ids") };
    const reader = readerOf(c);
    for (const id of ids as string[])
      if (!(await db.customerVisible(id, reader))) return { refused: notFound(c, "customers", id) };
    return { ids: ids as [string, string] };
  };

  app.get("/resolution/review", async (c) => {
    const denied = managerOnly(c);
    if (denied) return denied;
    const limit = limitOf(c);
    const queued = await queuedReviews(db, readerOf(c), limit);
    if (queued) return c.json({ items: queued, complete: true, source: "job" });
    const customers = (await db.listCustomers({}, REVIEW_BOOK_LIMIT, readerOf(c))) as unknown as Customer[];
    const { rows } = await db.query<{ pair: string }>("SELECT pair FROM resolution_apart");
    const result = resolve(customers.map(partyOf), { keepApart: new Set(rows.map((r) => r.pair)) });
    const items = result.pairs
      .filter((p) => p.decision !== "apart")
      .sort((p, q) => q.weight - p.weight)
      .slice(0, limit)
      .map(({ a, b, probability, weight, evidence, decision, rule }: ScoredPair) => ({
        ids: [a, b],
        probability,
        weight,
        evidence,
        decision,
        ...(rule ? { rule } : {}),
      }));
    const complete = customers.length < REVIEW_BOOK_LIMIT;
    return c.json({ items, customersRead: customers.length, complete, source: "live" });
  });
  app.get("/resolution/conflicts", async (c) => {
    return managerOnly(c) ?? c.json({ items: await managerConflicts(db, readerOf(c), limitOf(c)) });
  });
  app.post("/resolution/merge", async (c) => {
    const denied = managerOnly(c);
    if (denied) return denied;
    const pair = await pairOf(c);
    if ("refused" in pair) return pair.refused;
    try {
      return c.json(await mergeRecords(db, pair.ids, actorOf(c), { at: now().toISOString() }));
    } catch (error) {
      return refusal(c, error);
    }
  });
  app.post("/resolution/merges/:id/undo", async (c) => {
    const denied = managerOnly(c);
    if (denied) return denied;
    const id = Number(c.req.param("id"));
    if (!Number.isSafeInteger(id) || id < 1) return notFound(c);
    const { rows } = await db.query<{ golden_id: string }>("SELECT golden_id FROM customer_merges WHERE id = $1", [id]);
    if (!rows[0] || !(await db.customerVisible(rows[0].golden_id, readerOf(c)))) return notFound(c);
    try {
      return c.json(await unmergeRecords(db, id, actorOf(c), now().toISOString()));
    } catch (error) {
      return refusal(c, error);
    }
  });
  app.post("/resolution/apart", async (c) => {
    const denied = managerOnly(c);
    if (denied) return denied;
    const pair = await pairOf(c);
    if ("refused" in pair) return pair.refused;
    await keepApart(db, pair.ids, actorOf(c), now().toISOString());
    return c.body(null, 204);
  });
  return app;
}
