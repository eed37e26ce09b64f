/** The cached store over the real reference server (HTTP) and a memory cache: online, offline, server gone. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isValidationError } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { createCachedStore, createHttpStore, createMemoryStore } from "../src/index.js";
import { fill } from "./support/fill.js";
import { startReferenceServer, type RunningServer } from "./support/reference-server.js";

vi.setConfig({ testTimeout: 60_000 });

let server: RunningServer;
const p = generateDemoPortfolio({ seed: "cached-store", customers: 30, months: 2 });
beforeAll(async () => {
  server = await startReferenceServer();
  await fill(createHttpStore({ baseUrl: server.url, getToken: () => server.token }), p);
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe("cached store", () => {
  it("reads from the server while online, keeps what it read, and answers from the cache offline", async () => {
    let online = true;
    const cache = createMemoryStore();
    const store = createCachedStore({
      remote: createHttpStore({ baseUrl: server.url, getToken: () => server.token }),
      cache,
      isOnline: () => online,
    });
    const customer = p.customers.find((c) => p.transactions.some((t) => t.customerId === c.id))!;
    expect((await store.getCustomer(customer.id))?.id).toBe(customer.id);
    expect(store.lastSource).toBe("remote");
    const holdings = await store.holdings(customer.id);
    const page = await store.timeline(customer.id, { limit: 20 });
    expect(page.items.length).toBeGreaterThan(0);
    const list = await store.listCustomers({ limit: 10 });

    online = false;
    expect((await store.getCustomer(customer.id))?.id).toBe(customer.id);
    expect(store.lastSource).toBe("cache");
    expect((await store.holdings(customer.id)).map((h) => h.id).sort()).toEqual(holdings.map((h) => h.id).sort());
    expect((await store.timeline(customer.id, { limit: 20 })).items.map((e) => e.id)).toEqual(
      page.items.map((e) => e.id),
    );
    expect((await store.listCustomers({ limit: 10 })).items.map((c) => c.id)).toEqual(list.items.map((c) => c.id));
    const unread = p.customers.find(
      (c, i) => i >= 10 && c.id !== customer.id && !list.items.some((l) => l.id === c.id),
    )!;
    expect(await store.getCustomer(unread.id)).toBeUndefined(); // never read online: not cached
  });

  it("falls back to the cache when the server cannot be reached, and writes only to the server", async () => {
    const cache = createMemoryStore();
    await cache.put("customers", [p.customers[0]!]);
    const store = createCachedStore({
      remote: createHttpStore({ baseUrl: "http://127.0.0.1:9/", getToken: () => "t", retries: 0, timeout: 500 }),
      cache,
      isOnline: () => true,
    });
    expect((await store.getCustomer(p.customers[0]!.id))?.id).toBe(p.customers[0]!.id);
    expect(store.lastSource).toBe("cache");
    await expect(store.put("customers", [p.customers[1]!])).rejects.toThrow();
    expect(await cache.getCustomer(p.customers[1]!.id)).toBeUndefined(); // not pretended saved
  });

  it("passes the server's refusals through instead of hiding them behind the cache", async () => {
    const store = createCachedStore({
      remote: createHttpStore({ baseUrl: server.url, getToken: () => server.token }),
      cache: createMemoryStore(),
      isOnline: () => true,
    });
    const bad = { ...p.customers[0]!, contact: { ...p.customers[0]!.contact, mobile: "123" } };
    const error = await store.put("customers", [bad]).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
  });

  it("reads from the server by default where the runtime's navigator has no onLine (Node 21+) and obeys it where it has", async () => {
    const store = createCachedStore({
      remote: createHttpStore({ baseUrl: server.url, getToken: () => server.token }),
      cache: createMemoryStore(),
    });
    try {
      vi.stubGlobal("navigator", { userAgent: "Node.js" });
      expect((await store.getCustomer(p.customers[0]!.id))?.id).toBe(p.customers[0]!.id);
      expect(store.lastSource).toBe("remote");
      vi.stubGlobal("navigator", { onLine: false });
      expect((await store.getCustomer(p.customers[0]!.id))?.id).toBe(p.customers[0]!.id);
      expect(store.lastSource).toBe("cache");
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
