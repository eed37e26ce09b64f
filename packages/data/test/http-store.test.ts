/** The HTTP store against the reference server over real HTTP — not a mocked fetch. */
import { describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 60_000 });
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  consentInForce,
  describeError,
  isAccessDeniedError,
  isBankcrmError,
  isValidationError,
  REST_CONTRACT_HEADER,
  REST_CONTRACT_VERSION,
} from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import {
  createHttpStore,
  isConflictError,
  isIncompatibleServerError,
  isNetworkError,
  isRequestError,
  type HttpStore,
} from "../src/index.js";
import { conditionalWriteSuite, genericCollectionsSuite, storeContractSuite } from "./store-contract.suite.js";
import { useReferenceServer } from "./support/reference-server.js";

const server = useReferenceServer();

const make = (extra: Partial<Parameters<typeof createHttpStore>[0]> = {}): HttpStore =>
  createHttpStore({ baseUrl: server().url, getToken: () => server().token, ...extra });

storeContractSuite("HTTP, reference server", () => Promise.resolve(make()));
genericCollectionsSuite("HTTP, reference server", () => Promise.resolve(make()));

conditionalWriteSuite("HTTP, reference server", () => Promise.resolve(make()));

// The same contract with the server on a PostgreSQL server (node-postgres, pooled) instead of PGlite.
const onPostgres = useReferenceServer({ database: "postgres" });
const makeOnPostgres = () =>
  Promise.resolve(createHttpStore({ baseUrl: onPostgres().url, getToken: () => onPostgres().token }));
storeContractSuite("HTTP, reference server on PostgreSQL", makeOnPostgres);
genericCollectionsSuite("HTTP, reference server on PostgreSQL", makeOnPostgres);
conditionalWriteSuite("HTTP, reference server on PostgreSQL", makeOnPostgres);

