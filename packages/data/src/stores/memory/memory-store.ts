/* eslint-disable @typescript-eslint/require-await -- the store contract is asynchronous; memory answers at once */
/**
 * An in-memory store for tests, Node scripts and demos. Same contract as the
 * IndexedDB and HTTP stores; records are copied in and out (structuredClone),
 * so callers can never mutate the store's state by accident.
 */
import { matchesCustomerSearch, type Customer } from "@bankcrm/core";
import { BankcrmConflictError } from "../../errors/http-errors.js";
import { BankcrmStoreError } from "../../errors/store-error.js";
import { memoryMergeLog, type MergeLog } from "../merge-log.js";
import {
  belongsTo,
  clampLimit,
  COLLECTION_NAMES,
  etagOfVersion,
  versionMatches,
  naturalKeyOf,
  pageOf,
  pageTimeline,
  timelineEntry,
  TIMELINE_COLLECTIONS,
  type CollectionName,
  type CollectionRecords,
  type CrmStore,
  type CustomerQuery,
  type Page,
  type TimelineEntry,
} from "../store.js";

export function createMemoryStore(): CrmStore & { readonly mergeLog: MergeLog } {
  const data = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new Map<string, unknown>()])) as {
    [C in CollectionName]: Map<string, CollectionRecords[C]>;
  };
  const byNaturalKey = new Map<string, string>();
  const byCustomer = new Map<string, Map<CollectionName, Set<string>>>();
  const index = (collection: CollectionName, customerId: string | undefined, id: string) => {
    if (!customerId) return;
    const c = byCustomer.get(customerId) ?? byCustomer.set(customerId, new Map()).get(customerId)!;
    (c.get(collection) ?? c.set(collection, new Set()).get(collection)!).add(id);
  };
  const ofCustomer = <C extends CollectionName>(collection: C, customerId: string): CollectionRecords[C][] =>
    [...(byCustomer.get(customerId)?.get(collection) ?? [])].flatMap((id) => {
      const r = data[collection].get(id);
      // A record re-put under another customer leaves a stale index entry: check.
      return r !== undefined && belongsTo(collection, r, customerId) ? [structuredClone(r)] : [];
    });
  let open = true;
  const check = () => {
    if (!open) throw new BankcrmStoreError("unavailable", "the store is closed");
  };
  const unindex = (collection: CollectionName, previous: unknown) =>
    collection === "customers" && previous !== undefined && byNaturalKey.delete(naturalKeyOf(previous as Customer));
  const putOne = (collection: CollectionName, record: { id: string }) => {
    const copy = structuredClone(record);
    unindex(collection, data[collection].get(record.id));
    if (collection === "customers") byNaturalKey.set(naturalKeyOf(copy as Customer), record.id);
    (data[collection] as Map<string, unknown>).set(record.id, copy);
    index(collection, (record as { customerId?: string }).customerId, record.id);
  };

  return {
    kind: "memory",
    mergeLog: memoryMergeLog(data, putOne, unindex),
    async getCustomer(id) {
      check();
      const c = data.customers.get(id);
      return c && structuredClone(c);
    },
    async findCustomerByNaturalKey(key) {
      check();
      const id = byNaturalKey.get(key.trim().toUpperCase());
      return id ? structuredClone(data.customers.get(id)) : undefined;
    },
    async listCustomers(query: CustomerQuery): Promise<Page<Customer>> {
      check();
      const limit = clampLimit(query.limit);
      const out: Customer[] = [];
      const ids = [...data.customers.keys()].sort();
      let start = 0;
      if (query.after !== undefined) {
        start = ids.findIndex((id) => id > query.after!);
        if (start < 0) start = ids.length;
      }
      let last: string | undefined;
      for (let i = start; i < ids.length && out.length <= limit; i++) {
        const c = data.customers.get(ids[i]!)!;
        if (query.branchId !== undefined && c.branchId !== query.branchId) continue;
        if (query.relationshipManagerId !== undefined && c.relationshipManagerId !== query.relationshipManagerId)
          continue;
        if (query.tier !== undefined && c.tier !== query.tier) continue;
        if (query.status !== undefined && c.status !== query.status) continue;
        if (query.search !== undefined && !matchesCustomerSearch(c, query.search)) continue;
        if (out.length === limit) {
          return { items: out, next: last! };
        }
        out.push(structuredClone(c));
        last = c.id;
      }
      return { items: out };
    },
    async holdings(customerId) {
      check();
      return ofCustomer("holdings", customerId).sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    async timeline(customerId, query) {
      check();
      const entries: TimelineEntry[] = [];
      for (const [kind, collection] of Object.entries(TIMELINE_COLLECTIONS)) {
        for (const record of ofCustomer(collection, customerId))
          entries.push(timelineEntry(kind as TimelineEntry["kind"], record as never));
      }
      return pageTimeline(entries, query);
    },
    async record(collection, id) {
      check();
      const r = data[collection].get(id);
      return r && structuredClone(r);
    },
    async records(collection, query) {
      check();
      const all = [...data[collection].values()].filter(
        (r) => query.customerId === undefined || belongsTo(collection, r, query.customerId),
      );
      const page = pageOf(collection, all, query);
      return { ...page, items: page.items.map((r) => structuredClone(r)) };
    },
    async put(collection, records) {
      check();
      for (const record of records) putOne(collection, record);
    },
    async write(collection, record, { expectedVersion }) {
      check();
      const current = data[collection].get(record.id);
      if (!versionMatches(current, expectedVersion))
        throw new BankcrmConflictError(current === undefined ? null : structuredClone(current), etagOfVersion(current));
      putOne(collection, record);
    },
    close() {
      open = false;
    },
    async destroy() {
      for (const map of Object.values(data)) map.clear();
      byNaturalKey.clear();
      byCustomer.clear();
      open = false;
    },
  };
}
