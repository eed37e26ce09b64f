/**
 * The outbox in real Chromium: real IndexedDB, Web Locks, and fetch across
 * origins to the reference server (CORS), through a fault-injecting proxy.
 */
import { describe, expect, inject, it } from "vitest";
import { type Lead } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { BankcrmNetworkError, createCrmClient, createHttpStore, createOutbox, httpSender } from "../src/index.js";
import { sendLeadsWithReload } from "./support/fill.js";

// A prospect's lead (no customer): the server takes it from any member of staff who may write.
const { customerId: _customer, ...template } = generateDemoPortfolio({
  seed: "outbox-browser",
  customers: 400,
  months: 1,
}).leads[0]!;
const rm = { id: "ST-RM", role: "relationship_manager" as const };
const lead = (n: number, prefix: string): Lead => ({
  ...template,
  id: `LD-${prefix}-${String(n).padStart(5, "0")}`,
  status: "new",
});

async function serverLeadIds(prefix: string): Promise<string[]> {
  const http = createHttpStore({
    baseUrl: inject("referenceServerUrl"),
    getToken: () => inject("referenceServerToken"),
  });
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await http.records("leads", { limit: 1000, ...(after ? { after } : {}) });
    ids.push(...page.items.map((l) => l.id).filter((id) => id.startsWith(`LD-${prefix}-`)));
    after = page.next;
  } while (after);
  return ids;
}

describe("the outbox in Chromium", () => {
  it("holds a lead while offline, across a reload, and sends it once online", async () => {
    const name = `browser-outbox-${Date.now()}`;
    let online = false;
    const http = createHttpStore({
      baseUrl: inject("referenceServerUrl"),
      getToken: () => inject("referenceServerToken"),
      retries: 0,
    });
    const send = httpSender(http);
    const gated = (entry: Parameters<typeof send>[0]) =>
      online ? send(entry) : Promise.reject(new BankcrmNetworkError("offline"));
    const first = await createOutbox({ name, send: gated, backoff: { baseMs: 1, maxMs: 5 } });
    const client = createCrmClient({ store: http, user: rm, onAudit: () => {}, outbox: first });
    expect((await client.leads.create(lead(1, "BROWSER-OFFLINE"))).status).toBe("queued");
    first.close();
    online = true;
    const second = await createOutbox({ name, send: gated, backoff: { baseMs: 1, maxMs: 5 } });
    const stop = second.start(); // flushes now, as a page does on load
    await expect.poll(async () => (await second.status()).pending, { timeout: 10_000 }).toBe(0);
    stop();
    second.close();
    expect(await serverLeadIds("BROWSER-OFFLINE")).toEqual(["LD-BROWSER-OFFLINE-00001"]);
  });

  // 120 here: the volume property (500 through the same proxy) is outbox.test.ts's, in Node; this one proves it
  // on real IndexedDB and Web Locks, across origins, where each lead costs ~60 ms of the suite's time.
  it("delivers 120 leads exactly once through the fault-injecting proxy, with a reload midway", async () => {
    const name = `browser-reliability-${Date.now()}`;
    const http = createHttpStore({
      baseUrl: inject("faultProxyUrl"),
      getToken: () => inject("referenceServerToken"),
      timeout: 3000,
    });
    const open = async () => {
      const outbox = await createOutbox({ name, send: httpSender(http), backoff: { baseMs: 1, maxMs: 20 } });
      return { outbox, client: createCrmClient({ store: http, user: rm, onAudit: () => {}, outbox }) };
    };
    const outbox = await sendLeadsWithReload(open, 120, (n) => lead(n, "BROWSER-REL"));
    expect(await outbox.status()).toEqual({ pending: 0, failed: 0, conflicts: 0 });
    outbox.close();
    const ids = await serverLeadIds("BROWSER-REL");
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
  }, 60_000);
});
