/* eslint-disable @typescript-eslint/require-await -- the store contract is asynchronous; memory answers at once */
/**
 * An in-memory store for tests, Node scripts and demos. Same contract as the
 * IndexedDB and HTTP stores; records are copied in and out (structuredClone),
 * so callers can never mutate the store's state by accident.
 */
import { matchesCustomerSearch, type Customer } from "@bankcrm/core";
import {
  belongsTo,
  clampLimit,
  naturalKeyOf,
  timelineKey,
  type CollectionName,
  type CollectionRecords,
  type CrmStore,
  type CustomerQuery,
  type Page,
  type TimelineEntry,
} from "../store.js";

export function createMemoryStore(): CrmStore {
  const data: { [C in CollectionName]: Map<string, CollectionRecords[C]> } = {
    customers: new Map(),
    holdings: new Map(),
    transactions: new Map(),
    interactions: new Map(),
    serviceCases: new Map(),
    campaignResponses: new Map(),
    leads: new Map(),
    opportunities: new Map(),
    campaigns: new Map(),
    tasks: new Map(),
    relationshipGroups: new Map(),
  };
  const byNaturalKey = new Map<string, string>();
  const byCustomer = new Map<string, Map<CollectionName, Set<string>>>();
  const index = (collection: CollectionName, customerId: string | undefined, id: string) => {
    if (!customerId) return;
    let c = byCustomer.get(customerId);
    if (!c) byCustomer.set(customerId, (c = new Map<CollectionName, Set<string>>()));
    let ids = c.get(collection);
    if (!ids) c.set(collection, (ids = new Set<string>()));
    ids.add(id);
  };
  const ofCustomer = <C extends CollectionName>(collection: C, customerId: string): CollectionRecords[C][] =>
    [...(byCustomer.get(customerId)?.get(collection) ?? [])].map((id) => structuredClone(data[collection].get(id)!));
  let open = true;
  const check = () => {
    if (!open) throw new Error("the store is closed");
  };

  return {
    kind: "memory",
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
      const limit = clampLimit(query.limit);
      const entries: TimelineEntry[] = [
        ...ofCustomer("interactions", customerId).map((record) => ({
          kind: "interaction" as const,
          id: record.id,
          customerId,
          at: record.at,
          record,
        })),
        ...ofCustomer("transactions", customerId).map((record) => ({
          kind: "transaction" as const,
          id: record.id,
          customerId,
          at: record.at,
          record,
        })),
        ...ofCustomer("serviceCases", customerId).map((record) => ({
          kind: "case" as const,
          id: record.id,
          customerId,
          at: record.openedAt,
          record,
        })),
        ...ofCustomer("campaignResponses", customerId).map((record) => ({
          kind: "campaign" as const,
          id: record.id,
          customerId,
          at: record.at,
          record,
        })),
      ];
      entries.sort((a, b) => (timelineKey(a) < timelineKey(b) ? 1 : -1));
      const from = query.after === undefined ? 0 : entries.findIndex((e) => timelineKey(e) < query.after!);
      if (from < 0) return { items: [] };
      const items = entries.slice(from, from + limit);
      const more = from + limit < entries.length;
      return more ? { items, next: timelineKey(items[items.length - 1]!) } : { items };
    },
    async leads(query) {
      check();
      const limit = clampLimit(query.limit);
      const all = [...data.leads.values()]
        .filter((l) => query.customerId === undefined || l.customerId === query.customerId)
        .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
      const from = query.after === undefined ? 0 : all.findIndex((l) => l.id === query.after) + 1;
      const items = all.slice(from, from + limit).map((l) => structuredClone(l));
      return from + limit < all.length ? { items, next: items[items.length - 1]!.id } : { items };
    },
    async record(collection, id) {
      check();
      const r = data[collection].get(id);
      return r && structuredClone(r);
    },
    async records(collection, query) {
      check();
      const limit = clampLimit(query.limit);
      const all = [...data[collection].values()]
        .filter((r) => query.customerId === undefined || belongsTo(r, query.customerId))
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .filter((r) => query.after === undefined || r.id > query.after);
      const items = all.slice(0, limit).map((r) => structuredClone(r));
      return all.length > limit ? { items, next: items[items.length - 1]!.id } : { items };
    },
    async put(collection, records) {
      check();
      for (const record of records) {
        const copy = structuredClone(record);
        if (collection === "customers") {
          const customer = copy as Customer;
          const previous = data.customers.get(customer.id);
          if (previous) byNaturalKey.delete(naturalKeyOf(previous));
          byNaturalKey.set(naturalKeyOf(customer), customer.id);
        }
        (data[collection] as Map<string, unknown>).set(record.id, copy);
        index(collection, (record as { customerId?: string }).customerId, record.id);
      }
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
