/**
 * The client's reads: every record validated and masked on its way out —
 * one collection's records by id or a page, a customer's holdings, the merged
 * timeline (confidential notes only for roles that may read them), customers
 * by id, filters and search, and leads newest first.
 */
import { canReadConfidential, type Customer, type Holding } from "@bankcrm/core";
import {
  TIMELINE_COLLECTIONS,
  type CollectionName,
  type CollectionRecords,
  type CustomerQuery,
  type Page,
  type RecordQuery,
  type TimelineEntry,
  type TimelineQuery,
} from "../stores/store.js";
import type { ClientContext } from "./context.js";

export function reads(ctx: ClientContext) {
  const { store, guard, checked, masked, checkedPage } = ctx;

  /** Read access to one collection: validated, masked, paged. */
  const repository = <C extends CollectionName>(collection: C) => ({
    async get(id: string): Promise<CollectionRecords[C] | undefined> {
      guard();
      const r = checked<CollectionRecords[C]>(collection, await store.record(collection, id));
      return r && masked(collection, r);
    },
    async list(query: RecordQuery = {}): Promise<Page<CollectionRecords[C]>> {
      guard();
      return checkedPage<CollectionRecords[C]>(collection, await store.records(collection, query));
    },
  });

  const customers = {
    /** The customer, identifiers masked. */
    async get(id: string): Promise<Customer | undefined> {
      guard();
      const c = checked<Customer>("customers", await store.getCustomer(id));
      return c && masked("customers", c);
    },
    async list(query: CustomerQuery = {}): Promise<Page<Customer>> {
      guard();
      return checkedPage<Customer>("customers", await store.listCustomers(query));
    },
    /** Search by name, full ID / USCC, a mobile or a masked mobile (138****5678). */
    search(text: string, limit = 20): Promise<Page<Customer>> {
      return customers.list({ search: text, limit });
    },
  };

  const holdings = {
    async list(customerId: string): Promise<Holding[]> {
      guard();
      return (await store.holdings(customerId)).flatMap((h) => {
        const valid = checked<Holding>("holdings", h);
        return valid ? [masked("holdings", valid)] : [];
      });
    },
  };

  /** Every touchpoint, newest first, paged; confidential notes only for roles that may read them. */
  async function timeline(customerId: string, query: TimelineQuery = {}): Promise<Page<TimelineEntry>> {
    guard();
    const page = await store.timeline(customerId, query);
    const seeConfidential = canReadConfidential(ctx.user, ctx.policy.confidentialRoles);
    const items = page.items.flatMap((entry) => {
      const collection = TIMELINE_COLLECTIONS[entry.kind];
      const record = checked<TimelineEntry["record"]>(collection, entry.record);
      if (!record) return [];
      if (entry.kind === "interaction" && (record as { confidential: boolean }).confidential && !seeConfidential)
        return [];
      return [{ ...entry, record: masked(collection, record) } as TimelineEntry];
    });
    return page.next !== undefined ? { items, next: page.next } : { items };
  }

  return { repository, customers, holdings, timeline };
}
