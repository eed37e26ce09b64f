/**
 * The database's shape, from core's collection table: an object store per
 * collection with the indexes its `storage` column names, and the store's own
 * two (encryption keys; when each customer was last opened). Opening an older
 * database brings it to this shape whatever its version: missing stores and
 * indexes are added, indexes no longer named are dropped, and the derived
 * fields a new index needs are filled in before the upgrade completes.
 *
 * History, for reading old databases: 1 customers only; 2 every other
 * collection of then and the natural-key index; 3 the name index dropped (search
 * scans); 4 the key store; 5 opportunities, campaigns, tasks and relationship
 * groups; 6 customer changes and the timeline index by latest activity; 7 when
 * each customer was last opened, for retention; 8 the device's audit trail; 11 the merge log (merges and pairs
 * kept apart, entity resolution without a server).
 */
import type { DBSchema, IDBPDatabase, IDBPObjectStore, IDBPTransaction, StoreNames } from "idb";
import { collections, COLLECTION_NAMES, type Customer, type DerivedField } from "@bankcrm/core";
import {
  DERIVED_FIELDS,
  customerIndex,
  indexFields,
  keepsDerived,
  storageVersion,
  timelineAt,
} from "@bankcrm/core/collections";
import { naturalKeyOf, type CollectionName, type CollectionRecords } from "../store.js";
import type { StoredAudit } from "./audit-log.js";
import type { StoredMerge } from "./merge-log.js";

type IndexesOf<C extends CollectionName> = {
  [I in keyof (typeof collections)[C]["storage"]["indexes"]]: IDBValidKey;
};

/** A stored row: the record (or its readable part and a sealed blob) and the derived fields its indexes use. */
export type StoredRow<C extends CollectionName> = CollectionRecords[C] & Partial<Record<DerivedField, string>>;

export type CrmDb = {
  [C in CollectionName]: { key: string; value: StoredRow<C>; indexes: IndexesOf<C> };
} & {
  keys: { key: string; value: { name: string; aes: CryptoKey; hmac: CryptoKey } };
  /** When each customer was last opened (or stored): what a retention period counts from. */
  opened: { key: string; value: { id: string; at: number } };
  /** The device's audit trail (audit-log.ts). */
  audit: { key: number; value: StoredAudit };
  /** Merges of customer records and pairs kept apart (merge-log.ts). */
  merges: { key: number; value: StoredMerge };
  apart: { key: string; value: { pair: string; by: string; at: string } };
} & DBSchema;

/** The store's own object stores, with the version that added each. */
const OWN_STORES = {
  keys: { keyPath: "name", since: 4 },
  opened: { keyPath: "id", since: 7 },
  audit: { keyPath: "seq", since: 8 },
  merges: { keyPath: "id", since: 11 },
  apart: { keyPath: "pair", since: 11 },
} as const;

/** The database's version: the newest collection, index or own store (11 today: the merge log). */
export const SCHEMA_VERSION = Math.max(
  storageVersion(COLLECTION_NAMES.map((c) => collections[c].storage)),
  ...Object.values(OWN_STORES).map((s) => s.since),
);

/** Whether rows of this collection carry the derived `timelineAt` (an index orders by it). */
export const keepsTimelineAt = (collection: CollectionName): boolean =>
  keepsDerived(collections[collection].storage, DERIVED_FIELDS.timelineAt);

/** The index that finds a customer's records, and the key range for one customer in it. */
export function customerRange(
  collection: CollectionName,
  customerId: string,
): { index: "byCustomer" | "byCustomerTime"; range: IDBKeyRange } | undefined {
  const index = customerIndex(collections[collection].storage);
  if (index === undefined) return undefined;
  const range =
    index === "byCustomer" ? IDBKeyRange.only(customerId) : IDBKeyRange.bound([customerId, ""], [customerId, "\uffff"]);
  return { index, range };
}

/** A derived field's value for a row stored before its index existed (a sealed row cannot give its natural key). */
function derive(collection: CollectionName, field: DerivedField, row: Record<string, unknown>): string | undefined {
  if (field === DERIVED_FIELDS.timelineAt) return timelineAt(collection, row);
  return "sealed" in row ? undefined : naturalKeyOf(row as unknown as Customer);
}

type LooseStore = IDBPObjectStore<unknown, string[], string, "versionchange">;

const names = (list: DOMStringList) => Array.from({ length: list.length }, (_, i) => list.item(i)!);

/** Fills derived fields in rows stored before their index; the upgrade completes only when this has. */
function backfill(store: LooseStore, collection: CollectionName, fields: readonly DerivedField[]) {
  void (async () => {
    let cursor = await store.openCursor();
    while (cursor) {
      const row = { ...(cursor.value as Record<string, unknown>) };
      for (const field of fields) {
        const value = derive(collection, field, row);
        if (value !== undefined) row[field] = value;
      }
      await cursor.update(row);
      cursor = await cursor.continue();
    }
  })();
}

/** Brings a database of any older version to the table's shape. */
export function upgrade(
  database: IDBPDatabase<CrmDb>,
  tx: IDBPTransaction<CrmDb, StoreNames<CrmDb>[], "versionchange">,
): void {
  const db = database as unknown as IDBPDatabase;
  const existing = names(db.objectStoreNames);
  for (const collection of COLLECTION_NAMES) {
    const { indexes } = collections[collection].storage;
    const isNew = !existing.includes(collection);
    const store = (isNew
      ? db.createObjectStore(collection, { keyPath: "id" })
      : tx.objectStore(collection)) as unknown as LooseStore;
    const present = names(store.indexNames);
    const derived = new Set<DerivedField>();
    for (const [name, index] of Object.entries(indexes)) {
      if (present.includes(name)) continue;
      store.createIndex(name, typeof index.keyPath === "string" ? index.keyPath : [...index.keyPath]);
      for (const field of indexFields(index))
        if (Object.values(DERIVED_FIELDS).includes(field as DerivedField)) derived.add(field as DerivedField);
    }
    for (const name of present) if (!Object.hasOwn(indexes, name)) store.deleteIndex(name);
    if (!isNew && derived.size > 0) backfill(store, collection, [...derived]);
  }
  for (const [name, { keyPath }] of Object.entries(OWN_STORES))
    if (!existing.includes(name)) db.createObjectStore(name, { keyPath });
}
