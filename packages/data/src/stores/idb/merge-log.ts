/**
 * The embedded store's merge log (merge-log.ts): merges and kept-apart pairs in the store's own object stores
 * `merges` and `apart`, a merge's entry sealed with the store's key as the records are (it holds two customers'
 * records whole). A commit encodes (encrypts) first, then checks the versions it was planned from and writes the
 * records, the removals and the entry in one IndexedDB transaction: all of it or, on a stale read or a failure, none.
 */
import type { IDBPDatabase, StoreNames } from "idb";
import { BankcrmConflictError } from "../../errors/http-errors.js";
import { toStoreError } from "../../errors/store-error.js";
import type { LocalMerge, MergeCommit, MergeLog } from "../merge-log.js";
import { etagOfVersion, versionMatches, type CollectionName, type CollectionRecords } from "../store.js";
import type { CrmDb } from "./schema.js";

/** What is stored of a merge: its id and golden customer in the clear, the entry sealed. */
export interface StoredMerge {
  id: number;
  goldenId: string;
  entry: unknown;
}

/** The store's own codec, as the merge log uses it. */
export interface RowCodec {
  encode<C extends CollectionName>(collection: C, record: CollectionRecords[C]): Promise<unknown>;
  decode<C extends CollectionName>(collection: C, row: unknown): Promise<CollectionRecords[C]>;
  seal(value: unknown): Promise<unknown>;
  open<T>(stored: unknown): Promise<T>;
}

type LooseStore = {
  get(key: IDBValidKey): Promise<unknown>;
  put(value: unknown): Promise<IDBValidKey>;
  delete(key: IDBValidKey): Promise<void>;
  openCursor(range: null, direction: "prev"): Promise<{ key: IDBValidKey } | null>;
};

/** A commit's writes, in its transaction (its reads checked): the merge's id when it keeps a merge. */
async function writeCommit(
  store: (name: string) => LooseStore,
  change: MergeCommit,
  w: { puts: { collection: CollectionName; rows: unknown[] }[]; sealed: unknown; undone: StoredMerge | undefined },
): Promise<number | undefined> {
  const pending: Promise<unknown>[] = [];
  for (const p of w.puts) for (const row of p.rows) pending.push(store(p.collection).put(row));
  for (const r of change.remove)
    for (const key of r.ids) {
      pending.push(store(r.collection).delete(key));
      if (r.collection === "customers") pending.push(store("opened").delete(key));
    }
  if (change.apart) pending.push(store("apart").put(change.apart));
  if (w.undone) pending.push(store("merges").put(w.undone));
  let id: number | undefined;
  if (change.merge) {
    const last = await store("merges").openCursor(null, "prev");
    id = Number(last?.key ?? 0) + 1;
    pending.push(store("merges").put({ id, goldenId: change.merge.goldenId, entry: w.sealed }));
  }
  await Promise.all(pending);
  return id;
}

export function idbMergeLog(db: IDBPDatabase<CrmDb>, codec: RowCodec): MergeLog {
  const decodeMerge = async (row: StoredMerge): Promise<LocalMerge> => ({
    ...(await codec.open<Omit<LocalMerge, "id">>(row.entry)),
    id: row.id,
  });
  /** The entry of a merge undone, sealed again with who undid it and when. */
  const undoneRow = async ({ id, by, at }: { id: number; by: string; at: string }) => {
    const row = await db.get("merges", id);
    if (!row) return undefined;
    const { id: _id, ...entry } = await decodeMerge(row);
    return { id, goldenId: entry.goldenId, entry: await codec.seal({ ...entry, unmergedBy: by, unmergedAt: at }) };
  };

  return {
    async commit(change) {
      // Encode and seal first: a transaction may not wait on anything but its own requests.
      const puts = await Promise.all(
        change.put.map(async (p) => ({
          collection: p.collection,
          rows: await Promise.all(p.records.map((r) => codec.encode(p.collection, r as never))),
        })),
      );
      const sealed = change.merge && (await codec.seal(change.merge));
      const undone = change.undone && (await undoneRow(change.undone));
      const names = new Set<string>(["merges", "apart", "opened"]);
      for (const c of [...change.expect, ...change.put, ...change.remove]) names.add(c.collection);
      const tx = db.transaction([...names] as StoreNames<CrmDb>[], "readwrite", { durability: "strict" });
      const store = (name: string) => tx.objectStore(name as StoreNames<CrmDb>) as unknown as LooseStore;
      let stale: { collection: CollectionName; row: unknown } | undefined;
      let id: number | undefined;
      try {
        for (const e of change.expect) {
          const row = await store(e.collection).get(e.id);
          if (!versionMatches(row, e.version)) {
            stale = { collection: e.collection, row };
            break;
          }
        }
        if (stale) tx.abort();
        else id = await writeCommit(store, change, { puts, sealed, undone });
        await tx.done;
      } catch (error) {
        tx.done.catch(() => undefined);
        if (!stale) {
          try {
            tx.abort();
          } catch {
            /* already finished */
          }
          throw toStoreError(error);
        }
      }
      if (stale) {
        const current = stale.row === undefined ? null : await codec.decode(stale.collection, stale.row);
        throw new BankcrmConflictError(current, etagOfVersion(current));
      }
      return id;
    },
    async merges() {
      return Promise.all((await db.getAll("merges")).map(decodeMerge));
    },
    async merge(id) {
      const row = await db.get("merges", id);
      return row && decodeMerge(row);
    },
    async apart() {
      return new Set((await db.getAllKeys("apart")).map(String));
    },
  };
}
