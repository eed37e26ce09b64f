/**
 * The write path through the client, on every store: memory, IndexedDB
 * (fake-indexeddb, encrypted) and the reference server over real HTTP — and the
 * outbox delivering 500 mixed writes through a fault proxy with a reload
 * midway, ending exactly where applying each write once, in order, ends.
 */
import "fake-indexeddb/auto";
import { request as httpRequest } from "node:http";
import { describe, expect, it, vi } from "vitest";
import {
  availableTransitions,
  collectionSchemas,
  consentInForce,
  maskRecord,
  describeError,
  isAccessDeniedError,
  isTransitionError,
  isValidationError,
  type Actor,
  type CollectionName,
  type Lead,
} from "@bankcrm/core";
import { createRandom, generateDemoPortfolio } from "@bankcrm/core/demo";
import {
  createCachedStore,
  createCrmClient,
  createHttpStore,
  createIndexedDbStore,
  createMemoryStore,
  createOutbox,
  httpSender,
  isConflictError,
  type ChangeEvent,
  type CrmClient,
  type CrmStore,
} from "../src/index.js";
import { fill } from "./support/fill.js";
import { newLead as leadFixture } from "./support/leads.js";
import { startFaultProxy } from "./support/fault-proxy.js";
import { useReferenceServer } from "./support/reference-server.js";

vi.setConfig({ testTimeout: 60_000 });

const server = useReferenceServer();

const p = generateDemoPortfolio({ seed: "writes", customers: 120, months: 2 });
const customer = p.customers[5]!;
// The customer's own relationship manager: the server lets a relationship manager write only in their book.
const rm: Actor = { id: customer.relationshipManagerId!, role: "relationship_manager", branchId: customer.branchId };
const auditor: Actor = { id: "ST-AU-W", role: "auditor", branchId: "HQ" };
/** The customers in rm's book: the records the mixed-write plans touch. */
const book = p.customers.filter((c) => c.relationshipManagerId === rm.id);
/** A signed token for a client's user, as the server sees them. */
const tokenOf = (user: Actor) => server().tokenFor({ id: user.id, role: user.role, branchId: user.branchId ?? "HQ" });
/** The HTTP store as one user calls the server (the server stamps writes with, and scopes reads to, that user). */
const httpAs = (user: Actor, baseUrl = server().url, extra: { timeout?: number; retries?: number } = {}) =>
  createHttpStore({ baseUrl, getToken: () => tokenOf(user), ...extra });
/** A record as a masked read shows it: servers mask identifiers, so stores compare on this. */
const comparable = (collection: CollectionName, value: unknown) =>
  JSON.parse(JSON.stringify(maskRecord(collectionSchemas[collection], value, { keepValues: true }))) as Record<
    string,
    unknown
  >;
let dbn = 0;

/** A clock that moves a minute per reading, from a fixed start: the same writes give the same records everywhere. */
const clock = (start = Date.parse("2026-11-30T01:00:00Z")) => {
  let t = start;
  return () => new Date((t += 60_000));
};

const newLead = (id: string, customerId = customer.id): Lead => leadFixture(id, customerId);

/** Each store, and the same store as one user sees it (a local store is the user's own; the server's is per token). */
const STORES: [string, () => Promise<CrmStore>, (store: CrmStore, user: Actor) => CrmStore][] = [
  ["memory", () => Promise.resolve(createMemoryStore()), (store) => store],
  ["IndexedDB encrypted", () => createIndexedDbStore({ name: `writes-${dbn++}`, encryption: true }), (store) => store],
  [
    "reference server",
    () => Promise.resolve(createHttpStore({ baseUrl: server().url, getToken: () => server().token })),
    (_store, user) => httpAs(user),
  ],
];

