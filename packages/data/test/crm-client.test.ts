import { describe, expect, it } from "vitest";
import { isAccessDeniedError, isValidationError, mask, type Customer, type RevealAuditEvent } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import {
  createCrmClient,
  createMemoryStore,
  type ChangeEvent,
  type CrmStore,
  type InvalidRecordReport,
} from "../src/index.js";
import { fill } from "./support/fill.js";

const p = generateDemoPortfolio({ seed: "client-test", customers: 300, months: 6 });
const rm = { id: "ST-RM", role: "relationship_manager" as const };
const teller = { id: "ST-TE", role: "teller" as const };
const marketing = { id: "ST-MA", role: "marketing" as const };

const seeded = (): Promise<CrmStore> => fill(createMemoryStore(), p);

const individual = p.customers.find(
  (c): c is Extract<Customer, { kind: "individual" }> => c.kind === "individual" && c.contact.mobile !== undefined,
)!;

describe("createCrmClient", () => {
  it("returns customers with identifiers masked for every role, balances only for staff who need them", async () => {
    const store = await seeded();
    const asRm = createCrmClient({ store, user: rm, onAudit: () => {} });
    const c = (await asRm.customers.get(individual.id)) as typeof individual;
    expect(c.contact.mobile).toBe(mask(individual.contact.mobile!, "mobile"));
    expect(c.idDocument.number).toBe(mask(individual.idDocument.number, "idNumber"));
    expect(c.name).toBe(mask(individual.name, "name"));
    const holdings = await asRm.holdings.list(individual.id);
    expect(holdings.length).toBeGreaterThan(0);
    expect(holdings[0]!.balance).toBeDefined();
    expect(holdings[0]!.accountNumber).toMatch(/^\*+\d{4}$/);
    const asMarketing = createCrmClient({ store, user: marketing, onAudit: () => {} });
    expect((await asMarketing.holdings.list(individual.id))[0]).not.toHaveProperty("balance");
    expect(JSON.stringify(await asMarketing.customers.list({ limit: 300 }))).not.toContain(individual.contact.mobile!);
  });

  it("reveals a field only to permitted roles, recording the audit event first — and a failed audit reveals nothing", async () => {
    const store = await seeded();
    const events: RevealAuditEvent[] = [];
    const asRm = createCrmClient({
      store,
      user: rm,
      onAudit: (e) => void events.push(e),
      now: () => new Date("2026-11-28T08:00:00Z"),
    });
    expect(await asRm.customers.reveal(individual.id, "contact.mobile", "回电确认")).toBe(individual.contact.mobile);
    expect(events).toEqual([
      {
        type: "reveal",
        actorId: "ST-RM",
        actorRole: "relationship_manager",
        customerId: individual.id,
        field: "contact.mobile",
        fieldClass: "C2",
        reason: "回电确认",
        at: "2026-11-28T08:00:00.000Z",
      },
    ]);
    const asTeller = createCrmClient({ store, user: teller, onAudit: (e) => void events.push(e) });
    await expect(asTeller.customers.reveal(individual.id, "contact.mobile", "check")).rejects.toSatisfy(
      isAccessDeniedError,
    );
    const failing = createCrmClient({
      store,
      user: rm,
      onAudit: () => Promise.reject(new Error("audit log unavailable")),
    });
    await expect(failing.customers.reveal(individual.id, "idDocument.number", "verify")).rejects.toThrow(
      "audit log unavailable",
    );
    expect(events).toHaveLength(1);
  });

  it("lists with filters and cursor pages, and searches by name, ID and masked mobile", async () => {
    const client = createCrmClient({ store: await seeded(), user: rm, onAudit: () => {} });
    const gold = p.customers
      .filter((c) => c.tier === "gold")
      .map((c) => c.id)
      .sort();
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await client.customers.list({ tier: "gold", limit: 17, ...(after ? { after } : {}) });
      seen.push(...page.items.map((c) => c.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual(gold);
    expect(
      (await client.customers.search(mask(individual.contact.mobile!, "mobile"))).items.map((c) => c.id),
    ).toContain(individual.id);
    expect((await client.customers.search(individual.idDocument.number)).items.map((c) => c.id)).toEqual([
      individual.id,
    ]);
    expect((await client.customers.search(individual.name)).items.map((c) => c.id)).toContain(individual.id);
  });

  it("upserts by natural key: a re-import updates instead of duplicating, and announces the change", async () => {
    const store = await seeded();
    const client = createCrmClient({ store, user: rm, onAudit: () => {} });
    const changes: ChangeEvent[] = [];
    const off = client.on("change", (e) => changes.push(e));
    const reimported = { ...individual, id: "CU-FROM-CORE-BANKING", loyaltyPoints: 123_456 };
    const result = await client.customers.upsert(reimported);
    expect(result.created).toBe(false);
    expect(result.customer.id).toBe(individual.id);
    expect((await store.getCustomer(individual.id))?.loyaltyPoints).toBe(123_456);
    expect(await store.getCustomer("CU-FROM-CORE-BANKING")).toBeUndefined();
    off();
    await client.customers.upsert({ ...reimported, loyaltyPoints: 1 });
    expect(changes).toEqual([{ collection: "customers", ids: [individual.id], action: "updated" }]);
    await expect(client.customers.upsert({ ...individual, contact: { mobile: "123" } })).rejects.toSatisfy(
      isValidationError,
    );
  });

  it("merges the timeline newest first across interactions, transactions, cases and campaigns, hiding confidential notes from tellers", async () => {
    const store = await seeded();
    const customerId = p.interactions.find((i) => i.confidential)!.customerId;
    const all = async (client: ReturnType<typeof createCrmClient>) => {
      const entries = [];
      let after: string | undefined;
      do {
        const page = await client.timeline(customerId, { limit: 7, ...(after ? { after } : {}) });
        entries.push(...page.items);
        after = page.next;
      } while (after);
      return entries;
    };
    const asRm = await all(createCrmClient({ store, user: rm, onAudit: () => {} }));
    const expected =
      p.interactions.filter((i) => i.customerId === customerId).length +
      p.transactions.filter((t) => t.customerId === customerId).length +
      p.serviceCases.filter((s) => s.customerId === customerId).length +
      p.campaignResponses.filter((r) => r.customerId === customerId).length;
    expect(asRm).toHaveLength(expected);
    for (let i = 1; i < asRm.length; i++) expect(asRm[i - 1]!.at >= asRm[i]!.at).toBe(true);
    expect(new Set(asRm.map((e) => e.id)).size).toBe(asRm.length);
    const asTeller = await all(createCrmClient({ store, user: teller, onAudit: () => {} }));
    const confidential = asRm.filter((e) => e.kind === "interaction" && e.record.confidential).length;
    expect(confidential).toBeGreaterThan(0);
    expect(asTeller).toHaveLength(expected - confidential);
  });

  it("reads every other collection through validated, masked repositories", async () => {
    const store = await seeded();
    await store.put("opportunities", p.opportunities);
    await store.put("relationshipGroups", p.relationshipGroups);
    const o = p.opportunities[0]!;
    const asRm = createCrmClient({ store, user: rm, onAudit: () => {} });
    expect(await asRm.opportunities.get(o.id)).toEqual(o);
    expect((await asRm.opportunities.list({ customerId: o.customerId })).items.map((x) => x.id)).toEqual([o.id]);
    const asMarketing = createCrmClient({ store, user: marketing, onAudit: () => {} });
    expect(await asMarketing.opportunities.get(o.id)).not.toHaveProperty("amount");
    const member = p.relationshipGroups[0]!.members[0]!.customerId;
    expect((await asRm.relationshipGroups.list({ customerId: member })).items.length).toBeGreaterThan(0);
    expect((await asRm.serviceCases.list({ customerId: p.serviceCases[0]!.customerId })).items.length).toBeGreaterThan(
      0,
    );
  });

  it("reports invalid records from a store instead of passing them on", async () => {
    const store = await seeded();
    await store.put("customers", [{ ...individual, id: "CU-BROKEN", contact: { mobile: "not-a-number" } }]);
    const reports: InvalidRecordReport[] = [];
    const client = createCrmClient({ store, user: rm, onAudit: () => {}, onInvalidRecord: (r) => reports.push(r) });
    expect(await client.customers.get("CU-BROKEN")).toBeUndefined();
    expect(reports).toMatchObject([
      { collection: "customers", id: "CU-BROKEN", errors: [{ path: ["contact", "mobile"], code: "mobile" }] },
    ]);
  });

  it("neutralises stored text with a direction control left open, and refuses to write it", async () => {
    const store = await seeded();
    const o = p.opportunities[0]!;
    // A title stored before the rule (or by another system) with a right-to-left override left open.
    await store.put("opportunities", [{ ...o, title: "存单续作\u202E 181****9432" }]);
    const reports: InvalidRecordReport[] = [];
    const client = createCrmClient({ store, user: rm, onAudit: () => {}, onInvalidRecord: (r) => reports.push(r) });
    const read = await client.opportunities.get(o.id);
    // Read, not dropped: closed where it opens, so it reorders nothing after it.
    expect(read?.title).toBe("存单续作\u202E 181****9432\u202C");
    expect(reports).toEqual([]);
    // A write with it is refused on the field, in the user's language.
    const refused = await client.opportunities
      .update(o.id, { title: "续作\u202E" }, { expectedVersion: read!.version ?? 0 })
      .catch((e: unknown) => e);
    expect(isValidationError(refused) && refused.errors).toMatchObject([{ path: ["title"], code: "bidiControls" }]);
  });

  it("keeps the customer's identifiers out of free text: masked by default, refused when the bank says so", async () => {
    const store = await seeded();
    const task = {
      id: "TK-NAMED",
      assigneeId: rm.id,
      customerId: individual.id,
      type: "call",
      title: `回访${individual.name}，手机${individual.contact.mobile}`,
      priority: "medium",
      status: "open",
      dueAt: "2026-12-01T01:00:00Z",
    };
    const masking = createCrmClient({ store, user: rm, onAudit: () => {} });
    await masking.tasks.create(task);
    const stored = await store.record("tasks", "TK-NAMED");
    expect(stored?.title).toBe(
      `回访${mask(individual.name, "name")}，手机${mask(individual.contact.mobile!, "mobile")}`,
    );
    // Updates and transitions pass the same way: a note typed later is masked too.
    await masking.tasks.update("TK-NAMED", { notes: `已联系 ${individual.name}` });
    expect((await store.record("tasks", "TK-NAMED"))?.notes).toBe(`已联系 ${mask(individual.name, "name")}`);
    const refusing = createCrmClient({
      store,
      user: rm,
      onAudit: () => {},
      freeTextIdentifiers: "refuse",
      locale: "en",
    });
    const refused = await refusing.tasks.create({ ...task, id: "TK-NAMED-2" }).catch((e: unknown) => e);
    expect(isValidationError(refused) && refused.errors).toMatchObject([
      { path: ["title"], code: "identifierInText", message: expect.stringMatching(/customer's name, mobile number/) },
    ]);
    expect(await store.record("tasks", "TK-NAMED-2")).toBeUndefined();
  });

  it("creates leads with validation and forgets everything on logout", async () => {
    const store = await seeded();
    const client = createCrmClient({ store, user: rm, onAudit: () => {} });
    const lead = { ...p.leads[0]!, id: "LD-NEW", status: "new" as const };
    await client.leads.create(lead);
    expect((await client.leads.list({ customerId: lead.customerId })).items.map((l) => l.id)).toContain("LD-NEW");
    await expect(client.leads.create({ ...lead, consent: { ...lead.consent, granted: false } })).rejects.toSatisfy(
      isValidationError,
    );
    await client.logout();
    await expect(client.customers.get(individual.id)).rejects.toSatisfy(isAccessDeniedError);
    await expect(store.getCustomer(individual.id)).rejects.toThrow(/closed/);
  });
});
