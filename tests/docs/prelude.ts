/**
 * What the docs' samples take for granted — "an input", "the actor", "the
 * views" — made real from the demo bank, so each sample runs as written.
 * IndexedDB is fake-indexeddb here (the Chromium suites test the real one).
 */
import "fake-indexeddb/auto";
import { isDeepStrictEqual } from "node:util";
import { buildCustomerView, type Lead, type SegmentDefinition } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { createCrmClient, createMemoryStore } from "@bankcrm/data";

export function __expect(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected))
    throw new Error(`docs sample: ${what} gave ${JSON.stringify(actual)}, the docs say ${JSON.stringify(expected)}`);
}

const bank = generateDemoPortfolio({ seed: "docs", customers: 60, months: 3 });
const now = new Date("2026-11-30T12:00:00+08:00");

export function fixtures(): Record<string, unknown> {
  const views = bank.customers.map((c) =>
    buildCustomerView(c, {
      holdings: bank.holdings.filter((h) => h.customerId === c.id),
      transactions: bank.transactions.filter((t) => t.customerId === c.id),
      now,
    }),
  );
  const wealthProspects: SegmentDefinition = {
    schemaVersion: 1,
    id: "wealth-prospects",
    name: "理财潜客",
    version: 3,
    rule: { all: [{ field: "age", op: "between", value: [30, 55] }] },
  };
  const lead: Lead = { ...bank.leads[0]!, id: `LD-DOCS-${Date.now()}`, status: "new" };
  const statements: string[] = [];
  // A relationship manager's client over a memory store holding the demo bank's customers (the
  // memory store's put completes synchronously, so the store is filled when the sample starts).
  const store = createMemoryStore();
  void store.put("customers", bank.customers);
  const rm = createCrmClient({ store, user: { id: "ST-RM-01", role: "relationship_manager" }, onAudit: () => {} });
  return {
    store,
    rm,
    bank,
    input: bank.customers[0],
    customer: bank.customers[0],
    customerId: bank.customers[0]!.id,
    records: bank.customers.slice(0, 20),
    actor: { id: "ST-DOCS-RM", role: "relationship_manager" },
    user: { id: "ST-DOCS-RM", role: "relationship_manager" },
    audit: { record: async () => {} },
    auditLog: { record: async () => {} },
    onAudit: () => {},
    getToken: () => "docs-token",
    showErrors: () => {},
    showIndicator: () => {},
    log: () => {},
    now,
    views,
    view: views[0],
    definition: wealthProspects,
    wealthProspects,
    lead,
    recordFromCoreBanking: bank.customers[0],
    taskId: bank.tasks[0]?.id ?? "TK-NONE",
    refresh: () => {},
    showProgress: () => {},
    pagesFromIndexedDb: function* () {
      for (let i = 0; i < views.length; i += 20) yield views.slice(i, i + 20);
    },
    // The bank's database connection in the SQL sample (the SQL itself runs on PGlite in the core's tests).
    client: {
      statements,
      query: (text: string, values: unknown[]) => {
        if (!text.startsWith("SELECT") || !Array.isArray(values)) throw new Error("not a parameterised SELECT");
        statements.push(text);
        return Promise.resolve({ rows: [] });
      },
    },
  };
}