for (const [label, make, as] of STORES) {
  describe(`writes through the client (${label})`, () => {
    const open = async (user: Actor = rm, store?: CrmStore) => {
      const s = as(store ?? (await fill(await make(), p, ["customers"])), user);
      const events: ChangeEvent[] = [];
      const client = createCrmClient({ store: s, user, onAudit: () => {}, now: clock() });
      client.on("change", (e) => events.push(e));
      return { store: s, client, events };
    };
    const uid = (name: string) => `${name}-${label.replace(/\W/g, "")}-${dbn++}`;

    it("logs a contact, works a lead to converted and an opportunity to won, resolves a case — each first in the timeline at once", async () => {
      const { client, events } = await open();
      const contact = await client.interactions.create({
        id: uid("IN"),
        customerId: customer.id,
        at: "2026-11-30T00:30:00Z",
        channel: "phone",
        type: "call",
        summary: "Discussed the mortgage rate",
        outcome: "follow_up",
        nextStep: "Send the rate sheet",
        confidential: false,
      });
      expect(contact.status).toBe("saved");
      expect(contact.record).toMatchObject({ version: 1, createdBy: rm.id, updatedBy: rm.id });
      let timeline = await client.timeline(customer.id, { limit: 3 });
      expect(timeline.items[0]).toMatchObject({ kind: "interaction", id: contact.record.id });

      const leadId = uid("LD");
      await client.leads.create(newLead(leadId));
      timeline = await client.timeline(customer.id, { limit: 3 });
      expect(timeline.items[0]).toMatchObject({ kind: "lead", id: leadId });
      await client.leads.transition(leadId, "contact");
      await client.leads.transition(leadId, "qualify");

      const oppId = uid("OP");
      await client.opportunities.create({
        id: oppId,
        customerId: customer.id,
        leadId,
        title: "Mortgage 2m",
        productType: "mortgage",
        stage: "prospecting",
        amount: { amount: 200_000_000, currency: "CNY" },
        probability: 0.1,
        expectedClose: "2027-02-28",
        ownerId: rm.id,
        createdAt: "2020-01-01T00:00:00Z",
      });
      const converted = await client.leads.transition(leadId, "convert", { opportunityId: oppId });
      expect(converted.record).toMatchObject({ status: "converted", opportunityId: oppId, version: 4 });
      expect(converted.record.history!.map((h) => h.event)).toEqual(["contact", "qualify", "convert"]);

      const moved = await client.opportunities.transition(oppId, "move", { stage: "proposal" });
      expect(moved.record).toMatchObject({ stage: "proposal", probability: 0.6 });
      timeline = await client.timeline(customer.id, { limit: 3 });
      expect(timeline.items[0]).toMatchObject({ kind: "opportunity", id: oppId });
      expect((timeline.items[0]!.record as { stage: string }).stage).toBe("proposal");
      const won = await client.opportunities.transition(oppId, "win", {
        amount: { amount: 180_000_000, currency: "CNY" },
      });
      expect(won.record).toMatchObject({ stage: "won", probability: 1 });

      const caseId = uid("SC");
      await client.serviceCases.create({
        id: caseId,
        customerId: customer.id,
        // A request, not a complaint: the customer's own RM may not handle a complaint (回避, sale-rules.test.ts).
        type: "account_service",
        priority: "medium",
        channel: "phone",
        status: "open",
        subject: "Statements by post",
        openedAt: "2026-01-01T00:00:00Z",
        slaDueAt: "2026-12-15T00:00:00Z",
      });
      await client.serviceCases.transition(caseId, "start");
      const resolved = await client.serviceCases.transition(caseId, "resolve", { resolution: "Fee refunded" });
      expect(resolved.record).toMatchObject({ status: "resolved" });
      timeline = await client.timeline(customer.id, { limit: 3 });
      expect(timeline.items[0]).toMatchObject({ kind: "case", id: caseId });
      expect((timeline.items[0]!.record as { status: string }).status).toBe("resolved");

      // The stored records are what the client said, read back fresh.
      const fresh = (await open(rm, (await open()).store)).client;
      expect(await client.leads.get(leadId)).toMatchObject({ status: "converted", version: 4 });
      expect(fresh).toBeDefined();
      expect(events.map((e) => `${e.collection}:${e.action}${e.event ? `:${e.event}` : ""}`)).toEqual([
        "interactions:created",
        "leads:created",
        "leads:updated:contact",
        "leads:updated:qualify",
        "opportunities:created",
        "leads:updated:convert",
        "opportunities:updated:move",
        "opportunities:updated:win",
        "serviceCases:created",
        "serviceCases:updated:start",
        "serviceCases:updated:resolve",
      ]);
    });

    it("takes creation time and author from its own clock and user, whatever the input says", async () => {
      const { client } = await open();
      const id = uid("LD");
      const created = await client.leads.create({ ...newLead(id), createdBy: "someone-else" });
      expect(created.record.createdBy).toBe(rm.id);
      expect(created.record.createdAt).toBe("2026-11-30T01:01:00.000Z");
    });

    it("refuses a stale version with a conflict carrying the current record, and stores nothing", async () => {
      const { client } = await open();
      const id = uid("TK");
      await client.tasks.create({
        id,
        assigneeId: rm.id,
        customerId: customer.id,
        type: "call",
        title: "Call back about the rate",
        priority: "medium",
        status: "open",
        dueAt: "2026-12-01T02:00:00Z",
      });
      await client.tasks.update(id, { title: "Call back today" }, { expectedVersion: 1 });
      const stale = await client.tasks
        .update(id, { title: "Lost update" }, { expectedVersion: 1 })
        .catch((e: unknown) => e);
      expect(isConflictError(stale)).toBe(true);
      if (isConflictError(stale)) expect(stale.current).toMatchObject({ title: "Call back today", version: 2 });
      expect(describeError(stale, "zh-CN")).toBe("该记录已被他人修改，请查看最新内容后再保存");
      const staleEvent = await client.tasks.transition(id, "complete", { expectedVersion: 1 }).catch((e: unknown) => e);
      expect(isConflictError(staleEvent)).toBe(true);
      expect(await client.tasks.get(id)).toMatchObject({ title: "Call back today", status: "open", version: 2 });
    });

    it("refuses an unknown event, a wrong state, bad details and an auditor with typed, localized errors — nothing stored", async () => {
      const { client, store } = await open();
      const id = uid("LD");
      await client.leads.create(newLead(id));
      const unknown = await client.leads.transition(id, "teleport").catch((e: unknown) => e);
      expect(isTransitionError(unknown)).toBe(true);
      if (isTransitionError(unknown)) expect(unknown.allowed).toEqual(["contact", "disqualify"]);
      const early = await client.leads.transition(id, "convert", { opportunityId: "OP-X" }).catch((e: unknown) => e);
      expect(describeError(early, "en")).toBe("This cannot be done in the current state (new)");
      const noReason = await client.leads.transition(id, "disqualify").catch((e: unknown) => e);
      expect(isValidationError(noReason)).toBe(true);
      if (isValidationError(noReason))
        expect(noReason.errors[0]).toMatchObject({ path: ["reason"], message: "此项为必填项" });
      const badUpdate = await client.leads.update(id, { status: "converted" }).catch((e: unknown) => e);
      expect(isValidationError(badUpdate)).toBe(true);
      const missing = await client.leads.transition("LD-NOBODY", "contact").catch((e: unknown) => e);
      expect(missing).toMatchObject({ code: "not_found" });

      const audit = createCrmClient({ store: as(store, auditor), user: auditor, onAudit: () => {}, now: clock() });
      for (const attempt of [
        () => audit.leads.transition(id, "contact"),
        () => audit.leads.create(newLead(uid("LD"))),
        () => audit.interactions.update(id, { summary: "x" }),
        () => audit.customers.change(customer.id, { kind: "contact", contact: { city: "上海" } }),
      ]) {
        const error = await attempt().catch((e: unknown) => e);
        expect(isAccessDeniedError(error)).toBe(true);
        expect(describeError(error, "zh-CN")).toBe("您的角色无权执行此操作");
      }
      expect(await client.leads.get(id)).toMatchObject({ status: "new", version: 1 });
    });

    it("keeps customer changes as history: contact, risk re-assessment, a consent withdrawn and in force at once", async () => {
      const { client } = await open();
      const before = (await client.customers.get(customer.id))!;
      const contact = await client.customers.change(customer.id, {
        kind: "contact",
        contact: { mobile: "13900001111", city: "杭州" },
        reason: "customer called",
      });
      expect(contact.status).toBe("saved");
      expect(contact.record.contact.mobile).toBe("139****1111"); // masked for the user, as every read
      await client.customers.change(customer.id, {
        kind: "risk_assessment",
        riskTolerance: "C4",
        riskAssessedAt: "2026-11-30",
      });
      await client.customers.change(customer.id, {
        kind: "consent",
        consent: {
          purpose: "marketing",
          channel: "sms",
          granted: false,
          textVersion: "2026-03",
          recordedAt: "2026-11-30T02:00:00Z",
        },
      });
      const after = (await client.customers.get(customer.id))!;
      expect(after).toMatchObject({
        riskTolerance: "C4",
        riskAssessedAt: "2026-11-30",
        version: (before.version ?? 0) + 3,
      });
      expect(consentInForce(after.consents, "marketing", "sms")?.granted).toBe(false);
      const changes = (await client.customerChanges.list({ customerId: customer.id, limit: 10 })).items;
      expect(changes.map((c) => c.kind).sort()).toEqual(["consent", "contact", "risk_assessment"]);
      const kept = changes.find((c) => c.kind === "contact")!;
      expect(kept).toMatchObject({ by: rm.id, reason: "customer called" });
      expect(kept.previousContact?.mobile).toBe(before.contact.mobile);
    });
  });
}

