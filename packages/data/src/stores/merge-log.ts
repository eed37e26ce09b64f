/**
 * What a store without a server keeps of entity resolution (the embedded store, the memory store): each merge of two
 * customer records whole — the golden record before it, the record it absorbed, every record it re-linked as it was —
 * so it can be undone exactly; and the pairs decided to be two people. A merge's records and its entry are written
 * in one atomic commit, checked against the versions read: a write in between is a conflict, and nothing lands.
 */
import type { Customer } from "@bankcrm/core";
import type { FieldChoice } from "@bankcrm/core/resolution";
import { BankcrmConflictError } from "../errors/http-errors.js";
import { etagOfVersion, versionMatches, type CollectionName } from "./store.js";

/** A merge of two customer records as the store keeps it. */
export interface LocalMerge {
  id: number;
  goldenId: string;
  mergedId: string;
  /** The golden record before the merge, and the record it absorbed. */
  goldenBefore: Customer;
  mergedBody: Customer;
  /** Every record the merge re-linked to the golden customer, as it was before. */
  moved: { collection: CollectionName; record: { id: string } }[];
  choices: FieldChoice[];
  /** The two records had different relationship managers: which one the rule kept, and the other. */
  relationshipManagerConflict?: { kept: string | undefined; other: string | undefined };
  mergedBy: string;
  mergedAt: string;
  unmergedBy?: string;
  unmergedAt?: string;
}

/** One atomic change of records and of the log. */
export interface MergeCommit {
  /** The versions the change was planned from (`null`: no record); any other stored version is a conflict. */
  expect: readonly { collection: CollectionName; id: string; version: number | null }[];
  put: readonly { collection: CollectionName; records: readonly { id: string }[] }[];
  remove: readonly { collection: CollectionName; ids: readonly string[] }[];
  /** A merge to keep (the log gives its id), a merge undone, a pair kept apart. */
  merge?: Omit<LocalMerge, "id">;
  undone?: { id: number; by: string; at: string };
  apart?: { pair: string; by: string; at: string };
}

export interface MergeLog {
  /** Writes the change all or nothing; resolves with a new merge's id. Throws `BankcrmConflictError` on a stale read. */
  commit(change: MergeCommit): Promise<number | undefined>;
  /** Every merge, oldest first. */
  merges(): Promise<LocalMerge[]>;
  merge(id: number): Promise<LocalMerge | undefined>;
  /** The pairs (`pairKey`) decided to be two people. */
  apart(): Promise<Set<string>>;
}

/** The first expectation a read of the stored records breaks, as the conflict to throw; undefined when all hold. */
export async function staleRead(
  change: Pick<MergeCommit, "expect">,
  read: (collection: CollectionName, id: string) => Promise<unknown>,
): Promise<BankcrmConflictError | undefined> {
  for (const e of change.expect) {
    const current = await read(e.collection, e.id);
    if (!versionMatches(current, e.version)) return new BankcrmConflictError(current ?? null, etagOfVersion(current));
  }
  return undefined;
}

/** A merge log in memory, over a store's record maps (the memory store's): `put` writes a record, `unindex` forgets one. */
export function memoryMergeLog(
  maps: { [C in CollectionName]: Map<string, unknown> },
  put: (collection: CollectionName, record: { id: string }) => void,
  unindex: (collection: CollectionName, record: unknown) => unknown,
): MergeLog {
  const merges: LocalMerge[] = [];
  const apart = new Map<string, { by: string; at: string }>();
  const read = (collection: CollectionName, id: string) => Promise.resolve(maps[collection].get(id));
  return {
    async commit(change) {
      const conflict = await staleRead(change, read);
      if (conflict) throw conflict;
      for (const p of change.put) for (const r of p.records) put(p.collection, r);
      for (const r of change.remove)
        for (const id of r.ids) {
          if (maps[r.collection].has(id)) unindex(r.collection, maps[r.collection].get(id));
          maps[r.collection].delete(id);
        }
      if (change.apart) apart.set(change.apart.pair, change.apart);
      const undone = change.undone && merges.find((x) => x.id === change.undone!.id);
      if (undone) Object.assign(undone, { unmergedBy: change.undone!.by, unmergedAt: change.undone!.at });
      if (!change.merge) return undefined;
      merges.push(structuredClone({ ...change.merge, id: merges.length + 1 }));
      return merges.length;
    },
    merges: () => Promise.resolve(structuredClone(merges)),
    merge: (id) => Promise.resolve(structuredClone(merges.find((m) => m.id === id))),
    apart: () => Promise.resolve(new Set(apart.keys())),
  };
}