describe("HTTP store specifics", () => {
  const p = generateDemoPortfolio({ seed: "http-test", customers: 200, months: 2 });

  it("surfaces a concurrent change as a conflict with the server's record — never a silent overwrite", async () => {
    const a = make();
    const b = make();
    const customer = p.customers[0]!;
    await a.put("customers", [customer]);
    await a.getCustomer(customer.id); // a holds the ETag
    await b.getCustomer(customer.id);
    await b.put("customers", [{ ...customer, loyaltyPoints: 1 }]); // b changes it first
    const error = await a.put("customers", [{ ...customer, loyaltyPoints: 2 }]).catch((e: unknown) => e);
    expect(isConflictError(error)).toBe(true);
    if (isConflictError(error)) expect((error.current as { loyaltyPoints: number }).loyaltyPoints).toBe(1);
    expect((await make().getCustomer(customer.id))?.loyaltyPoints).toBe(1);
  });

  it("honours Idempotency-Key: same key and body → the stored answer, same key with another body → refused", async () => {
    const store = make();
    const lead = { ...p.leads[0]!, id: "LD-IDEMPOTENT", status: "new" as const };
    const key = crypto.randomUUID();
    const first = await store.create("leads", lead, key);
    expect(await store.create("leads", lead, key)).toEqual(first);
    const error = await store.create("leads", { ...lead, notes: "changed" }, key).catch((e: unknown) => e);
    expect(isRequestError(error) && error.status === 422).toBe(true);
    expect(
      (await store.records("leads", { customerId: lead.customerId })).items.filter((l) => l.id === "LD-IDEMPOTENT"),
    ).toHaveLength(1);
  });

  it("verifies a caller on the server: match or no match, never a value; the third failure locks, and the 423 says until when", async () => {
    const customer = p.customers.find((c) => c.kind === "individual")!;
    if (customer.kind !== "individual") throw new Error("the demo has people");
    await make().put("customers", [customer]);
    const agent = createHttpStore({
      baseUrl: server().url,
      getToken: () => server().tokenFor({ id: "ST-VERIFY-HTTP", role: "service_agent", branchId: customer.branchId }),
    });
    const last4 = customer.idDocument.number.slice(-4);
    const right = { first: customer.birthDate, last4 };
    expect(await agent.verifyCaller(customer.id, right)).toEqual({ match: true });
    const wrong = { first: "1900-01-01", last4 };
    expect(await agent.verifyCaller(customer.id, wrong)).toEqual({ match: false, attemptsLeft: 2 });
    expect(await agent.verifyCaller(customer.id, wrong)).toEqual({ match: false, attemptsLeft: 1 });
    const third = await agent.verifyCaller(customer.id, wrong);
    expect(third).toMatchObject({ match: false, attemptsLeft: 0, lockedUntil: expect.any(String) });
    // Locked: even the right answers are refused now, with the same time.
    expect(await agent.verifyCaller(customer.id, right)).toEqual(third);
  });

  it("launches a campaign on the server: the audience kept with its groups, the campaign active; a stale version conflicts", async () => {
    const admin = make();
    const customers = p.customers.slice(0, 30);
    await admin.put("customers", customers);
    await admin.put("segments", [
      {
        schemaVersion: 1,
        id: "SEG-HTTP-LAUNCH",
        name: "HTTP",
        ownerId: "ST-HQ-MA1",
        rule: { field: "kind", op: "eq", value: "individual" },
        version: 1,
      },
    ]);
    const campaign = {
      id: "CP-HTTP-LAUNCH",
      name: "HTTP launch",
      status: "scheduled" as const,
      channels: ["sms" as const],
      productType: "fund" as const,
      segmentId: "SEG-HTTP-LAUNCH",
      requiredConsent: "marketing" as const,
      startDate: "2026-12-01",
      endDate: "2026-12-31",
      ownerId: "ST-HQ-MA1",
      version: 2,
    };
    await admin.put("campaigns", [campaign]);
    const marketing = make({
      getToken: () => server().tokenFor({ id: "ST-HQ-MA1", role: "marketing", branchId: "HQ" }),
    });
    const stale = await marketing.launchCampaign(campaign.id, 1).catch((e: unknown) => e);
    expect(isConflictError(stale)).toBe(true);
    const launched = await marketing.launchCampaign(campaign.id, 2, { controlShare: 0.2 });
    expect(launched.campaign.status).toBe("active");
    const individuals = customers.filter((c) => c.kind === "individual").length;
    // Every individual on the server is in the segment (this file's other tests add theirs): ours among them.
    expect(launched.counts.treatment + launched.counts.control + launched.counts.excluded).toBeGreaterThanOrEqual(
      individuals,
    );
    const kept = await admin.records("campaignMembers", {
      customerId: customers.find((c) => c.kind === "individual")!.id,
    });
    expect(kept.items.map((m) => m.campaignId)).toContain(campaign.id);
    // Measured from the records: the groups as launched, the window open.
    const measured = await marketing.campaignEffect(campaign.id);
    expect(measured.goal).toEqual({ kind: "productOpened", productType: "fund" });
    expect(measured.treatment.size).toBe(launched.counts.treatment);
    expect(measured.control.size).toBe(launched.counts.control);
  });

  it("maps refusals to typed errors: 401 access denied, 422 field errors", async () => {
    const error = await make({ getToken: () => "wrong" })
      .getCustomer("x")
      .catch((e: unknown) => e);
    expect(isAccessDeniedError(error)).toBe(true);
    const invalid = await make()
      .put("customers", [{ ...p.customers[1]!, contact: { mobile: "123" } }])
      .catch((e: unknown) => e);
    expect(isValidationError(invalid)).toBe(true);
  });

  it("retries safe requests after 503 with Retry-After, and times out into a network error", async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 1)
        return new Response(JSON.stringify({ title: "busy" }), {
          status: 503,
          headers: { "Retry-After": "0", "Content-Type": "application/problem+json" },
        });
      return fetch(input, init);
    };
    await make({ fetch: flaky }).listCustomers({ limit: 1 });
    expect(calls).toBe(2);
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
      );
    const error = await make({ fetch: hanging, timeout: 200, retries: 0 })
      .getCustomer("x")
      .catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
  });

  it("never retries a POST by itself", async () => {
    let posts = 0;
    const failing: typeof fetch = async (input, init) => {
      const method = input instanceof Request ? input.method : (init?.method ?? "GET");
      if (method === "POST") {
        posts++;
        return new Response(JSON.stringify({ title: "down" }), {
          status: 503,
          headers: { "Content-Type": "application/problem+json" },
        });
      }
      return fetch(input, init);
    };
    const error = await make({ fetch: failing })
      .create("leads", { ...p.leads[0]!, id: "LD-NO-RETRY" }, crypto.randomUUID())
      .catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
    expect(posts).toBe(1);
  });
});