type Op =
  | { kind: "create"; collection: CollectionName; input: Record<string, unknown> }
  | { kind: "update"; collection: CollectionName; id: string; changes: Record<string, unknown> }
  | { kind: "transition"; collection: CollectionName; id: string; event: string; details: Record<string, unknown> };

const writer = (client: CrmClient, collection: CollectionName) =>
  client[collection as "leads" | "tasks" | "opportunities"] as unknown as {
    create(input: unknown): Promise<{ status: string }>;
    update(id: string, changes: unknown): Promise<{ status: string }>;
    transition(id: string, event: string, details: unknown): Promise<{ status: string }>;
  };
const readable = (client: CrmClient, collection: CollectionName) =>
  client[collection as "leads"] as { get(id: string): Promise<unknown> };
const run = (client: CrmClient, op: Op) =>
  op.kind === "create"
    ? writer(client, op.collection).create(op.input)
    : op.kind === "update"
      ? writer(client, op.collection).update(op.id, op.changes)
      : writer(client, op.collection).transition(op.id, op.event, op.details);

/**
 * `count` writes over `records` records of leads, tasks and opportunities: the
 * creates first, then updates and transitions chosen among those the state
 * machines offer — applied to a memory client as they are chosen, which gives
 * the expected end state.
 */
async function plan(count: number, records: number, seed: string) {
  const rnd = createRandom(seed);
  const client = createCrmClient({ store: createMemoryStore(), user: rm, onAudit: () => {}, now: clock() });
  const ops: Op[] = [];
  const ids: [CollectionName, string][] = [];
  for (let i = 0; i < records; i++) {
    const collection = (["leads", "tasks", "opportunities"] as const)[i % 3]!;
    const id = `${collection.slice(0, 2).toUpperCase()}-MIX-${seed}-${i}`;
    const input =
      collection === "leads"
        ? newLead(id, book[i % book.length]!.id)
        : collection === "tasks"
          ? {
              id,
              assigneeId: rm.id,
              customerId: customer.id,
              type: "call",
              title: `Task ${i}`,
              priority: "low",
              status: "open",
              dueAt: "2026-12-20T00:00:00Z",
            }
          : {
              id,
              customerId: customer.id,
              title: `Deal ${i}`,
              productType: "fund",
              stage: "prospecting",
              amount: { amount: 1_000_000, currency: "CNY" },
              probability: 0.1,
              expectedClose: "2027-03-01",
              ownerId: rm.id,
              createdAt: "2026-01-01T00:00:00Z",
            };
    ops.push({ kind: "create", collection, input });
    ids.push([collection, id]);
  }
  const details = (event: string, at: string): Record<string, unknown> => ({
    ...(["disqualify", "lose", "cancel"].includes(event) ? { reason: `reason for ${event}` } : {}),
    ...(event === "convert" ? { opportunityId: "OP-ANY" } : {}),
    ...(event === "win" ? { amount: { amount: 2_000_000, currency: "CNY" } } : {}),
    ...(event === "move"
      ? { stage: rnd.pick(["qualification", "needs_analysis", "proposal", "negotiation"] as const) }
      : {}),
    ...(event === "snooze" ? { until: new Date(Date.parse(at) + 86_400_000).toISOString() } : {}),
  });
  for (const op of ops) await run(client, op);
  while (ops.length < count) {
    const [collection, id] = rnd.pick(ids);
    const record = await readable(client, collection).get(id);
    const offered = availableTransitions(collection, record, rm, { at: "2026-11-30T12:00:00Z" }).filter(
      (t) => !(t.event === "move" && (record as { stage: string }).stage !== "prospecting"),
    );
    const op: Op =
      offered.length === 0 || rnd.bool(0.3)
        ? {
            kind: "update",
            collection,
            id,
            changes:
              collection === "opportunities"
                ? { title: `Deal v${ops.length}` }
                : collection === "tasks"
                  ? { title: `Task v${ops.length}` }
                  : { notes: `note ${ops.length}` },
          }
        : (() => {
            const event = rnd.pick(offered).event;
            return { kind: "transition", collection, id, event, details: details(event, "2026-11-30T12:00:00Z") };
          })();
    const ok = await run(client, op).then(
      () => true,
      () => false,
    );
    if (ok) ops.push(op);
  }
  return { ops, ids };
}

