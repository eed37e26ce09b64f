/**
 * Forgetting in the IndexedDB store: a customer with every record of theirs
 * (retention's purge, or a server saying they left the user's scope), or single
 * records of any collection.
 */
import type { IDBPDatabase, StoreNames } from "idb";
import { collections, COLLECTION_NAMES, type CollectionName } from "@bankcrm/core";
import { customerIndex } from "@bankcrm/core/collections";
import { customerRange, type CrmDb } from "./schema.js";

/** The collections whose records hang off a customer (deleted with them). */
const OWNED = COLLECTION_NAMES.filter((c) => customerIndex(collections[c].storage) !== undefined);

export function forgetting(db: IDBPDatabase<CrmDb>) {
  /** Deletes a customer with every record of theirs, in one transaction. */
  const forgetCustomer = async (id: string) => {
    const tx = db.transaction(["customers", "opened", ...OWNED] as StoreNames<CrmDb>[], "readwrite");
    const done: Promise<unknown>[] = [tx.objectStore("customers").delete(id), tx.objectStore("opened").delete(id)];
    for (const collection of OWNED) {
      const { index, range } = customerRange(collection, id)!;
      const store = tx.objectStore(collection as "holdings") as unknown as {
        index(name: string): { getAllKeys(range: IDBKeyRange): Promise<IDBValidKey[]> };
        delete(key: IDBValidKey): Promise<void>;
      };
      for (const key of await store.index(index).getAllKeys(range)) done.push(store.delete(key));
    }
    await Promise.all(done);
    await tx.done;
  };
  /** Forgets records; a customer with every record of theirs. */
  const forget = async (collection: CollectionName, ids: readonly string[]): Promise<void> => {
    if (collection === "customers") {
      for (const id of ids) await forgetCustomer(id);
      return;
    }
    const tx = db.transaction(collection as StoreNames<CrmDb>, "readwrite");
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  };
  return { forgetCustomer, forget };
}
