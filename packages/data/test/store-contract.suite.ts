/**
 * What every CrmStore must do, run against each store: memory (Node), IndexedDB
 * on fake-indexeddb (Node) and IndexedDB in real Chromium.
 */
import { describe, expect, it } from "vitest";
import {
  isBankcrmError,
  mask,
  maskRecord,
  CustomerSchema,
  TIMELINE_COLLECTIONS,
  type Customer,
  type Lead,
} from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { KNOWLEDGE_SEARCH_FIELDS } from "@bankcrm/core/schemas";
import { searchRecords } from "@bankcrm/core/text";
import { isConflictError } from "../src/index.js";
import type { CrmStore } from "../src/index.js";
import { CUSTOMER_COLLECTIONS, fill } from "./support/fill.js";

const p = generateDemoPortfolio({ seed: "contract", customers: 250, months: 4 });

const filled = async (make: () => Promise<CrmStore>): Promise<CrmStore> =>
  fill(await make(), p, [...CUSTOMER_COLLECTIONS, "leads"]);

export function storeContractSuite(label: string, make: () => Promise<CrmStore>): void {
  describe(`CrmStore contract (${label})`, () => {
    it("gets customers by id and by natural key", async () => {
      const store = await filled(make);
      const c = p.customers[17]!;
      // A store of a masking server returns the record as the server shows it: identifiers masked.
      expect(await store.getCustomer(c.id)).toEqual(
        store.maskedRecords ? maskRecord(CustomerSchema, c, { keepValues: true }) : c,
      );
      const key = c.kind === "individual" ? c.idDocument.number : c.uscc;
      expect((await store.findCustomerByNaturalKey(key))?.id).toBe(c.id);
      expect(await store.getCustomer("nobody")).toBeUndefined();
      await store.destroy();
    });

    it("lists with combined filters and search, in id order, page by page", async () => {
      const store = await filled(make);
      const branch = p.customers[0]!.branchId;
      const expected = p.customers
        .filter((c) => c.branchId === branch && c.tier === "standard")
        .map((c) => c.id)
        .sort();
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await store.listCustomers({
          branchId: branch,
          tier: "standard",
          limit: 9,
          ...(after ? { after } : {}),
        });
        seen.push(...page.items.map((c) => c.id));
        after = page.next;
      } while (after);
      expect(seen).toEqual(expected);
      const withMobile = p.customers.find(
        (c): c is Customer & { contact: { mobile: string } } => c.contact.mobile !== undefined,
      )!;
      const found = await store.listCustomers({ search: mask(withMobile.contact.mobile, "mobile"), limit: 100 });
      expect(found.items.map((c) => c.id)).toContain(withMobile.id);
      await store.destroy();
    });

    it("returns a customer's holdings and a complete timeline, newest first, without repeats across pages", async () => {
      const store = await filled(make);
      const id = p.interactions[0]!.customerId;
      expect((await store.holdings(id)).map((h) => h.id).sort()).toEqual(
        p.holdings
          .filter((h) => h.customerId === id)
          .map((h) => h.id)
          .sort(),
      );
      const entries = [];
      let after: string | undefined;
      do {
        const page = await store.timeline(id, { limit: 5, ...(after ? { after } : {}) });
        entries.push(...page.items);
        after = page.next;
      } while (after);
      // Every collection core's table puts on the timeline (leads among those filled here).
      const expected = Object.values(TIMELINE_COLLECTIONS)
        .flatMap((c) => (p[c] as { id: string; customerId?: string }[]).filter((x) => x.customerId === id))
        .map((x) => x.id)
        .sort();
      expect(entries.map((e) => e.id).sort()).toEqual(expected);
      for (let i = 1; i < entries.length; i++) expect(entries[i - 1]!.at >= entries[i]!.at).toBe(true);
      await store.destroy();
    });

    it("pages leads newest first and replaces records by id", async () => {
      const store = await filled(make);
      const all = [];
      let after: string | undefined;
      do {
        const page = await store.records("leads", { limit: 4, ...(after ? { after } : {}) });
        all.push(...page.items);
        after = page.next;
      } while (after);
      expect(all).toHaveLength(p.leads.length);
      for (let i = 1; i < all.length; i++) expect(all[i - 1]!.createdAt >= all[i]!.createdAt).toBe(true);
      const changed = { ...p.customers[3]!, loyaltyPoints: 7 };
      await store.put("customers", [changed]);
      expect((await store.getCustomer(changed.id))?.loyaltyPoints).toBe(7);
      expect((await store.listCustomers({ limit: 1000 })).items).toHaveLength(p.customers.length);
      await store.destroy();
    });
  });
}

