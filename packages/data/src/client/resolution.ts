/**
 * Entity resolution through the client, over a store without a server (the embedded store): the same calls as the
 * reference server's `/resolution/*` — the pairs to review, merge, undo, keep apart, relationship-manager conflicts —
 * for branch managers, each merge and unmerge announced as changes (the golden customer updated, the absorbed one
 * removed, every re-linked record updated) so the elements read again. The records resolved are read whole from the
 * store and never leave this module: the review answers ids, weights and levels only, and records come back masked.
 * Against a server, use the HTTP store's endpoints (the server merges).
 */
import { BankcrmAccessDeniedError, type CollectionName, type Customer, type StaffRole } from "@bankcrm/core";
import type { Resolution, ResolveOptions } from "@bankcrm/core/resolution";
import { localMerges, resolutionModule, type LocalMergeOptions } from "../resolution/local-merges.js";
import type { CustomerMerge, ManagerConflict, ResolutionPair } from "../stores/http/server-endpoints.js";
import type { CrmStore, CustomerQuery } from "../stores/store.js";
import type { ClientContext } from "./context.js";

/** The roles that may merge customers, undo merges and keep records apart (as on the reference server). */
export const MERGER_ROLES: readonly StaffRole[] = ["branch_manager"];

/** Whose customers a review resolves: a branch's, a relationship manager's (default: every customer in the store). */
export type ReviewScope = Pick<CustomerQuery, "branchId" | "relationshipManagerId">;

/** Resolves customers: core's `resolve` in this thread by default, or a worker's (`resolveInWorker`). */
export type Resolver = (customers: readonly Customer[], options: ResolveOptions) => Promise<Omit<Resolution, "model">>;

const inThread: Resolver = async (customers, options) => {
  const { partyOf, resolve } = await resolutionModule();
  return resolve(customers.map(partyOf), options);
};

/** Every customer in the store (of one branch or book with `scope`), whole — for resolving only. */
async function bookOf(store: CrmStore, scope: ReviewScope = {}) {
  const all: Customer[] = [];
  let after: string | undefined;
  do {
    const page = await store.listCustomers({ ...scope, limit: 1000, ...(after ? { after } : {}) });
    all.push(...page.items);
    after = page.next;
  } while (after);
  return all;
}

export function resolutionOf(ctx: ClientContext, options: LocalMergeOptions = {}) {
  const store = ctx.store;
  const log = store.mergeLog;
  if (!log || store.remote) return undefined;
  const merges = localMerges({ ...store, mergeLog: log }, ctx.user.id, { now: ctx.now, ...options });
  const allowed = (action: string) => {
    ctx.guard();
    if (!MERGER_ROLES.includes(ctx.user.role)) throw new BankcrmAccessDeniedError(ctx.user.role, action);
  };

  /** A merge's or an unmerge's changes: the golden customer updated, the other gone or back, the records moved. */
  const announce = (
    golden: string[],
    other: string,
    action: "removed" | "created",
    moved: Partial<Record<CollectionName, string[]>>,
  ) => {
    ctx.emit({ collection: "customers", ids: golden, action: "updated", status: "saved" });
    ctx.emit({ collection: "customers", ids: [other], action, status: "saved" });
    for (const [collection, ids] of Object.entries(moved) as [CollectionName, string[]][])
      ctx.emit({ collection, ids, action: "updated", status: "saved" });
  };

  return {
    /** The pairs of the store's customers that may be one person, strongest first; a pair kept apart never. */
    async resolutionReview(
      limit = 50,
      o: { resolver?: Resolver; thresholds?: ResolveOptions["thresholds"]; scope?: ReviewScope } = {},
    ): Promise<{ items: ResolutionPair[]; customersRead: number }> {
      allowed("review merges");
      const customers = await bookOf(store, o.scope);
      const keepApart = await log.apart();
      const result = await (o.resolver ?? inThread)(customers, {
        keepApart,
        ...(o.thresholds ? { thresholds: o.thresholds } : {}),
      });
      const items = result.pairs
        // A pair kept apart is decided "apart" by core's resolve (given `keepApart`): never proposed again.
        .filter((p) => p.decision !== "apart")
        .sort((p, q) => q.weight - p.weight)
        .slice(0, limit)
        .map(({ a, b, probability, weight, evidence, decision, rule }) => ({
          ids: [a, b] as [string, string],
          probability,
          weight,
          evidence,
          decision: decision as "merge" | "review",
          ...(rule ? { rule } : {}),
        }));
      return { items, customersRead: customers.length };
    },
    /** Two records of one person made one, in one atomic write; refusals are `BankcrmMergeRefusedError`. */
    async mergeCustomers(ids: readonly [string, string]): Promise<CustomerMerge> {
      allowed("merge customers");
      const r = await merges.merge(ids);
      announce([r.customer.id], r.mergedId, "removed", r.moved);
      return {
        mergeId: r.mergeId,
        customer: ctx.masked("customers", r.customer),
        mergedId: r.mergedId,
        choices: r.choices,
        moved: Object.values(r.moved).reduce((n, ids) => n + ids.length, 0),
        ...(r.relationshipManagerConflict ? { relationshipManagerConflict: r.relationshipManagerConflict } : {}),
      };
    },
    /** A merge undone (the latest into its golden customer): both customers back as they were. */
    async undoMerge(mergeId: number): Promise<{ goldenId: string; restoredId: string }> {
      allowed("undo merges");
      const { goldenId, restoredId, moved } = await merges.undo(mergeId);
      announce([goldenId], restoredId, "created", moved);
      return { goldenId, restoredId };
    },
    /** Two records are two people: never proposed again, never merged. */
    async keepCustomersApart(ids: readonly [string, string]): Promise<void> {
      allowed("keep customers apart");
      await merges.keepApart(ids);
    },
    /** Merges in force whose two records had different relationship managers, newest first. */
    async relationshipManagerConflicts(limit = 20): Promise<ManagerConflict[]> {
      allowed("read merges");
      return (await merges.conflicts()).slice(0, limit);
    },
  };
}

export type ClientResolution = NonNullable<ReturnType<typeof resolutionOf>>;
