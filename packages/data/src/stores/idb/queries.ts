/**
 * The IndexedDB store's reads: customers by the one index that answers a filter
 * (or scanned in batches when none does), a customer's timeline merged from
 * every timeline collection newest first, and any collection's records, for a
 * customer through its customer index. Rows are decoded (decrypted) outside the
 * read transactions: none may wait on decryption.
 */
import { unwrap, type IDBPDatabase, type IDBPObjectStore } from "idb";
import { collectionSpec, matchesCustomerSearch, type Customer } from "@bankcrm/core";
import { timelineAt } from "@bankcrm/core/collections";
import { BankcrmStoreError } from "../../errors/store-error.js";
import {
  belongsTo,
  clampLimit,
  pageOf,
  TIMELINE_COLLECTIONS,
  timelineKey,
  type CollectionName,
  type CollectionRecords,
  type CustomerQuery,
  type Page,
  type RecordQuery,
  type TimelineEntry,
  type TimelineQuery,
} from "../store.js";
import { customerRange, keepsTimelineAt, type CrmDb } from "./schema.js";

/** What the reads need of the store: the database and the decoding of its rows. */
export interface Rows {
  db: IDBPDatabase<CrmDb>;
  decode<C extends CollectionName>(collection: C, row: unknown): Promise<CollectionRecords[C]>;
  decodeAll<C extends CollectionName>(collection: C, rows: readonly unknown[]): Promise<CollectionRecords[C][]>;
}

/** The customer index that answers one filter, with the filter's value. */
export const filterIndex = (q: Pick<CustomerQuery, "tier" | "branchId" | "relationshipManagerId" | "status">) =>
  q.tier !== undefined
    ? (["byTier", q.tier] as const)
    : q.branchId !== undefined
      ? (["byBranch", q.branchId] as const)
      : q.relationshipManagerId !== undefined
        ? (["byRelationshipManager", q.relationshipManagerId] as const)
        : q.status !== undefined
          ? (["byStatus", q.status] as const)
          : undefined;

export async function listCustomers({ db, decodeAll }: Rows, query: CustomerQuery): Promise<Page<Customer>> {
  const limit = clampLimit(query.limit);
  const index = filterIndex(query);
  const after = query.after;
  const range = index
    ? IDBKeyRange.bound([index[1], after ?? ""], [index[1], "\uffff"], after !== undefined, false)
    : after !== undefined
      ? IDBKeyRange.lowerBound(after, true)
      : undefined;
  const simple =
    query.search === undefined &&
    [query.tier, query.branchId, query.relationshipManagerId, query.status].filter((v) => v !== undefined).length <= 1;
  if (simple) {
    // One index answers the query: read exactly one page (and one more to know if there is a next).
    const rows = index
      ? await db.getAllFromIndex("customers", index[0], range, limit + 1)
      : await db.getAll("customers", range, limit + 1);
    const items = await decodeAll("customers", rows.slice(0, limit));
    return rows.length > limit ? { items, next: items[items.length - 1]!.id } : { items };
  }
  // Filters one index cannot answer: read the index in batches, decode (and decrypt)
  // between them — no transaction may wait on decryption — and filter here.
  const items: Customer[] = [];
  let from = after;
  for (;;) {
    const batchRange = index
      ? IDBKeyRange.bound([index[1], from ?? ""], [index[1], "\uffff"], from !== undefined, false)
      : from !== undefined
        ? IDBKeyRange.lowerBound(from, true)
        : undefined;
    const rows = index
      ? await db.getAllFromIndex("customers", index[0], batchRange, 500)
      : await db.getAll("customers", batchRange, 500);
    for (const c of await decodeAll("customers", rows)) {
      const ok =
        (query.tier === undefined || c.tier === query.tier) &&
        (query.branchId === undefined || c.branchId === query.branchId) &&
        (query.relationshipManagerId === undefined || c.relationshipManagerId === query.relationshipManagerId) &&
        (query.status === undefined || c.status === query.status) &&
        (query.search === undefined || matchesCustomerSearch(c, query.search));
      if (!ok) continue;
      if (items.length === limit) return { items, next: items[items.length - 1]!.id };
      items.push(c);
    }
    if (rows.length < 500) return { items };
    from = rows[rows.length - 1]!.id;
  }
}