export function conditionalWriteSuite(label: string, make: () => Promise<CrmStore>): void {
  describe(`CrmStore conditional writes (${label})`, () => {
    it("creates once, replaces only the expected version, and a stale write is a conflict carrying the stored record", async () => {
      const store = await make();
      const lead: Lead = { ...p.leads[0]!, id: `LD-COND-${label.replace(/\W/g, "")}`, status: "new", version: 1 };
      await store.write("leads", lead, { expectedVersion: null });
      const again = await store.write("leads", lead, { expectedVersion: null }).catch((e: unknown) => e);
      expect(isConflictError(again)).toBe(true);
      expect(isBankcrmError(again, "conflict")).toBe(true);
      const v2: Lead = { ...lead, notes: "second", version: 2 };
      await store.write("leads", v2, { expectedVersion: 1 });
      const stale = await store
        .write("leads", { ...lead, notes: "stale", version: 2 }, { expectedVersion: 1 })
        .catch((e: unknown) => e);
      expect(isConflictError(stale)).toBe(true);
      if (isConflictError(stale)) {
        expect(stale.current).toMatchObject({ id: lead.id, notes: "second", version: 2 });
        expect(stale.etag).toBe('"v2"');
      }
      expect(await store.record("leads", lead.id)).toMatchObject({ notes: "second", version: 2 });
      const missing = await store
        .write("leads", { ...lead, id: "LD-NOWHERE", version: 2 }, { expectedVersion: 1 })
        .catch((e: unknown) => e);
      expect(isConflictError(missing)).toBe(true);
      expect(await store.record("leads", "LD-NOWHERE")).toBeUndefined();
      await store.destroy();
    });
  });
}

export function genericCollectionsSuite(label: string, make: () => Promise<CrmStore>): void {
  describe(`CrmStore generic collections (${label})`, () => {
    it("gets and pages every collection, and filters by customer — group members included", async () => {
      const store = await make();
      await store.put("opportunities", p.opportunities);
      await store.put("campaigns", p.campaigns);
      await store.put("tasks", p.tasks);
      await store.put("relationshipGroups", p.relationshipGroups);
      await store.put("serviceCases", p.serviceCases);
      const o = p.opportunities[0]!;
      expect(await store.record("opportunities", o.id)).toEqual(o);
      expect(await store.record("campaigns", "nope")).toBeUndefined();
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await store.records("campaigns", { limit: 4, ...(after ? { after } : {}) });
        seen.push(...page.items.map((c) => c.id));
        after = page.next;
      } while (after);
      expect(seen).toEqual(p.campaigns.map((c) => c.id).sort());
      const group = p.relationshipGroups[0]!;
      const member = group.members[1]!.customerId;
      expect((await store.records("relationshipGroups", { customerId: member })).items.map((g) => g.id)).toContain(
        group.id,
      );
      const caseOwner = p.serviceCases[0]!.customerId;
      expect(
        (await store.records("serviceCases", { customerId: caseOwner, limit: 100 })).items.map((c) => c.id).sort(),
      ).toEqual(
        p.serviceCases
          .filter((c) => c.customerId === caseOwner)
          .map((c) => c.id)
          .sort(),
      );
      expect((await store.records("tasks", { customerId: p.tasks[0]!.customerId! })).items.map((t) => t.id)).toContain(
        p.tasks[0]!.id,
      );
      await store.destroy();
    });
    it("searches the knowledge base with core's meaning: the same articles for every query, best first", async () => {
      const store = await make();
      await store.put("knowledgeArticles", p.knowledgeArticles);
      const queries = ["提前还款", "还款", "贷", "理财 风险", "mortgage", "MORTG early", "lpr", "信用卡 分期"];
      const hostile = ["不存在的词", "，。", "'; DROP TABLE records; --", "a:* | !b", "<script>"];
      for (const q of [...queries, ...hostile]) {
        const found = (await store.records("knowledgeArticles", { search: q, limit: 50 })).items;
        const expected = searchRecords(p.knowledgeArticles, KNOWLEDGE_SEARCH_FIELDS, q);
        // The same articles in the same order: a title's hit above a tag's above a body's, ties by id.
        expect(
          found.map((a) => a.id),
          q,
        ).toEqual(expected.map((a) => a.id));
        if (queries.includes(q)) expect(found.length, q).toBeGreaterThan(0);
      }
      expect((await store.records("knowledgeArticles", { search: "还款", limit: 1 })).items).toHaveLength(1);
      await expect(store.records("campaigns", { search: "理财" })).rejects.toSatisfy(isBankcrmError);
      await store.destroy();
    });
  });
}
