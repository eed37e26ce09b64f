/**
 * What every store — memory, IndexedDB, HTTP — offers the client. Stores hold
 * full records; masking, access and audit are the client's job, so every store
 * gets them the same way.
 */
export { belongsTo, collectionSchemas, COLLECTION_NAMES, TIMELINE_COLLECTIONS } from "@bankcrm/core";
import {
  collections,
  collectionSpec,
  TIMELINE_COLLECTIONS,
  type CollectionName,
  type CollectionRecords,
  type Actor,
  type Customer,
  type CustomerChange,
  type Holding,
  type RevealableField,
  type Tier,
  type TimelineCollectionOf,
  type TimelineEntry,
  type TimelineKind,
  type TimelineQuery,
  type Page,
  versionOf,
} from "@bankcrm/core";
import { timelineAt } from "@bankcrm/core/collections";
import { BankcrmInvalidArgumentError } from "@bankcrm/core/errors";
import { searchRecords } from "@bankcrm/core/text";
import type { MergeLog } from "./merge-log.js";
export type { Page, TimelineEntry, TimelineQuery } from "@bankcrm/core";
export type { CollectionName, CollectionRecords } from "@bankcrm/core";

export interface CustomerQuery {
  branchId?: string;
  relationshipManagerId?: string;
  tier?: Tier;
  status?: Customer["status"];
  /** Name substring, full resident ID / USCC, a mobile number, or a masked mobile like 138****5678. */
  search?: string;
  limit?: number;
  after?: string;
}

export interface RecordQuery {
  /** Records of this customer (for groups: where the customer is a member). */
  customerId?: string;
  /**
   * Words to search for, in a collection the table gives `search` fields (the knowledge base): the records with every
   * term, best first, at most `limit` — one page, no `next`. Any other collection refuses it.
   */
  search?: string;
  limit?: number;
  after?: string;
}

/** A transition as the REST contract takes it: the event, when, why, the event's details, and who (until the server takes the principal from the token). */
export interface TransitionRequest {
  event: string;
  at: string;
  reason?: string;
  actor: Actor;
  details?: Record<string, unknown>;
}

/** The write operations of a server store: what the outbox sends, and what a client without an outbox calls. */
export interface RemoteWriter {
  /** `POST /{collection}` with an Idempotency-Key: the server's record, as stored. */
  create<C extends CollectionName>(
    collection: C,
    record: CollectionRecords[C],
    idempotencyKey: string,
  ): Promise<CollectionRecords[C]>;
  /** `PUT /{collection}/{id}` with `If-Match: "v{expectedVersion}"`; 412 → `BankcrmConflictError` with the server's record. */
  update<C extends CollectionName>(
    collection: C,
    record: CollectionRecords[C],
    expectedVersion: number,
    idempotencyKey?: string,
  ): Promise<CollectionRecords[C]>;
  /** `POST /{collection}/{id}/transitions`: the server applies the same state machine. */
  transition<C extends CollectionName>(
    collection: C,
    id: string,
    request: TransitionRequest,
    expectedVersion: number,
    idempotencyKey: string,
  ): Promise<CollectionRecords[C]>;
  /** `POST /customers/{id}/changes`: a contact change, risk re-assessment or consent, kept as history on the server. */
  changeCustomer(
    customerId: string,
    change: { id: string; at: string; actor: Actor; input: unknown },
    expectedVersion: number,
    idempotencyKey: string,
  ): Promise<{ customer: Customer; change: CustomerChange }>;
}

/** A store whose server reveals one identifier at a time, auditing each reveal before it answers. */
export interface RemoteRevealer {
  /** `POST /customers/{id}/reveal { field, reason }`: the value, or undefined when the customer has none. */
  reveal(customerId: string, field: RevealableField, reason: string): Promise<string | undefined>;
}

export interface CrmStore {
  readonly kind: "memory" | "indexeddb" | "http";
  /**
   * The store's records come with identifiers masked (a server that masks by
   * role, as the reference server does, or a cache of one): clients accept
   * masked values where the schemas expect full ones, and reveal through the
   * store's `reveal`.
   */
  readonly maskedRecords?: boolean;
  getCustomer(id: string): Promise<Customer | undefined>;
  /** The customer with this resident ID number (individuals) or USCC (corporates). */
  findCustomerByNaturalKey(key: string): Promise<Customer | undefined>;
  listCustomers(query: CustomerQuery): Promise<Page<Customer>>;
  holdings(customerId: string): Promise<Holding[]>;
  timeline(customerId: string, query: TimelineQuery): Promise<Page<TimelineEntry>>;
  /** One record of any collection. */
  record<C extends CollectionName>(collection: C, id: string): Promise<CollectionRecords[C] | undefined>;
  /** Records of any collection in its order (by id; leads newest first), optionally of one customer, a page at a time. */
  records<C extends CollectionName>(collection: C, query: RecordQuery): Promise<Page<CollectionRecords[C]>>;
  /** Inserts or replaces records by id, unconditionally (imports, caches). */
  put<C extends CollectionName>(collection: C, records: readonly CollectionRecords[C][]): Promise<void>;
  /**
   * Writes one record if the stored one is at `expectedVersion` (`null`: there
   * must be none yet — a create), atomically; otherwise throws
   * `BankcrmConflictError` carrying the stored record, and writes nothing —
   * never a silent overwrite.
   */
  write<C extends CollectionName>(
    collection: C,
    record: CollectionRecords[C],
    options: { expectedVersion: number | null },
  ): Promise<void>;
  close(): void;
  /** Closes and deletes everything the store keeps. */
  destroy(): Promise<void>;
  /**
   * What the store does on a server, when it speaks for one (the HTTP store, a cache of one): writes go through
   * the server's endpoints, where the same core rules run, instead of `write`; a reveal goes through the server's
   * audited endpoint. Absent: the client writes to the store itself and audits reveals through its `onAudit`.
   */
  readonly remote?: RemoteWriter & RemoteRevealer;
  /** Keeps records a write queued in the outbox, so reads on this device show them while they wait (a cache). */
  keep?<C extends CollectionName>(collection: C, records: readonly CollectionRecords[C][]): Promise<void>;
  /**
   * Entity resolution without a server (the embedded and memory stores): merges kept whole for an unmerge, pairs kept
   * apart, each change written with its records in one atomic commit. Absent where a server merges (HTTP, a cache).
   */
  readonly mergeLog?: MergeLog;
  /** Forgets records kept here — a customer with every record of theirs (a cache whose user lost sight of them). */
  forget?(collection: CollectionName, ids: readonly string[]): Promise<void>;
}

