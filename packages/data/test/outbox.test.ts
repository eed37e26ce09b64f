/** The outbox over fake-indexeddb, against the reference server over real HTTP. */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { type Lead } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import {
  BankcrmConflictError,
  BankcrmNetworkError,
  BankcrmRequestError,
  createCrmClient,
  createHttpStore,
  createOutbox,
  httpSender,
  type OutboxStatus,
} from "../src/index.js";
import { sendLeadsWithReload } from "./support/fill.js";
import { startFaultProxy } from "./support/fault-proxy.js";
import { useReferenceServer } from "./support/reference-server.js";

const server = useReferenceServer();

const p = generateDemoPortfolio({ seed: "outbox-test", customers: 400, months: 1 });
const template = p.leads[0]!;
// Prospects (no customer): the server takes leads of people who are not customers yet from anyone who may write.
const { customerId: _customer, ...prospect } = template;
const leadNo = (n: number, prefix: string): Lead => ({
  ...prospect,
  id: `LD-${prefix}-${String(n).padStart(5, "0")}`,
  status: "new",
});
const rm = { id: "ST-RM", role: "relationship_manager" as const };
let dbCounter = 0;
const serverLeads = async (prefix: string) =>
  (
    await server().db.query<{ id: string }>("SELECT id FROM records WHERE collection = 'leads' AND id LIKE $1", [
      `LD-${prefix}-%`,
    ])
  ).rows.map((r) => r.id);

