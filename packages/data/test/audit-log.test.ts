/**
 * The device's audit trail in the IndexedDB store (embedded mode): every reveal the client reports, complete and in
 * order, sealed at rest, kept across a reopen, and hash-chained — an entry changed or removed shows on `verify()`.
 */
import "fake-indexeddb/auto";
import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { createCrmClient, createIndexedDbStore } from "../src/index.js";

const p = generateDemoPortfolio({ seed: "audit-log", customers: 30, months: 1 });
const customer = p.customers.find((c) => c.kind === "individual")!;
const manager = { id: "ST-AUDIT-BM", role: "branch_manager" as const, branchId: customer.branchId };

describe("the device's audit trail", () => {
  it("keeps every reveal, in order and complete, sealed, across a reopen; a changed or removed entry shows", async () => {
    const name = `audit-${Date.now()}`;
    const store = await createIndexedDbStore({ name });
    await store.put("customers", p.customers);
    const client = createCrmClient({ store, user: manager, onAudit: (e) => void store.audit.append(e) });
    for (let i = 0; i < 25; i++) await client.customers.reveal(customer.id, "contact.mobile", `call back ${i}`);
    await expect.poll(async () => (await store.audit.entries()).length).toBe(25);

    const entries = await store.audit.entries();
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(entries.map((e) => e.event.reason)).toEqual(Array.from({ length: 25 }, (_, i) => `call back ${i}`));
    expect(entries.every((e) => e.event.customerId === customer.id && e.event.actorId === manager.id)).toBe(true);
    expect((await store.audit.entries({ after: 20, limit: 3 })).map((e) => e.seq)).toEqual([21, 22, 23]);
    expect(await store.audit.verify()).toEqual({ ok: true, rows: 25 });
    store.close();

    // On disk: sealed — no reason nor customer number in the clear.
    const raw = await openDB(name);
    const stored = await raw.getAll("audit");
    expect(JSON.stringify(stored)).not.toContain("call back");
    expect(JSON.stringify(stored)).not.toContain(customer.id);
    raw.close();

    // Reopened: all of it still there.
    const again = await createIndexedDbStore({ name });
    expect((await again.audit.entries()).length).toBe(25);
    again.close();

    // An entry removed from the middle, then one changed: the chain breaks there.
    const tamper = await openDB(name);
    await tamper.delete("audit", 10);
    tamper.close();
    const removed = await createIndexedDbStore({ name });
    expect(await removed.audit.verify()).toEqual({ ok: false, rows: 9, firstBroken: 11 });
    removed.close();
    const edit = await openDB(name);
    const eleventh = (await edit.get("audit", 11)) as { prevHash: string };
    await edit.put("audit", { ...eleventh, prevHash: (await edit.get("audit", 9)).hash, seq: 10 });
    await edit.delete("audit", 11);
    edit.close();
    const moved = await createIndexedDbStore({ name });
    expect((await moved.audit.verify()).ok).toBe(false);
    await moved.destroy();
  });
});
