/**
 * Entity resolution's merges without a server (the embedded store in a browser, the memory store): the same plan as
 * the reference server's — core's `planCluster`, survivorship field by field, the tier the holdings together earn —
 * and the same re-linking: every record of the absorbed customer (holdings, transactions, interactions, cases, leads,
 * opportunities, tasks, changes…) and its place in households and groups moved to the golden customer. The merge is
 * kept whole in the store's merge log and written with its records in one atomic commit, checked against the
 * versions read; an unmerge puts back what the merge changed, each record's version raised. A pair kept apart is
 * never merged.
 */
import {
  BankcrmMergeRefusedError,
  collectionSpec,
  COLLECTION_NAMES,
  type CollectionName,
  type Customer,
  type Holding,
  versionOf,
} from "@bankcrm/core";
import type { FieldChoice, MergePlan, PlanOptions } from "@bankcrm/core/resolution";
import type { LocalMerge, MergeCommit, MergeLog } from "../stores/merge-log.js";
import type { CrmStore } from "../stores/store.js";

/**
 * Core's resolution module, loaded when a merge is first made: a page that never merges (internet banking, a lead
 * form) neither downloads it nor needs it in its import map.
 */
export const resolutionModule = () => import("@bankcrm/core/resolution");

/** The collections whose records name a customer (by `customerId`, or among `members`). */
const LINKED = COLLECTION_NAMES.filter((c) => c !== "customers" && collectionSpec(c).customerIndex !== undefined);

export interface LocalMergeOptions extends Omit<PlanOptions, "at" | "actorId"> {
  /** The merge's clock. Default: now. */
  now?: () => Date;
}

export interface LocalMergeResult {
  mergeId: number;
  customer: Customer;
  mergedId: string;
  choices: FieldChoice[];
  relationshipManagerConflict?: LocalMerge["relationshipManagerConflict"];
  /** The records re-linked, by collection. */
  moved: Partial<Record<CollectionName, string[]>>;
}

type Linked = { collection: CollectionName; record: { id: string; version?: number } };

/** Every record of every linked collection that names `customerId`, a page of 1,000 at a time. */
async function linkedTo(store: CrmStore, customerId: string): Promise<Linked[]> {
  const out: Linked[] = [];
  for (const collection of LINKED) {
    let after: string | undefined;
    do {
      const page = await store.records(collection, { customerId, limit: 1000, ...(after ? { after } : {}) });
      for (const record of page.items) out.push({ collection, record });
      after = page.next;
    } while (after);
  }
  return out;
}

/** Records grouped into a commit's puts, one entry per collection. */
function putsOf(records: readonly Linked[]): MergeCommit["put"] {
  const by = new Map<CollectionName, { id: string }[]>();
  for (const { collection, record } of records)
    (by.get(collection) ?? by.set(collection, []).get(collection)!).push(record);
  return [...by].map(([collection, list]) => ({ collection, records: list }));
}

/** The ids of records, by collection. */
function byCollection(records: readonly Linked[]): Partial<Record<CollectionName, string[]>> {
  const out: Partial<Record<CollectionName, string[]>> = {};
  for (const { collection, record } of records) (out[collection] ??= []).push(record.id);
  return out;
}

/** A merge's commit: the golden record (with the tier the holdings together earn), the records re-linked, the entry. */
async function mergeCommit(store: CrmStore, p: MergePlan, actorId: string, at: string) {
  const { relinked, withEarnedTier } = await resolutionModule();
  const { before, other } = p;
  const moved = await linkedTo(store, other.id);
  const relinks = moved.map(({ collection, record }) => ({
    collection,
    record: relinked(collection, record, other.id, before.id)!,
  }));
  const holdings = [
    ...(await store.holdings(before.id)),
    ...relinks.filter((r) => r.collection === "holdings").map((r) => r.record as unknown as Holding),
  ];
  const after = withEarnedTier(p.after, holdings);
  const commit: MergeCommit = {
    expect: [
      { collection: "customers", id: before.id, version: versionOf(before) },
      { collection: "customers", id: other.id, version: versionOf(other) },
      ...moved.map(({ collection, record }) => ({ collection, id: record.id, version: versionOf(record) })),
    ],
    put: [{ collection: "customers", records: [after] }, ...putsOf(relinks)],
    remove: [{ collection: "customers", ids: [other.id] }],
    merge: {
      goldenId: before.id,
      mergedId: other.id,
      goldenBefore: before,
      mergedBody: other,
      moved,
      choices: p.choices,
      ...(p.relationshipManagerConflict ? { relationshipManagerConflict: p.relationshipManagerConflict } : {}),
      mergedBy: actorId,
      mergedAt: at,
    },
  };
  return { commit, after, moved };
}

/**
 * What an unmerge puts back, with the versions it was read at: a member's list as it was; a record to the other
 * customer, unless it has moved on since (records written to the golden customer after the merge stay with it).
 */
