/**
 * The resolution job (`pnpm reference-server resolve`): the book resolved set-based in the database (book.ts), each
 * resolved customer's merges applied a few hundred customers per transaction (merge.ts), the pairs between the
 * thresholds kept as the review queue GET /resolution/review reads, and the run recorded.
 */
import { pairKey, type ScoredPair } from "@bankcrm/core/resolution";
import type { Database } from "../database.js";
import { foldParties, resolveInDatabase, type BookResolveOptions } from "./book.js";
import { applyMerges, customersFor, planCluster, sourcePriority, type Actor, type MergeOptions } from "./merge.js";

/** Who the job's merges are by, in the audit log and `customer_merges`. */
export const RESOLUTION_JOB: Actor = { id: "SYSTEM-RESOLUTION", role: "system" };

/** A run's result in a line, for the commands that start it. */
export function runSummary(r: ResolveBookResult): string {
  return (
    `${r.folded.toLocaleString("en")} records folded, ${r.candidates.toLocaleString("en")} candidate pairs compared, ` +
    `${r.merged.toLocaleString("en")} merged (${r.relationshipManagerConflicts} with different relationship managers), ` +
    `${r.review.toLocaleString("en")} pairs for review` +
    (r.unmerged.length ? `, ${r.unmerged.length} customers not merged (${r.unmerged[0]!.reason}…)` : "")
  );
}

export interface ResolveBookOptions extends MergeOptions, BookResolveOptions {
  /** Clusters merged per transaction (default 500). */
  batch?: number;
}

export interface ResolveBookResult {
  /** Customer records folded for resolution this run (new or changed since the last). */
  folded: number;
  /** Candidate pairs compared. */
  candidates: number;
  /** Merges applied (deterministic rules, and pairs above the merge threshold). */
  merged: number;
  /** Pairs waiting for a person (GET /resolution/review). */
  review: number;
  /** Merges whose two records had different relationship managers (the rule chose; the branch manager is told). */
  relationshipManagerConflicts: number;
  /** Customers resolved whose merge could not be made (their records and why): left for a person. */
  unmerged: { ids: string[]; reason: string }[];
}

/**
 * The resolution job (`pnpm reference-server resolve`, or after a load), set-based for the bank's book: records
 * folded where they changed, the book resolved in the database (resolution-book.ts), and each resolved customer's
 * merges applied, a few hundred customers per transaction — a record gone meanwhile (merged by a person) left out.
 */
export async function resolveBook(db: Database, actor: Actor, o: ResolveBookOptions = {}): Promise<ResolveBookResult> {
  // A priority given is the bank's from now on: person-made merges and later loads (load-time survivorship) follow it.
  if (o.priority)
    await db.query(
      `INSERT INTO survivorship_settings (id, priority) VALUES (true, $1)
       ON CONFLICT (id) DO UPDATE SET priority = excluded.priority`,
      [o.priority],
    );
  const priority = await sourcePriority(db, o.priority);
  const { folded } = await foldParties(db);
  const resolution = await resolveInDatabase(db, o);
  const at = o.at ?? new Date().toISOString();
  let [merged, relationshipManagerConflicts] = [0, 0];
  const unmerged: ResolveBookResult["unmerged"] = [];
  // Where each merged record went (its cluster's golden record).
  const into = new Map<string, string>();
  const size = o.batch ?? 500;
  for (let k = 0; k < resolution.clusters.length; k += size) {
    const batch = resolution.clusters.slice(k, k + size);
    await db.transaction(async (tx) => {
      const rows = await customersFor(tx, batch.flat());
      const byId = new Map(rows.map((r) => [r.id, r]));
      const plans = batch.flatMap((ids) => {
        const present = ids.flatMap((id) => byId.get(id) ?? []);
        try {
          return present.length > 1 ? planCluster(present, actor, { ...o, ...(priority ? { priority } : {}), at }) : [];
        } catch (error) {
          // A golden record survivorship cannot make valid (a record stored invalid): left for a person.
          unmerged.push({ ids, reason: error instanceof Error ? error.message.slice(0, 200) : String(error) });
          return [];
        }
      });
      await applyMerges(tx, plans, actor, at);
      for (const p of plans) into.set(p.other.id, p.before.id);
      merged += plans.length;
      relationshipManagerConflicts += plans.filter((p) => p.relationshipManagerConflict).length;
    });
  }
  const review = await keepReviews(db, resolution.pairs, into);
  const result = {
    folded,
    candidates: resolution.candidates,
    merged,
    review,
    relationshipManagerConflicts,
    unmerged,
  };
  await db.query("INSERT INTO resolution_runs (summary) VALUES ($1)", [
    JSON.stringify({ ...result, unmerged: result.unmerged.length, by: actor.id }),
  ]);
  return result;
}

/**
 * The run's review pairs, as the queue: each side followed to the golden record it was merged into, a pair now
 * one customer left out, each pair once (its strongest evidence). Replaces the last run's queue; returns its size.
 */
async function keepReviews(db: Database, pairs: readonly ScoredPair[], into: ReadonlyMap<string, string>) {
  const queue = new Map<string, ScoredPair>();
  for (const p of pairs.filter((p) => p.decision === "review")) {
    const [a, b] = [into.get(p.a) ?? p.a, into.get(p.b) ?? p.b];
    if (a === b) continue;
    const key = pairKey(a, b);
    if ((queue.get(key)?.weight ?? -Infinity) < p.weight) queue.set(key, { ...p, a: a < b ? a : b, b: a < b ? b : a });
  }
  const rows = [...queue].map(([pair, p]) => ({
    pair,
    a: p.a,
    b: p.b,
    weight: p.weight,
    probability: p.probability,
    evidence: p.evidence,
    rule: p.rule ?? null,
  }));
  await db.transaction(async (tx) => {
    await tx.query("DELETE FROM resolution_reviews");
    for (let at = 0; at < rows.length; at += 5_000)
      await tx.query(
        `INSERT INTO resolution_reviews (pair, a, b, weight, probability, evidence, rule)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(pair text, a text, b text, weight float8, probability float8,
           evidence jsonb, rule text)`,
        [JSON.stringify(rows.slice(at, at + 5_000))],
      );
  });
  return rows.length;
}
