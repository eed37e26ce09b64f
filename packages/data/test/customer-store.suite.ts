/**
 * The IndexedDB customer store's behaviour, run twice: in Node on fake-indexeddb
 * (fast) and in real Chromium (the truth).
 */
import { describe, expect, it } from "vitest";
import { type Customer } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { openDB } from "idb";
import { createIndexedDbStore, isStoreError } from "../src/index.js";

let counter = 0;
const uniqueName = () => `bankcrm-test-${Date.now()}-${counter++}`;

export function customerStoreSuite(label: string): void {
  describe(`IndexedDB customer store (${label})`, () => {
    const { customers } = generateDemoPortfolio({ seed: "store-test", customers: 600, detail: "holdings" });

    it("imports customers, reports progress in batches, and reads them back by id", async () => {
      const store = await createIndexedDbStore({ name: uniqueName() });
      const progress: number[] = [];
      const result = await store.importCustomers(customers, {
        batchSize: 250,
        onProgress: (done) => progress.push(done),
      });
      expect(result).toEqual({ written: 600, rejected: [] });
      expect(progress).toEqual([250, 500, 600]);
      expect(await store.count()).toBe(600);
      expect(await store.getCustomer(customers[42]!.id)).toEqual(customers[42]);
      await store.destroy();
    });

    it("lists by tier and by branch with cursor pagination, in id order, without gaps or repeats", async () => {
      const store = await createIndexedDbStore({ name: uniqueName() });
      await store.importCustomers(customers);
      const gold = customers
        .filter((c) => c.tier === "gold")
        .map((c) => c.id)
        .sort();
      expect(await store.count({ tier: "gold" })).toBe(gold.length);
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await store.listCustomers({ tier: "gold", limit: 37, ...(after ? { after } : {}) });
        for (const c of page.items) expect(c.tier).toBe("gold");
        seen.push(...page.items.map((c) => c.id));
        after = page.next;
      } while (after);
      expect(seen).toEqual(gold);
      const branch = customers[0]!.branchId;
      const byBranch = await store.listCustomers({ branchId: branch, limit: 1000 });
      expect(byBranch.items.map((c) => c.id)).toEqual(
        customers
          .filter((c) => c.branchId === branch)
          .map((c) => c.id)
          .sort(),
      );
      const firstPage = await store.listCustomers({ limit: 10 });
      expect(firstPage.items.map((c) => c.id)).toEqual(customers.slice(0, 10).map((c) => c.id));
      await store.destroy();
    });

    it("validates at the boundary: invalid records are reported with localized messages and never written", async () => {
      const store = await createIndexedDbStore({ name: uniqueName(), locale: "en" });
      const good = customers.slice(0, 3);
      const badMobile = { ...customers[3]!, contact: { ...customers[3]!.contact, mobile: "12345" } } as Customer;
      const withPassword = { ...customers[4]!, password: "123456" };
      const result = await store.importCustomers([...good, badMobile, withPassword, null]);
      expect(result.written).toBe(3);
      expect(result.rejected.map((r) => [r.index, r.id, r.errors[0]?.code])).toEqual([
        [3, customers[3]!.id, "mobile"],
        [4, customers[4]!.id, "c3"],
        [5, undefined, "invalidType"],
      ]);
      expect(result.rejected[0]!.errors[0]!.message).toBe("Enter a valid mainland mobile number");
      expect(await store.getCustomer(customers[4]!.id)).toBeUndefined();
      expect(await store.count()).toBe(3);
      await store.destroy();
    });

    it("aborts a failing write with a typed error and nothing half-written", async () => {
      // In the clear: a sealed record is JSON, which drops the function instead of failing.
      const store = await createIndexedDbStore({ name: uniqueName(), encryption: false });
      // A value IndexedDB cannot store (a function) fails the put mid-transaction.
      const broken = { ...customers[1]!, hook: () => 1 } as unknown as (typeof customers)[number];
      const error = await store.put("customers", [customers[0]!, broken]).catch((e: unknown) => e);
      expect(isStoreError(error)).toBe(true);
      expect(await store.count()).toBe(0);
      await store.destroy();
    });

    it("imports any collection the same way: validated, with progress, invalid records reported", async () => {
      const store = await createIndexedDbStore({ name: uniqueName(), locale: "en" });
      const { holdings } = generateDemoPortfolio({ seed: "store-test", customers: 50, detail: "holdings" });
      const broken = { ...holdings[0]!, id: "H-BROKEN", balance: { amount: 1.5, currency: "CNY" } };
      const progress: number[] = [];
      const result = await store.importRecords("holdings", [...holdings, broken], {
        batchSize: 60,
        onProgress: (done) => progress.push(done),
      });
      expect(result.written).toBe(holdings.length);
      expect(result.rejected).toMatchObject([
        { index: holdings.length, id: "H-BROKEN", errors: [{ path: ["balance", "amount"], code: "notInteger" }] },
      ]);
      expect(progress.at(-1)).toBe(holdings.length);
      expect(await store.holdings(holdings[0]!.customerId)).toEqual(
        holdings.filter((h) => h.customerId === holdings[0]!.customerId).sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      await store.destroy();
    });

    it("re-importing updates in place instead of duplicating", async () => {
      const store = await createIndexedDbStore({ name: uniqueName() });
      await store.importCustomers(customers.slice(0, 20));
      const changed = { ...customers[5]!, loyaltyPoints: 999_999 };
      await store.importCustomers([changed, ...customers.slice(0, 20)].slice(0, 1));
      expect(await store.count()).toBe(20);
      expect((await store.getCustomer(changed.id))?.loyaltyPoints).toBe(999_999);
      await store.destroy();
    });

    it("migrates a version-1 database: customers kept, natural keys backfilled", async () => {
      const name = uniqueName();
      const v1 = await openDB(name, 1, {
        upgrade(db) {
          const store = db.createObjectStore("customers", { keyPath: "id" });
          store.createIndex("byTier", ["tier", "id"]);
          store.createIndex("byBranch", ["branchId", "id"]);
          store.createIndex("byRelationshipManager", ["relationshipManagerId", "id"]);
          store.createIndex("byStatus", ["status", "id"]);
          store.createIndex("byName", "name");
        },
      });
      await v1.put("customers", customers[0]);
      v1.close();
      // Opened with encryption (the default): the clear record is re-stored sealed, and found by its blind index.
      const store = await createIndexedDbStore({ name });
      expect(await store.getCustomer(customers[0]!.id)).toEqual(customers[0]);
      const key = customers[0]!.kind === "individual" ? customers[0]!.idDocument.number : customers[0]!.uscc;
      expect((await store.findCustomerByNaturalKey(key))?.id).toBe(customers[0]!.id);
      store.close();
      const raw = await openDB(name);
      const stored = (await raw.get("customers", customers[0]!.id)) as Record<string, unknown>;
      raw.close();
      expect(stored.sealed).toBeDefined();
      expect(JSON.stringify(stored)).not.toContain(key);
      await (await createIndexedDbStore({ name })).destroy();
    });

    it("purges customers not opened within the retention period, with all their records", async () => {
      const name = uniqueName();
      const { customers: book, holdings, transactions } = generateDemoPortfolio({ seed: "retention", customers: 6 });
      let clock = Date.parse("2026-11-01T00:00:00Z");
      const open = () => createIndexedDbStore({ name, retentionDays: 30, now: () => clock });
      let store = await open();
      await store.put("customers", book);
      await store.put("holdings", holdings);
      await store.put("transactions", transactions);
      clock += 20 * 86_400_000;
      await store.getCustomer(book[1]!.id); // opened on day 20
      store.close();
      clock += 15 * 86_400_000; // day 35: the others were last touched on day 0
      store = await open();
      expect((await store.listCustomers({ limit: 100 })).items.map((c) => c.id)).toEqual([book[1]!.id]);
      for (const c of [book[0]!, book[1]!]) {
        const kept = c.id === book[1]!.id;
        expect((await store.holdings(c.id)).length > 0, c.id).toBe(kept);
        expect((await store.timeline(c.id, { limit: 5 })).items.length > 0, c.id).toBe(kept);
      }
      expect(holdings.some((h) => h.customerId === book[1]!.id)).toBe(true);
      clock += 31 * 86_400_000;
      expect(await store.purgeStale(30)).toBe(1);
      expect(await store.count()).toBe(0);
      await store.destroy();
    });

    it("migrates a version-5 database: cases and leads come to the timeline by their latest activity", async () => {
      const name = uniqueName();
      // Version 5's schema, as that code created it.
      const v5 = await openDB(name, 5, {
        upgrade(db) {
          const c = db.createObjectStore("customers", { keyPath: "id" });
          for (const [index, path] of [
            ["byTier", ["tier", "id"]],
            ["byBranch", ["branchId", "id"]],
            ["byRelationshipManager", ["relationshipManagerId", "id"]],
            ["byStatus", ["status", "id"]],
          ] as const)
            c.createIndex(index, [...path]);
          c.createIndex("byNaturalKey", "naturalKey");
          db.createObjectStore("holdings", { keyPath: "id" }).createIndex("byCustomer", "customerId");
          for (const [store, time] of [
            ["transactions", "at"],
            ["interactions", "at"],
            ["serviceCases", "openedAt"],
            ["campaignResponses", "at"],
          ] as const)
            db.createObjectStore(store, { keyPath: "id" }).createIndex("byCustomerTime", ["customerId", time]);
          const leads = db.createObjectStore("leads", { keyPath: "id" });
          leads.createIndex("byCustomer", "customerId");
          leads.createIndex("byCreated", "createdAt");
          db.createObjectStore("keys", { keyPath: "name" });
          db.createObjectStore("opportunities", { keyPath: "id" }).createIndex("byCustomer", "customerId");
          db.createObjectStore("campaigns", { keyPath: "id" });
          db.createObjectStore("tasks", { keyPath: "id" }).createIndex("byCustomer", "customerId");
          db.createObjectStore("relationshipGroups", { keyPath: "id" });
        },
      });
      const p = generateDemoPortfolio({ seed: "migrate-v5", customers: 200, months: 1 });
      const customerId = p.serviceCases[0]!.customerId;
      const resolvedToday = {
        ...p.serviceCases[0]!,
        status: "resolved" as const,
        openedAt: "2025-01-01T00:00:00Z",
        resolvedAt: "2026-11-30T00:00:00Z",
        updatedAt: "2026-11-30T00:00:00Z",
      };
      delete (resolvedToday as { satisfaction?: number }).satisfaction;
      const oldLead = { ...p.leads[0]!, customerId, createdAt: "2024-05-01T00:00:00Z" };
      await v5.put("serviceCases", resolvedToday);
      await v5.put("leads", oldLead);
      v5.close();
      const store = await createIndexedDbStore({ name });
      const page = await store.timeline(customerId, { limit: 1000 });
      expect(page.items[0]).toMatchObject({ kind: "case", id: resolvedToday.id, at: "2026-11-30T00:00:00Z" });
      expect(page.items[0]!.record).toEqual(resolvedToday); // the index field is not part of the record
      expect(page.items.at(-1)).toMatchObject({ kind: "lead", id: oldLead.id, at: "2024-05-01T00:00:00Z" });
      expect(await store.records("customerChanges", { customerId })).toEqual({ items: [] });
      await store.destroy();
    });

    it("survives reopening, and destroy deletes the database", async () => {
      const name = uniqueName();
      const first = await createIndexedDbStore({ name });
      await first.importCustomers(customers.slice(0, 5));
      first.close();
      const second = await createIndexedDbStore({ name });
      expect(await second.count()).toBe(5);
      await second.destroy();
      const third = await createIndexedDbStore({ name });
      expect(await third.count()).toBe(0);
      await third.destroy();
    });
  });
}