async function putBack(store: CrmStore, m: LocalMerge, golden: Customer) {
  const { bumped } = await resolutionModule();
  const expect: MergeCommit["expect"][number][] = [
    { collection: "customers", id: golden.id, version: versionOf(golden) },
    { collection: "customers", id: m.mergedId, version: null },
  ];
  const back: Linked[] = [];
  for (const { collection, record: was } of m.moved) {
    const current = (await store.record(collection, was.id)) as Linked["record"] | undefined;
    if (!current) continue;
    const members = (was as { members?: unknown }).members;
    if (members === undefined && (current as { customerId?: string }).customerId !== m.goldenId) continue;
    expect.push({ collection, id: current.id, version: versionOf(current) });
    back.push({
      collection,
      record: bumped(current, (members === undefined ? { customerId: m.mergedId } : { members }) as never),
    });
  }
  return { expect, back };
}

export function localMerges(store: CrmStore & { mergeLog: MergeLog }, actorId: string, o: LocalMergeOptions = {}) {
  const log = store.mergeLog;
  const now = () => (o.now?.() ?? new Date()).toISOString();
  const customer = (id: string) => store.record("customers", id);

  /** Makes two records of one person one: the golden one chosen by priority, then onboarding. */
  async function merge(ids: readonly [string, string]): Promise<LocalMergeResult> {
    const { pairKey, planCluster } = await resolutionModule();
    if (ids[0] === ids[1]) throw new BankcrmMergeRefusedError("sameRecord", "a record cannot be merged with itself");
    const [a, b] = await Promise.all(ids.map(customer));
    if (!a || !b) throw new BankcrmMergeRefusedError("notFound", `no customer ${a ? ids[1] : ids[0]}`);
    if ((await log.apart()).has(pairKey(...ids)))
      throw new BankcrmMergeRefusedError("keptApart", "these two were decided to be two people");
    if (a.kind !== b.kind)
      throw new BankcrmMergeRefusedError("differentKinds", "a person and a company are never one customer");
    const at = now();
    const [p] = planCluster([{ body: a }, { body: b }], { ...o, at, actorId });
    const { commit, after, moved } = await mergeCommit(store, p!, actorId, at);
    const mergeId = (await log.commit(commit))!;
    return {
      mergeId,
      customer: after,
      mergedId: p!.other.id,
      choices: p!.choices,
      moved: byCollection(moved),
      ...(p!.relationshipManagerConflict ? { relationshipManagerConflict: p!.relationshipManagerConflict } : {}),
    };
  }

  /** Undoes a merge (the latest of its golden customer's still in force): both customers back as they were. */
  async function undo(mergeId: number) {
    const m = await log.merge(mergeId);
    if (!m) throw new BankcrmMergeRefusedError("notFound", `no merge ${mergeId}`);
    if (m.unmergedAt) throw new BankcrmMergeRefusedError("alreadyUnmerged", `merge ${mergeId} was undone already`);
    const later = (await log.merges()).filter((x) => x.goldenId === m.goldenId && !x.unmergedAt && x.id > mergeId);
    if (later.length > 0)
      throw new BankcrmMergeRefusedError("notLatest", `merge ${later.at(-1)!.id} into the same customer came later`);
    const golden = await customer(m.goldenId);
    if (!golden) throw new BankcrmMergeRefusedError("notFound", `no customer ${m.goldenId}`);
    const { expect, back } = await putBack(store, m, golden);
    const { bumped } = await resolutionModule();
    const at = now();
    await log.commit({
      expect,
      put: [
        {
          collection: "customers",
          records: [bumped({ ...m.goldenBefore, version: golden.version }), bumped(m.mergedBody)],
        },
        ...putsOf(back),
      ],
      remove: [],
      undone: { id: mergeId, by: actorId, at },
    });
    return { goldenId: m.goldenId, restoredId: m.mergedId, moved: byCollection(back) };
  }

  /** Remembers that two records are two people: never proposed again, never merged. */
  async function keepApart(ids: readonly [string, string]) {
    const { pairKey } = await resolutionModule();
    if (ids[0] === ids[1]) throw new BankcrmMergeRefusedError("sameRecord", "a record is one person with itself");
    await log.commit({ expect: [], put: [], remove: [], apart: { pair: pairKey(...ids), by: actorId, at: now() } });
  }

  /** Merges in force whose two records had different relationship managers, newest first. */
  async function conflicts() {
    return (await log.merges())
      .filter((m) => !m.unmergedAt && m.relationshipManagerConflict)
      .reverse()
      .map((m) => ({
        mergeId: m.id,
        goldenId: m.goldenId,
        mergedId: m.mergedId,
        ...(m.relationshipManagerConflict!.kept ? { kept: m.relationshipManagerConflict!.kept } : {}),
        ...(m.relationshipManagerConflict!.other ? { other: m.relationshipManagerConflict!.other } : {}),
        mergedBy: m.mergedBy,
        mergedAt: m.mergedAt,
      }));
  }

  return { merge, undo, keepApart, conflicts, merges: () => log.merges(), apart: () => log.apart() };
}

export type LocalMerges = ReturnType<typeof localMerges>;
