import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  belongsTo,
  buildCustomerView,
  collectionSpec,
  COLLECTION_NAMES,
  collectionSchemas,
  compileSegment,
  customerFieldCatalog,
  SEGMENT_SCHEMA_VERSION,
  type CollectionName,
  type Customer,
  type Opportunity,
} from "../src/index.js";
import {
  ANONYMOUS_CUSTOMER_ID,
  DEFAULT_RETENTION,
  PERSONAL_COLLECTIONS,
  anonymised,
  erasureAnswer,
  restricted,
  RetentionTableSchema,
  retentionPlan,
  retentionTableOf,
  saleRefusals,
  yearsAfter,
  type RetentionPlan,
} from "../src/compliance/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";

const bank = generateDemoPortfolio({ seed: "retention", customers: 120, months: 3 });
const AT = "2026-11-30T03:00:00.000Z";
const people = bank.customers.filter((c) => c.kind === "individual");
/** A won fund sale (suitability and 双录 evidence) and an open one, for each of the first people. */
const sales: Opportunity[] = people.slice(0, 10).flatMap((c, i) => [
  {
    id: `OP-W-${i}`,
    customerId: c.id,
    title: `基金 ${c.name}`,
    productType: "fund",
    productRisk: "R2",
    stage: "won",
    amount: { amount: 1_000_000, currency: "CNY" },
    probability: 1,
    createdAt: "2026-01-05T02:00:00.000Z",
    expectedClose: "2026-02-01",
    closedAt: "2026-02-01T02:00:00.000Z",
    ownerId: c.relationshipManagerId ?? "ST-1",
  } as unknown as Opportunity,
  {
    id: `OP-O-${i}`,
    customerId: c.id,
    title: `存款 ${c.name}`,
    productType: "time_deposit",
    stage: "proposal",
    amount: { amount: 5_000_000, currency: "CNY" },
    probability: 0.5,
    createdAt: "2026-10-05T02:00:00.000Z",
    expectedClose: "2026-12-20",
    ownerId: c.relationshipManagerId ?? "ST-1",
  } as unknown as Opportunity,
]);
const store: Partial<Record<CollectionName, readonly unknown[]>> = {
  ...(bank as unknown as Record<CollectionName, unknown[]>),
  opportunities: [...bank.opportunities, ...sales],
  relationshipGroups: [
    {
      id: "HH-3",
      kind: "household",
      name: "三口之家",
      members: people.slice(0, 3).map((c, i) => ({ customerId: c.id, role: i === 0 ? "head" : "child" })),
    },
  ],
};
const actionsOf = (plan: RetentionPlan) => {
  const out: Record<string, Record<string, number>> = {};
  for (const s of plan.steps) (out[s.collection] ??= {})[s.action] = (out[s.collection]?.[s.action] ?? 0) + 1;
  return out;
};
const closed = (c: Customer, closedAt: string): Customer => ({ ...c, status: "closed", closedAt });