describe("the outbox", () => {
  it("once started, retries a waiting entry when it is due, and at once when the connection is back", async () => {
    let up = false;
    const sent: string[] = [];
    const send = (entry: { body: unknown }) => {
      if (!up) return Promise.reject(new BankcrmNetworkError("offline"));
      sent.push((entry.body as Lead).id);
      return Promise.resolve();
    };
    const target = new EventTarget();
    const outbox = await createOutbox({
      name: `outbox-timer-${dbCounter++}`,
      send,
      backoff: { baseMs: 200, maxMs: 200 },
    });
    const stop = outbox.start(target, { visibilityState: "visible" });
    await outbox.enqueue("createLead", leadNo(1, "TIMER"));
    await outbox.flush(); // fails: offline, now waits ~100–200 ms
    expect((await outbox.status()).pending).toBe(1);
    up = true;
    await expect.poll(async () => (await outbox.status()).pending, { timeout: 3000, interval: 20 }).toBe(0);
    expect(sent).toEqual(["LD-TIMER-00001"]); // sent by the timer, no event needed

    up = false;
    const slow = await createOutbox({
      name: `outbox-online-${dbCounter++}`,
      send,
      backoff: { baseMs: 60_000, maxMs: 60_000 },
    });
    const stopSlow = slow.start(target, { visibilityState: "visible" });
    await slow.enqueue("createLead", leadNo(2, "TIMER"));
    await slow.flush(); // waits a minute
    up = true;
    target.dispatchEvent(new Event("online"));
    await expect.poll(async () => (await slow.status()).pending, { timeout: 3000, interval: 20 }).toBe(0);
    expect(sent).toEqual(["LD-TIMER-00001", "LD-TIMER-00002"]);
    stop();
    stopSlow();
    outbox.close();
    slow.close();
  });

  it("keeps a lead captured offline, across a reload, and sends it exactly once when back online", async () => {
    const name = `outbox-${dbCounter++}`;
    let online = false;
    const http = createHttpStore({ baseUrl: server().url, getToken: () => server().token, retries: 0 });
    const send = httpSender(http);
    const gated = (entry: Parameters<typeof send>[0]) =>
      online ? send(entry) : Promise.reject(new BankcrmNetworkError("offline"));
    const first = await createOutbox({ name, send: gated, backoff: { baseMs: 1, maxMs: 5 } });
    const client = createCrmClient({ store: http, user: rm, onAudit: () => {}, outbox: first });
    const statuses: OutboxStatus[] = [];
    first.subscribe((s) => statuses.push(s));
    const result = await client.leads.create(leadNo(1, "OFFLINE"));
    expect(result.status).toBe("queued");
    expect(await first.status()).toMatchObject({ pending: 1, failed: 0, conflicts: 0, lastError: "offline" });
    first.close();
    // "Reload": a new outbox over the same IndexedDB finds the lead, sends it when online.
    online = true;
    const second = await createOutbox({ name, send: gated, backoff: { baseMs: 1, maxMs: 5 } });
    await new Promise((r) => setTimeout(r, 10));
    expect(await second.flush()).toHaveLength(1);
    expect(await second.status()).toEqual({ pending: 0, failed: 0, conflicts: 0 });
    expect(await serverLeads("OFFLINE")).toEqual(["LD-OFFLINE-00001"]);
    expect(statuses.at(-1)).toMatchObject({ pending: 1 });
    second.close();
  });

  it("keeps order, retries 409 later, and leaves refusals and conflicts visible — never dropped", async () => {
    const outcomes = new Map<string, () => Promise<unknown>>();
    const sent: string[] = [];
    const outbox = await createOutbox({
      name: `outbox-${dbCounter++}`,
      send: (entry) => {
        const id = (entry.body as Lead).id;
        sent.push(id);
        return (outcomes.get(id) ?? (() => Promise.resolve()))();
      },
      backoff: { baseMs: 60_000, maxMs: 60_000 },
    });
    outcomes.set("A", () =>
      Promise.reject(new BankcrmRequestError(422, { title: "Unprocessable record", detail: "mobile is invalid" })),
    );
    outcomes.set("B", () => Promise.reject(new BankcrmConflictError({ id: "B", on: "server" }, '"etag"')));
    outcomes.set("C", () => Promise.reject(new BankcrmRequestError(409, { title: "Busy" })));
    for (const id of ["A", "B", "C", "D"]) await outbox.enqueue("createLead", { id });
    await outbox.flush();
    expect(sent).toEqual(["A", "B", "C"]); // D waits behind C's backoff
    const entries = await outbox.entries();
    expect(entries.map((e) => [(e.body as Lead).id, e.state])).toEqual([
      ["A", "failed"],
      ["B", "conflict"],
      ["C", "pending"],
      ["D", "pending"],
    ]);
    expect(entries[0]!.lastError).toEqual({ message: "mobile is invalid", status: 422 });
    expect(entries[1]!.server).toEqual({ id: "B", on: "server" });
    expect(entries[2]!.nextAttemptAt).toBeGreaterThan(Date.now() + 29_000);
    expect(await outbox.status()).toMatchObject({ pending: 2, failed: 1, conflicts: 1 });
    // A person fixes A; only a discard removes an entry unsent.
    outcomes.delete("A");
    const keyBefore = entries[0]!.idempotencyKey;
    await outbox.retry(entries[0]!.seq, { id: "A", fixed: true });
    expect((await outbox.entries())[0]!.idempotencyKey).not.toBe(keyBefore);
    await outbox.discard(entries[1]!.seq);
    expect(await outbox.status()).toMatchObject({ pending: 3, failed: 0, conflicts: 0 });
    outbox.close();
  });

  it("delivers 500 leads exactly once through a proxy that drops, fails, delays and loses responses, with a reload midway", async () => {
    const proxy = await startFaultProxy(server().url, "reliability");
    const name = `outbox-${dbCounter++}`;
    const http = createHttpStore({ baseUrl: proxy.url, getToken: () => server().token, timeout: 2000 });
    const open = async () => {
      const outbox = await createOutbox({ name, send: httpSender(http), backoff: { baseMs: 1, maxMs: 20 } });
      return { outbox, client: createCrmClient({ store: http, user: rm, onAudit: () => {}, outbox }) };
    };
    const outbox = await sendLeadsWithReload(open, 500, (n) => leadNo(n, "REL"));
    expect(await outbox.status()).toEqual({ pending: 0, failed: 0, conflicts: 0 });
    outbox.close();
    await proxy.close();
    const ids = await serverLeads("REL");
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
    // The proxy really did misbehave, in every way.
    for (const [fault, count] of Object.entries(proxy.counts)) expect(count, fault).toBeGreaterThan(10);
  }, 180_000);
});

describe("logout with an outbox", () => {
  it("refuses while writes wait, then deletes the store's and the outbox's databases", async () => {
    const name = `outbox-logout-${dbCounter++}`;
    const outbox = await createOutbox({
      name,
      send: () => Promise.reject(new BankcrmNetworkError("offline")),
      backoff: { baseMs: 1, maxMs: 5 },
    });
    const client = createCrmClient({
      store: createHttpStore({ baseUrl: server().url, getToken: () => server().token }),
      user: rm,
      onAudit: () => {},
      outbox,
    });
    expect((await client.leads.create(leadNo(1, "LOGOUT"))).status).toBe("queued");
    await expect(client.logout()).rejects.toThrow(/have not reached the server/);
    await client.logout({ discardPending: true });
    const databases = await indexedDB.databases();
    expect(databases.map((d) => d.name)).not.toContain(`${name}-outbox`);
  });
});