describe("the REST contract version", () => {
  it("is on every answer of the reference server, and a server of another major version is refused clearly", async () => {
    const ok = await fetch(new URL("customers?limit=1", server().url), { headers: { Authorization: "Bearer t" } });
    expect(ok.headers.get(REST_CONTRACT_HEADER)).toBe(REST_CONTRACT_VERSION);
    const denied = await fetch(new URL("customers", server().url));
    expect(denied.status).toBe(401);
    expect(denied.headers.get(REST_CONTRACT_HEADER)).toBe(REST_CONTRACT_VERSION);

    // A real HTTP server that speaks contract 2.0 and answers 200 with a body this SDK would misread.
    const future = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", [REST_CONTRACT_HEADER]: "2.0.0" });
      res.end(JSON.stringify({ data: [{ customer_id: "x" }] }));
    });
    await new Promise<void>((resolve) => future.listen(0, "127.0.0.1", resolve));
    const { port } = future.address() as AddressInfo;
    try {
      const store = createHttpStore({ baseUrl: `http://127.0.0.1:${port}/`, getToken: () => "t" });
      const error = await store.listCustomers({}).catch((e: unknown) => e);
      expect(isIncompatibleServerError(error)).toBe(true);
      expect(isBankcrmError(error, "incompatible_server")).toBe(true);
      expect(describeError(error, "en")).toBe(
        `The server speaks API version 2.0.0, which this app (${REST_CONTRACT_VERSION}) does not support; ask your administrator to upgrade`,
      );
      expect(describeError(error, "zh-CN")).toContain("不兼容");
    } finally {
      await new Promise((resolve) => future.close(resolve));
    }
  });
});

describe("entity resolution through the HTTP store", () => {
  const p = generateDemoPortfolio({ seed: "http-resolution", customers: 60, months: 1 });
  it("reviews, merges, undoes and keeps apart as a branch manager; refuses anyone else", async () => {
    const person = p.customers.find((c) => c.kind === "individual" && c.idDocument.number.slice(6, 8) === "19")!;
    if (person.kind !== "individual") throw new Error("the demo has people");
    // The same person from another system: onboarded later, the mobile changed there.
    const again = {
      ...person,
      id: "WEALTH-HTTP-1",
      onboardedAt: "2026-01-01",
      contact: { ...person.contact, mobile: "13900000001" },
    };
    await make().put("customers", [person, again]);
    const manager = make({
      getToken: () => server().tokenFor({ id: "ST-HQ-BR-HTTP", role: "branch_manager", branchId: "HQ" }),
    });
    const review = await manager.resolutionReview(200);
    const pair = review.items.find((i) => i.ids.includes(again.id))!;
    expect([...pair.ids].sort()).toEqual([person.id, again.id].sort());
    expect(pair).toMatchObject({ decision: "merge", rule: "residentId" });
    const rm = make({
      getToken: () => server().tokenFor({ id: "ST-RM-HTTP", role: "relationship_manager", branchId: person.branchId }),
    });
    expect(isAccessDeniedError(await rm.resolutionReview().catch((e: unknown) => e))).toBe(true);
    const merged = await manager.mergeCustomers([again.id, person.id]);
    expect([merged.customer.id, merged.mergedId]).toEqual([person.id, again.id]);
    expect(await manager.record("customers", again.id)).toBeUndefined();
    expect(await manager.undoMerge(merged.mergeId)).toEqual({ goldenId: person.id, restoredId: again.id });
    await manager.keepCustomersApart([person.id, again.id]);
    expect((await manager.resolutionReview(200)).items.some((i) => i.ids.includes(again.id))).toBe(false);
    await expect(manager.mergeCustomers([person.id, again.id])).rejects.toMatchObject({
      status: 409,
      problem: { code: "keptApart" },
    });
  });
});