describe("retention: what a deletion request and the purge do to each record", () => {
  it("keeps, restricted, what a running relationship and the AML law need, and erases or anonymises the rest", () => {
    const person = people.find(
      (c, i) => i < 10 && c.status !== "closed" && bank.interactions.some((x) => x.customerId === c.id),
    )!;
    const plan = retentionPlan(person, store, { at: AT, trigger: "request" });
    const acts = actionsOf(plan);
    expect(acts.customers).toEqual({ restrict: 1 });
    expect(plan.steps[0]!.holds.map((h) => h.kind)).toEqual(["contract", "aml"]);
    expect(plan.steps[0]!.holds.every((h) => h.until === undefined)).toBe(true); // while it lasts, then ten years
    expect(Object.keys(acts.holdings ?? {})).toEqual(["restrict"]);
    expect(Object.keys(acts.transactions ?? {})).toEqual(["restrict"]);
    expect(acts.interactions).toEqual({ erase: bank.interactions.filter((x) => x.customerId === person.id).length });
    // The won fund is the sale's evidence; the open deposit opportunity is anonymised for the sales figures.
    const wonSale = plan.steps.find((s) => s.id.startsWith("OP-W-"))!;
    expect(wonSale).toMatchObject({ action: "restrict", holds: [{ kind: "saleEvidence", until: "2031-02-01" }] });
    expect(plan.steps.find((s) => s.id.startsWith("OP-O-"))!.action).toBe("anonymise");
    expect(acts.relationshipGroups ?? { anonymise: 0 }).toEqual(
      person.id === people[0]!.id || person.id === people[1]!.id || person.id === people[2]!.id
        ? { anonymise: 1 }
        : { anonymise: 0 },
    );
  });

  it("has a rule for every collection whose records hang off a customer", () => {
    const ofCustomers = COLLECTION_NAMES.filter(
      (c) => collectionSpec(c).customerIndex !== undefined || c === "customers",
    );
    expect([...PERSONAL_COLLECTIONS].sort()).toEqual(ofCustomers.sort());
  });

  it("holds an open case until it closes, and lets a closed one be anonymised", () => {
    const withCases = people.filter((c) => bank.serviceCases.some((s) => s.customerId === c.id));
    expect(withCases.length).toBeGreaterThan(0);
    for (const person of withCases) {
      const plan = retentionPlan(person, store, { at: AT, trigger: "request" });
      for (const s of plan.steps.filter((s) => s.collection === "serviceCases")) {
        const open = !["resolved", "closed"].includes(bank.serviceCases.find((c) => c.id === s.id)!.status);
        expect(s.action).toBe(open ? "restrict" : "anonymise");
      }
    }
  });

  it("after a closed relationship, keeps the AML records ten years, then the purge erases them", () => {
    const person = closed(people[0]!, "2020-06-30");
    const request = retentionPlan(person, store, { at: AT, trigger: "request" });
    expect(request.steps[0]).toMatchObject({ action: "restrict", holds: [{ kind: "aml", until: "2030-06-30" }] });
    // Before the period ends the purge keeps everything still held, and what the bank's own period still keeps.
    const early = retentionPlan(person, store, { at: AT, trigger: "expiry" });
    expect(early.steps.filter((s) => s.collection === "customers").map((s) => s.action)).toEqual(["keep"]);
    // Twelve years on: nothing holds; everything goes (transactions made in 2026 are held to 2036).
    const late = retentionPlan(person, store, { at: "2038-07-01T00:00:00.000Z", trigger: "expiry" });
    expect(late.steps.every((s) => s.action === "erase" || s.action === "anonymise")).toBe(true);
    expect(late.steps.find((s) => s.collection === "customers")!.action).toBe("erase");
    const mid = retentionPlan(person, store, { at: "2031-07-01T00:00:00.000Z", trigger: "expiry" });
    expect(mid.steps.find((s) => s.collection === "customers")!.action).toBe("erase");
    for (const s of mid.steps.filter((s) => s.collection === "transactions"))
      expect(s).toMatchObject({ action: "keep", holds: [{ kind: "aml" }] });
  });

  it("never purges a customer whose relationship continues", () => {
    const plan = retentionPlan(
      people.find((c) => c.status === "active")!,
      store,
      {
        at: "2060-01-01T00:00:00.000Z",
        trigger: "expiry",
      },
    );
    expect(plan.steps.length).toBeGreaterThan(1);
    expect(plan.steps.filter((s) => s.collection === "customers").map((s) => s.action)).toEqual(["keep"]);
  });

  it("plans every record that names the person once, and never lets a record a hold keeps be erased (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: people.length - 1 }),
        fc.option(fc.integer({ min: 2000, max: 2040 })),
        fc.integer({ min: 2026, max: 2060 }),
        fc.constantFrom("request" as const, "expiry" as const),
        (i, closedYear, year, trigger) => {
          const person = closedYear === null ? people[i]! : closed(people[i]!, `${closedYear}-03-15`);
          const at = `${year}-06-01T00:00:00.000Z`;
          const plan = retentionPlan(person, store, { at, trigger });
          const expected = PERSONAL_COLLECTIONS.reduce(
            (n, c) => n + (c === "customers" ? 1 : (store[c] ?? []).filter((r) => belongsTo(c, r, person.id)).length),
            0,
          );
          expect(plan.steps.length).toBe(expected);
          expect(new Set(plan.steps.map((s) => `${s.collection}|${s.id}`)).size).toBe(expected);
          for (const s of plan.steps) {
            const gone = s.action === "erase" || s.action === "anonymise";
            expect(gone && s.holds.length > 0).toBe(false);
            for (const h of s.holds) expect(h.until === undefined || h.until > at.slice(0, 10)).toBe(true);
            if (person.status !== "closed") expect(s.collection === "customers" && gone).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("anonymises a record into one that still parses and names nobody", () => {
    let checked = 0;
    for (const person of people.slice(0, 10)) {
      const plan = retentionPlan(person, store, { at: AT, trigger: "request" });
      for (const s of plan.steps.filter((s) => s.action === "anonymise")) {
        const record = (store[s.collection] as Record<string, unknown>[]).find((r) => r.id === s.id)!;
        const out = anonymised(s.collection, record, person.id);
        if (out === undefined) continue;
        expect(() => collectionSchemas[s.collection].parse(out)).not.toThrow();
        const text = JSON.stringify(out);
        expect(text).not.toContain(`"${person.id}"`);
        expect(text).not.toContain(person.name);
        if (s.collection !== "relationshipGroups") expect(out.customerId).toBe(ANONYMOUS_CUSTOMER_ID);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    // A household of two is erased rather than left with one member.
    const pair = {
      id: "HH-2",
      kind: "household",
      name: "二人",
      members: people.slice(0, 2).map((c) => ({ customerId: c.id, role: "head" })),
    };
    expect(anonymised("relationshipGroups", pair, people[0]!.id)).toBeUndefined();
  });

  it("restricts the customer: every consent withdrawn with its history, out of marketing segments, no new sale", () => {
    const person = people.find((c) => c.consents.some((x) => x.purpose === "marketing" && x.granted))!;
    const now = new Date(AT);
    const segment = compileSegment(
      {
        schemaVersion: SEGMENT_SCHEMA_VERSION,
        id: "seg-m",
        name: "marketing",
        version: 1,
        rule: { field: "status", op: "eq", value: person.status },
        purpose: "marketing",
      },
      customerFieldCatalog,
      { now },
    );
    const marketing = (c: Customer) => segment(buildCustomerView(c, { now }));
    expect(marketing(person)).toBe(true);
    const { customer, changes } = restricted(person, AT, "ST-PO-1");
    expect(customer.restrictedAt).toBe(AT);
    expect(marketing(customer)).toBe(false);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(() => collectionSchemas.customerChanges.parse(change)).not.toThrow();
    expect(() => collectionSchemas.customers.parse(customer)).not.toThrow();
    const fund = { productType: "fund" as const, productRisk: "R1" as const };
    expect(saleRefusals(fund, customer, AT).map((r) => r.code)).toContain("processingRestricted");
    expect(saleRefusals(fund, person, AT).map((r) => r.code)).not.toContain("processingRestricted");
  });

  it("answers the person with what was deleted and the reasons for what is kept, in both languages", () => {
    const person = closed(people[0]!, "2025-12-31");
    const plan = retentionPlan(person, store, { at: AT, trigger: "request" });
    const zh = erasureAnswer(plan, "zh-CN");
    const en = erasureAnswer(plan, "en");
    expect(zh).toContain("反洗钱法");
    expect(zh).toContain(`保存至 ${yearsAfter("2025-12-31", 10)}`);
    expect(en).toContain("The AML law keeps identity data for 10 years");
    expect(en).toContain("kept until 2035-12-31");
    // One line per kind of record and reason, however many records: the transactions' days as a range.
    expect(
      en.match(/^- Transactions \(\d+\): The AML law.*; each kept until a day from \d{4}-\d{2}-\d{2} to/gm),
    ).toHaveLength(1);
    expect(zh).toMatch(/^- 交易记录 \(\d+\)：《反洗钱法》.*；分别保存至/m);
    expect(en).toContain("suitability and dual-recording evidence");
    expect(en).toMatch(/## Deleted\n- Contacts with you \(\d+\)|## Deleted\nNothing\./);
    expect(zh).not.toContain("{");
    const nothingHeld = erasureAnswer({ ...plan, steps: plan.steps.filter((s) => s.action !== "restrict") }, "en");
    expect(nothingHeld).not.toContain("What the law keeps, stored and no longer used, and why\n-");
    expect(DEFAULT_RETENTION.deviceDays).toBe(30);
  });

  it("reads a bank's table: longer periods and more holds, never shorter than the law or without its holds", () => {
    expect(RetentionTableSchema.safeParse({ amlYears: 3 }).success).toBe(false);
    expect(RetentionTableSchema.safeParse({ collections: { campaigns: { keepYears: 1 } } }).success).toBe(false);
    const table = retentionTableOf(
      RetentionTableSchema.parse({
        amlYears: 15,
        collections: { customers: { holds: [] }, interactions: { holds: ["openCase"], keepYears: 5 } },
      }),
    );
    expect(table.amlYears).toBe(15);
    expect(table.collections.customers.holds).toEqual(["contract", "aml"]); // the law's holds stay
    expect(table.collections.interactions).toEqual({ holds: ["openCase"], keepYears: 5, then: "erase" });
    const person = closed(people[0]!, "2020-06-30");
    const plan = retentionPlan(person, store, { at: AT, trigger: "request", table });
    expect(plan.steps[0]!.holds).toEqual([{ kind: "aml", until: "2035-06-30" }]);
  });
});