export async function readTimeline(
  { db, decode }: Rows,
  customerId: string,
  query: TimelineQuery,
): Promise<Page<TimelineEntry>> {
  const limit = clampLimit(query.limit);
  const after = query.after;
  const afterAt = after?.split("|")[0];
  const kinds = Object.entries(TIMELINE_COLLECTIONS).map(
    ([kind, store]) => [store, kind] as [CollectionName, TimelineEntry["kind"]],
  );
  const tx = db.transaction(kinds.map(([store]) => store));
  const collected: TimelineEntry[] = [];
  await Promise.all(
    kinds.map(async ([storeName, kind]) => {
      const range = IDBKeyRange.bound([customerId, ""], [customerId, afterAt ?? "\uffff"]);
      // By the latest activity where the store keeps it, else by the record's own time.
      const store = tx.objectStore(storeName) as unknown as IDBPObjectStore<unknown, string[], string>;
      const index = store.index(keepsTimelineAt(storeName) ? "byTimeline" : "byCustomerTime");
      // The order uses readable fields only (C1, kept clear when encrypted): the stored
      // timelineAt where there is one, else the record's own time.
      const toEntry = (record: TimelineEntry["record"]) =>
        ({
          kind,
          id: record.id,
          customerId,
          at: (record as { timelineAt?: string }).timelineAt ?? timelineAt(storeName, record)!,
          record,
        }) as TimelineEntry;
      const wanted = (entry: TimelineEntry) => after === undefined || timelineKey(entry) < after;
      // One more than a page from each store tells whether another page exists.
      const need = limit + 1;
      // Where the browser has getAllRecords (Chromium 141+), one request reads newest first;
      // a few extra cover entries sharing the cursor's timestamp.
      const native = unwrap(index) as IDBIndex & {
        getAllRecords?: (options: {
          query: IDBKeyRange;
          count: number;
          direction: IDBCursorDirection;
        }) => IDBRequest<{ value: TimelineEntry["record"] }[]>;
      };
      if (typeof native.getAllRecords === "function") {
        const count = need + 16;
        const request = native.getAllRecords({ query: range, count, direction: "prev" });
        const rows = await new Promise<{ value: TimelineEntry["record"] }[]>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () =>
            reject(request.error ?? new BankcrmStoreError("aborted", "reading the timeline failed"));
        });
        const entries = rows.map((r) => toEntry(r.value)).filter(wanted);
        if (entries.length >= need || rows.length < count) {
          collected.push(...entries.slice(0, need));
          return;
        }
      }
      let cursor = await index.openCursor(range, "prev");
      let taken = 0;
      while (cursor && taken < need) {
        const entry = toEntry(cursor.value as TimelineEntry["record"]);
        if (wanted(entry)) {
          collected.push(entry);
          taken++;
        }
        cursor = await cursor.continue();
      }
    }),
  );
  collected.sort((a, b) => (timelineKey(a) < timelineKey(b) ? 1 : -1));
  const page = collected.slice(0, limit);
  // Ordering used only the readable fields; decode (decrypt) the page's records now.
  const items = await Promise.all(
    page.map(
      async (entry) =>
        ({ ...entry, record: await decode(TIMELINE_COLLECTIONS[entry.kind], entry.record) }) as TimelineEntry,
    ),
  );
  return collected.length > limit ? { items, next: timelineKey(items[items.length - 1]!) } : { items };
}

export async function readRecords<C extends CollectionName>(
  { db, decodeAll }: Rows,
  collection: C,
  query: RecordQuery,
): Promise<Page<CollectionRecords[C]>> {
  const limit = clampLimit(query.limit);
  const customerId = query.customerId;
  const byCustomer = customerId === undefined ? undefined : customerRange(collection, customerId);
  let rows: unknown[];
  if (customerId === undefined && collectionSpec(collection).order !== "newest" && query.search === undefined) {
    rows = await db.getAll(
      collection,
      query.after !== undefined ? IDBKeyRange.lowerBound(query.after, true) : undefined,
      limit + 1,
    );
  } else if (customerId === undefined) {
    rows = await db.getAll(collection); // newest first or best first: every record is read to order them
  } else if (byCustomer) {
    const store = db.transaction(collection).store as unknown as {
      index(name: string): { getAll(range: IDBKeyRange): Promise<unknown[]> };
    };
    rows = await store.index(byCustomer.index).getAll(byCustomer.range);
  } else {
    // Customers, campaigns and relationship groups: membership is inside the record.
    rows = await db.getAll(collection);
  }
  const decoded = (await decodeAll(collection, rows)).filter(
    (r) => customerId === undefined || belongsTo(collection, r, customerId),
  );
  return pageOf(collection, decoded, query);
}
