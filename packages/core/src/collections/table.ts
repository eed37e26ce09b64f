/**
 * What follows from the collection table (entries.ts): the collections' names
 * and record types, their schemas, the writable and machine collections, a
 * record's timeline time and customer membership, and every record schema by
 * name. Nothing here names a collection.
 */
import { TIMELINE_COLLECTIONS } from "../contract/client-contract.js";
import type { TimelineCollectionOf, TimelineKind } from "../contract/client-contract.js";
import { StaffSchema } from "../schemas/staff.js";
import { recordJsonSchema } from "../schemas/json-schema.js";
import { collections, type CollectionSpec, type RecordOf } from "./entries.js";

export { collections, WRITER_ROLES } from "./entries.js";
export type { CollectionSpec, CollectionWrites, RecordOf } from "./entries.js";
export type { TimelineKind };

/** The name of each collection: a key of the table. */
export type CollectionName = keyof typeof collections;
/** The record type of each collection, as its schema parses it. */
export type CollectionRecords = { [C in CollectionName]: RecordOf<(typeof collections)[C]> };

/** One touchpoint on a customer's timeline; `at` is the record's latest activity. */
export type TimelineEntry = {
  [K in TimelineKind]: {
    kind: K;
    id: string;
    customerId: string;
    at: string;
    record: CollectionRecords[TimelineCollectionOf[K]];
  };
}[TimelineKind];

export const COLLECTION_NAMES = Object.keys(collections) as CollectionName[];

/** The schema of each collection (the table's `schema` column). */
export const collectionSchemas = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, collections[c].schema])) as {
  [C in CollectionName]: (typeof collections)[C]["schema"];
};

/** A collection's entry, typed loosely: for code that handles every collection alike. */
export function collectionSpec(collection: CollectionName): CollectionSpec<Record<string, unknown>> {
  return collections[collection] as unknown as CollectionSpec<Record<string, unknown>>;
}

/** Whether a name is a collection (for input from a URL or a queue). */
export function isCollectionName(name: unknown): name is CollectionName {
  return typeof name === "string" && Object.hasOwn(collections, name);
}

/** Collections written through the generic create, update and transition (customers change by their own path). */
export type WritableCollectionName = Exclude<
  { [C in CollectionName]: (typeof collections)[C] extends { write: object } ? C : never }[CollectionName],
  "customers"
>;

/** Collections the client can create, update or transition. */
export const WRITABLE_COLLECTIONS = COLLECTION_NAMES.filter((c) => {
  const w = collectionSpec(c).write;
  return w !== undefined && (w.create || w.update);
});

/** Collections with a state machine. */
export const MACHINE_COLLECTIONS = COLLECTION_NAMES.filter((c) => collectionSpec(c).machine !== undefined);

/** Collections on the customer timeline, by entry kind (each entry's `timeline.kind` above agrees; tested). */
export { TIMELINE_COLLECTIONS };

/** The time a record shows at on the timeline (its latest activity), for collections that show there. */
export function timelineAt(collection: CollectionName, record: unknown): string | undefined {
  return collectionSpec(collection).timeline?.at(record as Record<string, unknown>);
}

/** Whether a record belongs to a customer, for every collection. */
export function belongsTo(collection: CollectionName, record: unknown, customerId: string): boolean {
  const index = collectionSpec(collection).customerIndex;
  const r = record as { customerId?: string; members?: { customerId: string }[] };
  if (index === "customerId") return r.customerId === customerId;
  if (index === "members") return Array.isArray(r.members) && r.members.some((m) => m.customerId === customerId);
  return false;
}

/** Every top-level record schema by name (`lead`, `serviceCase`, …): each collection's, and the staff record. */
export const recordSchemas = {
  ...(Object.fromEntries(
    Object.values(collections).map((spec) => [spec.record[0]!.toLowerCase() + spec.record.slice(1), spec.schema]),
  ) as { [C in CollectionName as Uncapitalize<(typeof collections)[C]["record"]>]: (typeof collections)[C]["schema"] }),
  staff: StaffSchema,
};
export type RecordName = keyof typeof recordSchemas;

/** The JSON Schema of every record by name (`recordJsonSchema` of each of `recordSchemas`). */
export function recordJsonSchemas(): Record<RecordName, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(recordSchemas).map(([name, schema]) => [name, recordJsonSchema(schema)]),
  ) as Record<RecordName, Record<string, unknown>>;
}

/** Whether a record is in a state its collection changes only by transitions (`write.frozenIn`). */
export function frozenRecord(collection: CollectionName, record: unknown): boolean {
  const spec = collectionSpec(collection);
  const frozen = spec.write?.frozenIn;
  if (!frozen || !spec.machine || typeof record !== "object" || record === null) return false;
  return frozen.includes(String((record as Record<string, unknown>)[spec.machine.field]));
}