describe("the same writes, the same end: memory, IndexedDB and the server agree", () => {
  it("applies 300 mixed writes identically on each store (the server applying the machines itself)", async () => {
    const { ops, ids } = await plan(300, 30, "agree");
    const finals: Map<string, unknown>[] = [];
    for (const [, make, as] of STORES) {
      const store = as(await fill(await make(), p, ["customers"]), rm);
      const client = createCrmClient({ store, user: rm, onAudit: () => {}, now: clock(), policy: undefined });
      for (const op of ops) await run(client, op);
      const out = new Map<string, unknown>();
      for (const [collection, id] of ids) out.set(id, comparable(collection, await store.record(collection, id)));
      finals.push(out);
    }
    expect(finals[1]).toEqual(finals[0]);
    expect(finals[2]).toEqual(finals[0]);
    // Not a trivial agreement: records moved through their machines.
    const states = [...finals[0]!.values()].map(
      (r) => (r as { status?: string; stage?: string }).status ?? (r as { stage: string }).stage,
    );
    expect(new Set(states).size).toBeGreaterThan(4);
  }, 120_000);
});

describe("the outbox under faults", () => {
  // 500 writes here (a test's share of two cores); the fault mix and the reload are the same at any length.
  it("delivers 500 mixed writes over 60 records through a faulty proxy, with a reload midway: the server ends as applying each once, in order", async () => {
    const { ops, ids } = await plan(500, 60, "faults");
    await fill(createHttpStore({ baseUrl: server().url, getToken: () => server().token }), p, ["customers"]);
    const proxy = await startFaultProxy(server().url, "mixed-writes");
    const name = `writes-faults-${dbn++}`;
    // No retries of reads inside the store: a failed read falls back to the cache at once.
    const remote = httpAs(rm, proxy.url, { timeout: 2000, retries: 0 });
    const now = clock();
    const open = async () => {
      const cache = await createIndexedDbStore({ name: `${name}-cache` });
      const store = createCachedStore({ remote, cache, isOnline: () => true });
      const outbox = await createOutbox({ name, send: httpSender(remote), backoff: { baseMs: 1, maxMs: 20 } });
      return { outbox, cache, client: createCrmClient({ store, user: rm, onAudit: () => {}, outbox, now }) };
    };
    let page = await open();
    const statuses = new Map<string, number>();
    for (const [n, op] of ops.entries()) {
      const result = await run(page.client, op);
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      if (n === 250) {
        page.outbox.close(); // the page reloads
        page.cache.close();
        page = await open();
      }
    }
    // As on the browser's 'online' event: send what waits, without waiting out the backoff.
    for (let round = 0; round < 3000 && (await page.outbox.status()).pending > 0; round++) {
      await page.outbox.flush({ ignoreBackoff: true });
    }
    expect(await page.outbox.status()).toEqual({ pending: 0, failed: 0, conflicts: 0 });
    page.outbox.close();
    await proxy.close();
    // Read the server directly, not through the proxy.
    const direct = httpAs(rm);
    const referenceStore = createMemoryStore();
    const reference = createCrmClient({ store: referenceStore, user: rm, onAudit: () => {}, now: clock() });
    for (const op of ops) await run(reference, op);
    for (const [collection, id] of ids) {
      expect(comparable(collection, await direct.record(collection, id)), id).toEqual(
        comparable(collection, await referenceStore.record(collection, id)),
      );
    }
    expect(statuses.get("queued") ?? 0).toBeGreaterThan(25);
    for (const [fault, count] of Object.entries(proxy.counts)) expect(count, fault).toBeGreaterThan(10);
  }, 300_000);
});

