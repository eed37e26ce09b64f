/**
 * Following the reference server's change feed into a cached store and a
 * client: a write made elsewhere is kept in the cache and announced to the
 * client's listeners; a customer moved out of the user's book is forgotten
 * with their records; a follower started again from its cursor gets only what
 * it had not; one whose cursor the feed no longer keeps reads again and
 * follows on from the head.
 */
import "fake-indexeddb/auto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoPortfolio, generateStaff } from "@bankcrm/core/demo";
import {
  createCachedStore,
  createCrmClient,
  createHttpStore,
  createIndexedDbStore,
  followChanges,
  type ChangeEvent,
  type ChangeFollower,
  type FeedStatus,
} from "../src/index.js";
import { newLead } from "./support/leads.js";
import { ADMIN, startReferenceServer, type RunningServer } from "./support/reference-server.js";

vi.setConfig({ testTimeout: 60_000 });

const p = generateDemoPortfolio({ seed: "bankcrm", customers: 40, months: 2 });
const staff = generateStaff("bankcrm").all;
/** The relationship manager with the biggest book of the forty. */
const counts = new Map<string, number>();
for (const c of p.customers)
  if (c.relationshipManagerId) counts.set(c.relationshipManagerId, (counts.get(c.relationshipManagerId) ?? 0) + 1);
const rmId = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
const book = p.customers.filter((c) => c.relationshipManagerId === rmId);
const rm = { id: rmId, role: "relationship_manager" as const, branchId: book[0]!.branchId };
const colleague = staff.find((s) => s.role === "relationship_manager" && s.branchId === rm.branchId && s.id !== rm.id)!;

let server: RunningServer;
const followers: ChangeFollower[] = [];
beforeAll(async () => {
  server = await startReferenceServer();
  for (const collection of ["customers", "holdings"] as const) await server.db.putMany(collection, p[collection]);
}, 60_000);
afterAll(async () => {
  for (const f of followers) f.stop();
  await server?.close();
});

async function post(path: string, body: unknown, token = server.token) {
  const r = await fetch(new URL(path, server.url), {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      "Idempotency-Key": crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
  expect(r.status, await r.text()).toBeLessThan(300);
}

/** The relationship manager's device: a cached store over the server, a client, and a follower feeding both. */
async function device(name: string, after: number | "head" = 0) {
  const getToken = () => server.tokenFor(rm);
  const cache = await createIndexedDbStore({ name, encryption: false });
  const store = createCachedStore({ remote: createHttpStore({ baseUrl: server.url, getToken }), cache });
  const client = createCrmClient({ store, user: rm, onAudit: () => {} });
  const heard: ChangeEvent[] = [];
  client.on("change", (e) => heard.push(e));
  const gone: number[] = [];
  const statuses: FeedStatus[] = [];
  const follower = followChanges({
    baseUrl: server.url,
    getToken,
    after,
    apply: async (change) => {
      await store.applyChange(change);
      client.announce({
        collection: change.collection,
        ids: [change.id],
        action: change.change === "leave" ? "removed" : "updated",
      });
    },
    onGone: (head) => {
      gone.push(head);
    },
    onStatus: (status) => statuses.push(status),
  });
  followers.push(follower);
  return { cache, store, client, heard, follower, gone, statuses };
}

describe("following the change feed", () => {
  it("keeps a write made elsewhere in the cache and announces it; forgets a customer who left the book", async () => {
    const d = await device("follow-1");
    const customer = book[0]!;
    // The customer and their holdings are on the device, read while online.
    await d.store.getCustomer(customer.id);
    const holdings = await d.store.holdings(customer.id);
    expect(holdings.length).toBeGreaterThan(0);

    // A lead for the customer, written on another device (head office).
    await post("leads", { ...newLead("LD-FOLLOW-1", customer.id), assignedTo: rm.id });
    await vi.waitFor(() => expect(d.heard.map((e) => e.ids[0])).toContain("LD-FOLLOW-1"), { timeout: 5000 });
    expect(d.heard.find((e) => e.ids[0] === "LD-FOLLOW-1")).toMatchObject({ collection: "leads", origin: "remote" });
    expect((await d.cache.record("leads", "LD-FOLLOW-1"))?.customerId).toBe(customer.id);

    // The customer moves to a colleague's book: gone from the device, with their holdings.
    const stored = (await server.db.get("customers", customer.id))!.body;
    const moved = await fetch(new URL(`customers/${customer.id}`, server.url), {
      method: "PUT",
      headers: { Authorization: `Bearer ${server.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ ...stored, relationshipManagerId: colleague.id }),
    });
    expect(moved.status).toBe(200);
    await vi.waitFor(() => expect(d.heard.some((e) => e.action === "removed" && e.ids[0] === customer.id)).toBe(true), {
      timeout: 5000,
    });
    expect(await d.cache.getCustomer(customer.id)).toBeUndefined();
    expect(await d.cache.holdings(customer.id)).toEqual([]);
    d.follower.stop();
    d.client.logout({ discardPending: true }).catch(() => undefined);
  });

  it("starts again from its cursor with only what it had not, and reads again when the cursor is gone", async () => {
    const first = await device("follow-2");
    await post("leads", { ...newLead("LD-FOLLOW-2", book[1]!.id), assignedTo: rm.id });
    await vi.waitFor(() => expect(first.heard.map((e) => e.ids[0])).toContain("LD-FOLLOW-2"), { timeout: 5000 });
    const cursor = first.follower.cursor;
    first.follower.stop();

    // Written while the device was closed; the next follower, from the cursor, hears that one alone.
    await post("leads", { ...newLead("LD-FOLLOW-3", book[1]!.id), assignedTo: rm.id });
    const again = await device("follow-2", cursor);
    await vi.waitFor(() => expect(again.heard.map((e) => e.ids[0])).toContain("LD-FOLLOW-3"), { timeout: 5000 });
    expect(again.heard.map((e) => e.ids[0])).not.toContain("LD-FOLLOW-2");
    again.follower.stop();

    // The feed forgets what it held: a follower from the old cursor is told so, with the head, and follows on.
    await server.db.changes.publish();
    const floor = await server.db.changes.prune(new Date(Date.now() + 60_000));
    const late = await device("follow-3", cursor);
    await vi.waitFor(() => expect(late.gone).toEqual([floor]), { timeout: 5000 });
    await post("leads", { ...newLead("LD-FOLLOW-4", book[1]!.id), assignedTo: rm.id }, await server.tokenFor(ADMIN));
    await vi.waitFor(() => expect(late.heard.map((e) => e.ids[0])).toEqual(["LD-FOLLOW-4"]), { timeout: 5000 });
    expect(late.follower.cursor).toBeGreaterThan(floor);
    late.follower.stop();
  });

  it("from the head, hears only what is published after it started", async () => {
    await post("leads", { ...newLead("LD-FOLLOW-5", book[1]!.id), assignedTo: rm.id });
    await server.db.changes.publish();
    const fresh = await device("follow-4", "head");
    await vi.waitFor(() => expect(fresh.statuses).toContain("live"), { timeout: 5000 });
    expect(fresh.follower.cursor).toBe((await server.db.changes.bounds()).head);
    await post("leads", { ...newLead("LD-FOLLOW-6", book[1]!.id), assignedTo: rm.id });
    await vi.waitFor(() => expect(fresh.heard.map((e) => e.ids[0])).toEqual(["LD-FOLLOW-6"]), { timeout: 5000 });
    fresh.follower.stop();
  });
});
