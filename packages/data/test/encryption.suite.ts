/** Encryption at rest, run in Node (fake-indexeddb) and in Chromium. */
import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import { type Customer } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { createIndexedDbStore } from "../src/index.js";

export function encryptionSuite(label: string): void {
  describe(`encryption at rest (${label})`, () => {
    const p = generateDemoPortfolio({ seed: "sealed", customers: 40, months: 2 });

    it("stores no C2 value readable, keeps indexes working, and reads records back whole", async () => {
      const name = `sealed-${Date.now()}-${Math.random()}`;
      const store = await createIndexedDbStore({ name, encryption: true });
      await store.put("customers", p.customers);
      await store.put("holdings", p.holdings);
      await store.put("transactions", p.transactions);
      const individual = p.customers.find(
        (c): c is Extract<Customer, { kind: "individual" }> =>
          c.kind === "individual" && c.contact.mobile !== undefined,
      )!;
      expect(await store.getCustomer(individual.id)).toEqual(individual);
      expect((await store.findCustomerByNaturalKey(individual.idDocument.number))?.id).toBe(individual.id);
      expect((await store.listCustomers({ tier: individual.tier!, limit: 100 })).items.map((c) => c.id)).toContain(
        individual.id,
      );
      expect((await store.listCustomers({ search: individual.name, limit: 100 })).items.map((c) => c.id)).toContain(
        individual.id,
      );
      expect(await store.holdings(individual.id)).toEqual(
        p.holdings.filter((h) => h.customerId === individual.id).sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      const page = await store.timeline(individual.id, { limit: 5 });
      expect(page.items[0]?.record).toEqual(
        p.transactions.find((t) => t.id === page.items[0]?.id) ?? expect.anything(),
      );
      store.close();

      // What is on disk: readable C1 fields and index fields, sealed everything else.
      const raw = await openDB(name);
      const storedCustomer = (await raw.get("customers", individual.id)) as Record<string, unknown> & {
        sealed: { iv: Uint8Array };
      };
      const text = JSON.stringify(storedCustomer);
      for (const secret of [
        individual.name,
        individual.idDocument.number,
        individual.contact.mobile!,
        individual.birthDate,
      ])
        expect(text).not.toContain(secret);
      expect(storedCustomer.tier).toBe(individual.tier);
      expect(storedCustomer.naturalKey).toMatch(/^[0-9a-f]{64}$/);
      const holding = (await raw.getAll("holdings"))[0] as Record<string, unknown>;
      expect(holding).not.toHaveProperty("balance");
      expect(holding).not.toHaveProperty("accountNumber");
      const ivs = (await raw.getAll("customers")).map((c: { sealed: { iv: Uint8Array } }) =>
        Array.from(c.sealed.iv).join(),
      );
      expect(new Set(ivs).size).toBe(ivs.length);
      const { aes } = (await raw.get("keys", "default")) as { aes: CryptoKey };
      expect(aes.extractable).toBe(false);
      await expect(crypto.subtle.exportKey("raw", aes)).rejects.toThrow();
      raw.close();

      // Reopened, the same keys read the same records; destroy forgets them with the database.
      const again = await createIndexedDbStore({ name, encryption: true });
      expect(await again.getCustomer(individual.id)).toEqual(individual);
      await again.destroy();
    });
  });
}