describe("the server enforces what the browser checks", () => {
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}, user: Actor = rm) =>
    fetch(new URL(path, server().url), {
      method: "POST",
      headers: {
        Authorization: `Bearer ${await tokenOf(user)}`,
        "Content-Type": "application/json",
        "Idempotency-Key": crypto.randomUUID(),
        ...headers,
      },
      body: JSON.stringify(body),
    });

  it("refuses an unknown collection, an illegal event, an auditor and a stale version — storing nothing", async () => {
    await fill(createHttpStore({ baseUrl: server().url, getToken: () => server().token }), p, ["customers"]);
    const client = createCrmClient({
      store: httpAs(rm),
      user: rm,
      onAudit: () => {},
      now: clock(),
    });
    const id = `LD-SERVER-${dbn++}`;
    await client.leads.create(newLead(id));

    expect((await post("nope", newLead("LD-X"))).status).toBe(404);
    expect((await post("holdings", { id: "H-1" })).status).toBe(404); // not writable through the API

    const illegal = await post(
      `leads/${id}/transitions`,
      { event: "convert", at: "2026-11-30T02:00:00Z", actor: rm },
      { "If-Match": '"v1"' },
    );
    expect(illegal.status).toBe(409);
    expect(await illegal.json()).toMatchObject({
      code: "invalid_transition",
      from: "new",
      allowed: ["contact", "disqualify"],
    });

    // The body's actor is not who writes: the token's principal is.
    const byAuditor = await post(
      `leads/${id}/transitions`,
      { event: "contact", at: "2026-11-30T02:00:00Z", actor: rm },
      { "If-Match": '"v1"' },
      auditor,
    );
    expect(byAuditor.status).toBe(403);

    const stale = await post(
      `leads/${id}/transitions`,
      { event: "contact", at: "2026-11-30T02:00:00Z", actor: rm },
      { "If-Match": '"v7"' },
    );
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ etag: '"v1"', current: { id, status: "new" } });

    const noIfMatch = await post(`leads/${id}/transitions`, {
      event: "contact",
      at: "2026-11-30T02:00:00Z",
      actor: rm,
    });
    expect(noIfMatch.status).toBe(428);

    // A PUT may change fields, never the state or the history.
    const lead = await httpAs(rm).record("leads", id);
    const put = await fetch(new URL(`leads/${id}`, server().url), {
      method: "PUT",
      headers: { Authorization: `Bearer ${await tokenOf(rm)}`, "Content-Type": "application/json", "If-Match": '"v1"' },
      body: JSON.stringify({ ...lead, status: "converted" }),
    });
    expect(put.status).toBe(422);
    expect(await put.json()).toMatchObject({ errors: [{ path: ["status"], code: "readOnlyField" }] });

    expect(await client.leads.get(id)).toMatchObject({ status: "new", version: 1 });
  });
});