/** A customer's natural key: resident ID / other document number, or USCC. */
export function naturalKeyOf(customer: Customer): string {
  return collections.customers.naturalKey(customer);
}

/** Timeline cursors order entries newest first, ties broken by kind and id. */
export function timelineKey(entry: Pick<TimelineEntry, "at" | "kind" | "id">): string {
  return `${entry.at}|${entry.kind}|${entry.id}`;
}

/** A page size as every store honours it: 1–1,000, `fallback` when unset. */
export function clampLimit(limit: number | undefined, fallback = 50): number {
  return Math.max(1, Math.min(1000, Math.trunc(limit ?? fallback)));
}

/** Records in id order, a page after the `after` cursor: the paging every store's `records` shares. */
export function pageById<T extends { id: string }>(records: readonly T[], query: RecordQuery): Page<T> {
  const limit = clampLimit(query.limit);
  const sorted = [...records]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((r) => query.after === undefined || r.id > query.after);
  const items = sorted.slice(0, limit);
  return sorted.length > limit ? { items, next: items[items.length - 1]!.id } : { items };
}

/** Records newest first by `field` (ties by id), a page after the record whose id is `after`. */
function pageNewest<T extends { id: string }>(records: readonly T[], field: string, query: RecordQuery): Page<T> {
  const limit = clampLimit(query.limit);
  const at = (r: T) => String((r as Record<string, unknown>)[field]);
  const all = [...records].sort((a, b) => (at(a) === at(b) ? (a.id < b.id ? 1 : -1) : at(a) < at(b) ? 1 : -1));
  const from = query.after === undefined ? 0 : all.findIndex((l) => l.id === query.after) + 1;
  const items = all.slice(from, from + limit);
  return from + limit < all.length ? { items, next: items[items.length - 1]!.id } : { items };
}

/** A page of a collection's records in the order the table gives it (`order`): by id, or newest first. */
export function pageOf<C extends CollectionName>(
  collection: C,
  records: readonly CollectionRecords[C][],
  query: RecordQuery,
): Page<CollectionRecords[C]> {
  const spec = collectionSpec(collection);
  if (query.search !== undefined) {
    if (!spec.search) throw new BankcrmInvalidArgumentError("search", `${collection} cannot be searched`);
    return { items: searchRecords(records, spec.search, query.search, clampLimit(query.limit)) };
  }
  return spec.order === "newest" && spec.timeField
    ? pageNewest(records, spec.timeField, query)
    : pageById(records, query);
}

/** A timeline entry for a record of a timeline collection. */
export function timelineEntry<K extends TimelineKind>(
  kind: K,
  record: CollectionRecords[TimelineCollectionOf[K]],
): TimelineEntry {
  const r = record as unknown as { id: string; customerId: string };
  return {
    kind,
    id: r.id,
    customerId: r.customerId,
    at: timelineAt(TIMELINE_COLLECTIONS[kind], record)!,
    record,
  } as TimelineEntry;
}

/** Entries newest first, a page after the `after` cursor: the timeline paging of the stores that sort in memory. */
export function pageTimeline(entries: readonly TimelineEntry[], query: TimelineQuery): Page<TimelineEntry> {
  const limit = clampLimit(query.limit);
  const sorted = [...entries].sort((a, b) => (timelineKey(a) < timelineKey(b) ? 1 : -1));
  const from = query.after === undefined ? 0 : sorted.findIndex((e) => timelineKey(e) < query.after!);
  if (from < 0) return { items: [] };
  const items = sorted.slice(from, from + limit);
  return from + limit < sorted.length ? { items, next: timelineKey(items[items.length - 1]!) } : { items };
}

/** Whether a stored record (or its absence) is what a conditional write expects. */
export function versionMatches(current: unknown, expectedVersion: number | null): boolean {
  return expectedVersion === null
    ? current === undefined
    : current !== undefined && versionOf(current) === expectedVersion;
}

/** The ETag of a record's version, as the REST contract sends it (`"v3"`); absent records have none. */
export function etagOfVersion(record: unknown): string | null {
  return record === undefined || record === null ? null : `"v${versionOf(record)}"`;
}