describe("a person's rights over their data through the HTTP store", () => {
  const p = generateDemoPortfolio({ seed: "http-privacy", customers: 20, months: 2 });
  it("makes the copy and fulfils a deletion as head office's privacy officer; refuses anyone else with a typed error", async () => {
    const person = p.customers.find((c) => c.status === "active" && p.interactions.some((i) => i.customerId === c.id))!;
    const admin = make();
    await admin.put("customers", [person]);
    await admin.put(
      "holdings",
      p.holdings.filter((h) => h.customerId === person.id),
    );
    await admin.put(
      "interactions",
      p.interactions.filter((i) => i.customerId === person.id),
    );
    const officer = make({
      getToken: () => server().tokenFor({ id: "ST-HQ-PO-HTTP", role: "privacy_officer", branchId: "HQ" }),
    });
    const pkg = await officer.personalData(person.id, "en");
    expect(pkg.collections.customers!.map((c) => c.id)).toEqual([person.id]);
    expect(await officer.personalDataDocument(person.id, "en")).toMatch(/^# A copy of your personal information\n/);
    const before = make({
      getToken: () => server().tokenFor({ id: "ST-HQ-MA-HTTP", role: "marketing", branchId: "HQ" }),
    });
    const everyone = {
      schemaVersion: 1 as const,
      id: "one",
      name: "one",
      version: 1,
      rule: { field: "status", op: "isNotEmpty" as const },
    };
    const consenting = consentInForce(person.consents, "marketing", "all")?.granted === true;
    expect((await before.exportSegment(everyone, "marketing")).includes(`"${person.id}"`)).toBe(consenting);
    const preview = await officer.erasure(person.id, { fulfil: false, locale: "zh-CN" });
    expect(preview.applied).toBeUndefined();
    expect(preview.answer).toContain("反洗钱法");
    expect(
      await officer.record("interactions", p.interactions.find((i) => i.customerId === person.id)!.id),
    ).toBeDefined();
    const done = await officer.erasure(person.id, { fulfil: true, locale: "en" });
    expect(done.applied!.erased).toBe(p.interactions.filter((i) => i.customerId === person.id).length);
    expect(done.plan.steps.find((s) => s.collection === "customers")!.action).toBe("restrict");
    expect((await officer.record("customers", person.id))!.restrictedAt).toBeDefined();
    const rm = make({
      getToken: () => server().tokenFor({ id: "ST-RM-HTTP", role: "relationship_manager", branchId: person.branchId }),
    });
    expect(
      isAccessDeniedError(await rm.erasure(person.id, { fulfil: true, locale: "en" }).catch((e: unknown) => e)),
    ).toBe(true);
    // Restricted, every consent withdrawn: no export for any purpose holds them; before, the marketing one did.
    const marketing = make({
      getToken: () => server().tokenFor({ id: "ST-HQ-MA-HTTP", role: "marketing", branchId: "HQ" }),
    });
    expect(await marketing.exportSegment(everyone, "marketing")).not.toContain(`"${person.id}"`);
  });
});