describe("the server's limits", () => {
  it("refuses a body over 1 MB before reading it, scopes Idempotency-Keys to the caller, and marks answers no-store", async () => {
    await fill(createHttpStore({ baseUrl: server().url, getToken: () => server().token }), p, ["customers"]);
    const rmToken = await tokenOf(rm);
    // On a connection of its own.
    const big = await new Promise<number | string>((resolve) => {
      const body = JSON.stringify({ ...newLead("LD-BIG"), notes: "x".repeat(2 * 1024 * 1024) });
      const request = httpRequest(
        new URL("leads", server().url),
        {
          method: "POST",
          agent: false,
          headers: {
            Authorization: `Bearer ${rmToken}`,
            "Content-Type": "application/json",
            "Idempotency-Key": crypto.randomUUID(),
            "Content-Length": Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("error", (error) => resolve(error.message));
      request.end(body);
    });
    // 413, delivered: the server reads and discards the rest before answering (body-limit.ts); nothing is stored.
    expect(big).toBe(413);
    expect(
      await createHttpStore({ baseUrl: server().url, getToken: () => server().token }).record("leads", "LD-BIG"),
    ).toBeUndefined();

    // Two callers, one key: each gets its own request handled, not the other's answer.
    const key = crypto.randomUUID();
    const send = (token: string, lead: Lead) =>
      fetch(new URL("leads", server().url), {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Idempotency-Key": key },
        body: JSON.stringify(lead),
      });
    const teller = (n: string) =>
      server().tokenFor({ id: `ST-TELLER-${n}`, role: "teller", branchId: customer.branchId });
    const [tellerA, tellerB] = [await teller("A"), await teller("B")];
    const first = await send(tellerA, newLead(`LD-KEY-A-${dbn}`));
    const second = await send(tellerB, newLead(`LD-KEY-B-${dbn}`));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(((await second.json()) as Lead).id).toBe(`LD-KEY-B-${dbn}`);
    // The same caller replaying its key gets its stored answer.
    const replay = await send(tellerA, newLead(`LD-KEY-A-${dbn}`));
    expect(((await replay.json()) as Lead).id).toBe(`LD-KEY-A-${dbn}`);
    expect(replay.headers.get("Cache-Control")).toBe("no-store");
    expect(replay.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});

describe("a conflict shows the current record as every read does: masked", () => {
  it("masks the stored record a write meets when another writer got there between its read and its write", async () => {
    for (const [label, make, as] of STORES.filter(([l]) => l !== "IndexedDB encrypted")) {
      const base = as(await fill(await make(), p, ["customers"]), rm);
      let interfere = false;
      const other = createCrmClient({ store: base, user: rm, onAudit: () => {}, now: clock() });
      // Another writer commits right after this client has read the record.
      const racing: CrmStore = {
        ...base,
        async record(collection, id) {
          const read = await base.record(collection, id);
          if (interfere) {
            interfere = false;
            await other.leads.update(id, { notes: "the other writer" });
          }
          return read;
        },
      };
      const client = createCrmClient({ store: racing, user: rm, onAudit: () => {}, now: clock() });
      const id = `LD-RACE-${label.replace(/\W/g, "")}-${dbn++}`;
      await client.leads.create(newLead(id));
      interfere = true;
      const lost = await client.leads.update(id, { notes: "mine" }).catch((e: unknown) => e);
      expect(isConflictError(lost), label).toBe(true);
      if (isConflictError(lost)) {
        expect((lost.current as Lead).notes, label).toBe("the other writer");
        expect((lost.current as Lead).mobile, label).toBe("138****5678");
      }
      expect(await other.leads.get(id)).toMatchObject({ notes: "the other writer", version: 2 });
    }
  });
});
