/**
 * Runs in headless Chromium: the IndexedDB store beside raw idb doing the same
 * work in the same page. Results go to `window.__bench`.
 */
import { openDB } from "idb";
import { type Interaction, type Transaction } from "@bankcrm/core";
import { generateDemoCustomers } from "@bankcrm/core/demo";
import { createIndexedDbStore } from "@bankcrm/data";

type Row = { name: string; ms: number };
const results: Row[] = [];
const median = async (runs: number, work: () => Promise<unknown>) => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
};

async function run(total: number) {
  const customers = generateDemoCustomers({ seed: "bench-idb", count: total });
  const rmId = customers.find((c) => c.relationshipManagerId)!.relationshipManagerId!;

  // Raw idb: the same records, the same indexes, one transaction.
  const raw = await openDB("bench-raw", 1, {
    upgrade(db) {
      const s = db.createObjectStore("customers", { keyPath: "id" });
      s.createIndex("byTier", ["tier", "id"]);
      s.createIndex("byBranch", ["branchId", "id"]);
      s.createIndex("byRelationshipManager", ["relationshipManagerId", "id"]);
      s.createIndex("byStatus", ["status", "id"]);
      s.createIndex("byName", "name");
      s.createIndex("byNaturalKey", "naturalKey");
      const t = db.createObjectStore("events", { keyPath: "id" });
      t.createIndex("byCustomerTime", ["customerId", "at"]);
    },
  });
  let t0 = performance.now();
  {
    const tx = raw.transaction("customers", "readwrite", { durability: "strict" });
    for (const c of customers)
      void tx.store.put({ ...c, naturalKey: c.kind === "individual" ? c.idDocument.number : c.uscc });
    await tx.done;
  }
  results.push({
    name: `raw idb: put ${total.toLocaleString("en")} customers (6 indexes)`,
    ms: performance.now() - t0,
  });

  const store = await createIndexedDbStore({ name: "bench-bankcrm" });
  t0 = performance.now();
  await store.importCustomers(customers);
  results.push({
    name: "bankcrm importCustomers, encrypted (the default)",
    ms: performance.now() - t0,
  });

  results.push({
    name: "raw idb: first 50 by tier",
    ms: await median(15, () =>
      raw.getAllFromIndex("customers", "byTier", IDBKeyRange.bound(["gold", ""], ["gold", "\uffff"]), 50),
    ),
  });
  results.push({
    name: "bankcrm listCustomers({ tier, limit: 50 }), encrypted",
    ms: await median(15, () => store.listCustomers({ tier: "gold", limit: 50 })),
  });
  results.push({
    name: "raw idb: first 50 by relationship manager",
    ms: await median(15, () =>
      raw.getAllFromIndex("customers", "byRelationshipManager", IDBKeyRange.bound([rmId, ""], [rmId, "\uffff"]), 50),
    ),
  });
  results.push({
    name: "bankcrm listCustomers({ relationshipManagerId, limit: 50 })",
    ms: await median(15, () => store.listCustomers({ relationshipManagerId: rmId, limit: 50 })),
  });

  // One customer with 10,000 events.
  const customerId = customers[0]!.id;
  const events: (Interaction | Transaction)[] = [];
  for (let i = 0; i < 10_000; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
    events.push(
      i % 2 === 0
        ? {
            id: `${customerId}-I${i}`,
            customerId,
            at,
            channel: "branch",
            type: "note",
            summary: "客户来访",
            confidential: false,
          }
        : {
            id: `${customerId}-T${i}`,
            customerId,
            holdingId: `${customerId}-H1`,
            at,
            amount: { amount: 1000 + i, currency: "CNY" },
            direction: "debit",
            channel: "mobile_app",
            category: "consumption",
          },
    );
  }
  await store.put(
    "interactions",
    events.filter((e): e is Interaction => "summary" in e),
  );
  await store.put(
    "transactions",
    events.filter((e): e is Transaction => "holdingId" in e),
  );
  {
    const tx = raw.transaction("events", "readwrite");
    for (const e of events) void tx.store.put(e);
    await tx.done;
  }
  results.push({
    name: "raw idb: newest 50 of 10,000 events (one store, cursor)",
    ms: await median(15, async () => {
      const out: unknown[] = [];
      let cursor = await raw
        .transaction("events")
        .store.index("byCustomerTime")
        .openCursor(IDBKeyRange.bound([customerId, ""], [customerId, "\uffff"]), "prev");
      while (cursor && out.length < 50) {
        out.push(cursor.value);
        cursor = await cursor.continue();
      }
      return out;
    }),
  });
  results.push({
    name: "bankcrm timeline(limit 50) — 4 collections merged",
    ms: await median(15, () => store.timeline(customerId, { limit: 50 })),
  });
  await store.destroy();

  // What encryption costs: the same load and first page in the clear (encryption: false).
  const plain = await createIndexedDbStore({ name: "bench-plain", encryption: false });
  t0 = performance.now();
  await plain.importCustomers(customers);
  results.push({ name: "bankcrm importCustomers, in the clear (encryption: false)", ms: performance.now() - t0 });
  results.push({
    name: "bankcrm listCustomers({ tier, limit: 50 }), in the clear",
    ms: await median(15, () => plain.listCustomers({ tier: "gold", limit: 50 })),
  });
  await plain.destroy();
  raw.close();
}

(window as unknown as { __bench: Promise<Row[]> }).__bench = run(
  Number(new URLSearchParams(location.search).get("n") ?? 100_000),
).then(() => results);
