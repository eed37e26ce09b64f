import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateDemoCustomers } from "../src/demo/index.js";
import { goldenOf, mergeConsents, mergeCustomers } from "../src/resolution/index.js";
import { CustomerSchema, type Consent, type Customer, type IndividualCustomer } from "../src/schemas/customer.js";
import { CONSENT_CHANNELS, CONSENT_PURPOSES } from "../src/vocabulary.js";
import { consentInForce } from "../src/workflow/customer-change.js";

const people = generateDemoCustomers({ seed: "merge", count: 60 }).filter(
  (c): c is IndividualCustomer => c.kind === "individual",
);
const core = people[0]!;
const AT = "2026-12-01T08:00:00.000Z";
/** The same person as another system holds them. */
const wealth: IndividualCustomer = {
  ...core,
  id: "WEALTH.1",
  name: "王建國",
  onboardedAt: "2015-01-01",
  updatedAt: "2026-11-30T00:00:00.000Z",
  contact: { ...core.contact, mobile: "13900000000", email: "wang@example.cn" },
  tags: ["wealth-vip"],
  loyaltyPoints: 120,
  relationshipManagerId: "RM-OTHER",
};
const sources = {
  priority: ["CORE", "WEALTH"],
  sourceOf: (c: Customer) => (c.id.startsWith("WEALTH") ? "WEALTH" : "CORE"),
};

describe("survivorship", () => {
  it("takes each field from the more trusted source, then the more recent record, then the valid value", () => {
    const { golden, other } = goldenOf(wealth, core, sources);
    expect(golden.id).toBe(core.id);
    const byPriority = mergeCustomers(golden, other, { ...sources, at: AT });
    expect(byPriority.customer.name).toBe(core.name);
    expect(byPriority.customer.contact.mobile).toBe(core.contact.mobile);
    // A field only the other record holds is kept; the choice is reported.
    expect(byPriority.customer.contact.email).toBe("wang@example.cn");
    expect(byPriority.choices).toContainEqual({ field: "name", kept: core.name, dropped: "王建國", by: "priority" });
    // Without priorities the more recently updated record wins; per field, validity first.
    const byRecency = mergeCustomers(core, wealth, { at: AT });
    expect([byRecency.customer.name, byRecency.customer.contact.mobile]).toEqual(["王建國", "13900000000"]);
    const invalid = { ...wealth, contact: { ...wealth.contact, mobile: "12345" } } as IndividualCustomer;
    const byValidity = mergeCustomers(core, invalid, { at: AT, fields: { "contact.mobile": ["validity", "recency"] } });
    expect(byValidity.customer.contact.mobile).toBe(core.contact.mobile);
  });

  it("keeps the earliest onboarding, both records' tags and points, the higher tier, and reports an RM conflict", () => {
    const { customer, relationshipManagerConflict } = mergeCustomers(
      core,
      { ...wealth, tier: "private" },
      { ...sources, at: AT },
    );
    expect(customer.onboardedAt).toBe("2015-01-01");
    expect(customer.tags).toEqual([...new Set([...core.tags, "wealth-vip"])].sort());
    expect(customer.loyaltyPoints).toBe(core.loyaltyPoints + 120);
    expect(customer.tier).toBe("private");
    expect(relationshipManagerConflict).toEqual({ kept: core.relationshipManagerId, other: "RM-OTHER" });
    expect(customer.relationshipManagerId).toBe(core.relationshipManagerId);
    const recent = mergeCustomers(core, wealth, { ...sources, at: AT, relationshipManager: "recent" });
    expect(recent.customer.relationshipManagerId).toBe("RM-OTHER");
  });

  it("gives a record the core schemas accept, for every pair of the demo bank's people", () => {
    for (let i = 1; i < people.length; i++) {
      const { customer } = mergeCustomers(people[0]!, { ...people[i]!, id: `X${i}` }, { at: AT });
      expect(CustomerSchema.safeParse(customer).success, people[i]!.id).toBe(true);
    }
  });

  it("refuses to merge a person with a company, or a record with itself", () => {
    const company = generateDemoCustomers({ seed: "merge", count: 200 }).find((c) => c.kind === "corporate")!;
    expect(() => mergeCustomers(core, company, { at: AT })).toThrow(/individual customer's record/);
    expect(() => mergeCustomers(core, core, { at: AT })).toThrow(/another record/);
  });
});

describe("consents after a merge", () => {
  const consent = fc.record({
    purpose: fc.constantFrom(...CONSENT_PURPOSES),
    channel: fc.constantFrom(...CONSENT_CHANNELS),
    granted: fc.boolean(),
    textVersion: fc.constantFrom("2025-01", "2026-03"),
    recordedAt: fc
      .integer({ min: 0, max: 1000 })
      .map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString()),
  });
  it("are never less restrictive than either side's, whatever the two histories", () => {
    fc.assert(
      fc.property(
        fc.array(consent, { maxLength: 30 }),
        fc.array(consent, { maxLength: 30 }),
        (a: Consent[], b: Consent[]) => {
          const merged = mergeConsents(a, b, AT);
          for (const purpose of CONSENT_PURPOSES)
            for (const channel of CONSENT_CHANNELS) {
              const sides = [consentInForce(a, purpose, channel), consentInForce(b, purpose, channel)];
              const after = consentInForce(merged, purpose, channel);
              // A withdrawal on either side is a withdrawal after; a grant after is one a side had in force.
              if (sides.some((c) => c && !c.granted) && after?.granted) return false;
              if (after?.granted && !sides.some((c) => c?.granted)) return false;
            }
          // Both histories are kept (each entry once).
          return (
            [...a, ...b].every((c) => merged.some((m) => JSON.stringify(m) === JSON.stringify(c))) ||
            merged.length === 100
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
