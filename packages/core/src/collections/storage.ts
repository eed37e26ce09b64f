/**
 * How a collection is kept by a store that indexes and seals records itself (the
 * browser's IndexedDB store): the table's `storage` column. From it follow the
 * database's object stores and indexes (and the upgrade from any older
 * version), the fields kept readable when records are sealed at rest, and the
 * index that finds a customer's records. The server keeps its own SQL schema in
 * migrations.
 */

/** Fields a store keeps beside a record only for an index: never part of the record. */
export const DERIVED_FIELDS = Object.freeze({
  /** Customers: the natural key (resident ID or USCC), as a blind index when sealed. */
  naturalKey: "naturalKey",
  /** The record's time on the timeline (its latest activity), for the timeline's order. */
  timelineAt: "timelineAt",
} as const);
export type DerivedField = (typeof DERIVED_FIELDS)[keyof typeof DERIVED_FIELDS];

export interface StoredIndex {
  /** The field it is keyed by, or a compound key. */
  keyPath: string | readonly string[];
  /** The storage version that added it: opening an older database adds it (and fills derived fields). */
  since: number;
}

export interface CollectionStorage {
  /** The storage version that added the collection. */
  since: number;
  /** Its indexes by name. Their fields stay readable when the rest of a record is sealed at rest. */
  indexes: Readonly<Record<string, StoredIndex>>;
  /** Fields kept readable although no index needs them; nothing that identifies a person. */
  alsoClear?: readonly string[];
}

/**
 * The index that finds a customer's records: `byCustomer` (keyed by `customerId`) or
 * `byCustomerTime` (`[customerId, time]`, in the customer's order). Without one a
 * store reads all and filters by membership (`belongsTo`).
 */
export function customerIndex(storage: CollectionStorage): "byCustomer" | "byCustomerTime" | undefined {
  if (Object.hasOwn(storage.indexes, "byCustomerTime")) return "byCustomerTime";
  if (Object.hasOwn(storage.indexes, "byCustomer")) return "byCustomer";
  return undefined;
}

const isDerived = (field: string): field is DerivedField => Object.values(DERIVED_FIELDS).includes(field as never);

/** The fields of an index's key. */
export function indexFields(index: StoredIndex): readonly string[] {
  return typeof index.keyPath === "string" ? [index.keyPath] : index.keyPath;
}

/**
 * The record fields kept readable when the rest is sealed: the key, every field
 * an index needs (derived ones are the store's) and `alsoClear`.
 */
export function clearFields(storage: CollectionStorage): readonly string[] {
  const fields = new Set<string>(["id"]);
  for (const index of Object.values(storage.indexes))
    for (const field of indexFields(index)) if (!isDerived(field)) fields.add(field);
  for (const field of storage.alsoClear ?? []) fields.add(field);
  return [...fields];
}

/** Whether the store keeps a derived field beside this collection's records (an index uses it). */
export function keepsDerived(storage: CollectionStorage, field: DerivedField): boolean {
  return Object.values(storage.indexes).some((index) => indexFields(index).includes(field));
}

/** The version a database of these collections has: the newest `since` of any collection or index. */
export function storageVersion(storages: readonly CollectionStorage[]): number {
  let version = 1;
  for (const s of storages) {
    version = Math.max(version, s.since);
    for (const index of Object.values(s.indexes)) version = Math.max(version, index.since);
  }
  return version;
}
