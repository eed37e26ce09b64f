/**
 * A campaign's launch: the audience as it stands, each exclusion with its reason, a control group drawn tier by
 * tier — and, by property over random customers, consents, holdings, contacts and do-not-contact lists, no
 * customer any rule leaves out ever in the treatment or the control group.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  campaignMemberId,
  consentInForce,
  planLaunch,
  validate,
  collectionSchemas,
  type Campaign,
  type Customer,
} from "../src/index.js";
import { generateDemoCustomers } from "../src/demo/index.js";
import { unsuitability } from "../src/analytics/index.js";
import {
  CONSENT_CHANNELS,
  PRODUCT_RISK_LEVELS,
  PRODUCT_TYPES,
  RISK_TOLERANCE_LEVELS,
  TIERS,
} from "../src/vocabulary.js";
import { DAY_MS } from "../src/time.js";

const AT = "2026-12-01T02:00:00.000Z";
const base = generateDemoCustomers({ seed: "launch", count: 60 });
const campaign = (over: Partial<Campaign> = {}) => ({
  id: "CP-LAUNCH",
  channels: ["sms"] as Campaign["channels"],
  requiredConsent: "marketing" as const,
  productType: "fund" as const,
  productRisk: "R3" as const,
  ...over,
});

describe("planLaunch", () => {
  it("puts every segment member in one group, excluded ones with their reason, as valid records", () => {
    const customers = base.map((c, i) => ({
      ...c,
      status: "active" as const,
      riskTolerance: "C4" as const,
      riskAssessedAt: "2026-06-01",
      consents: [
        {
          purpose: "marketing" as const,
          channel: "all" as const,
          granted: i % 7 !== 0,
          textVersion: "v",
          recordedAt: AT,
        },
      ],
    }));
    const holds = new Map([[customers[1]!.id, new Set(["fund" as const])]]);
    const contacts = [0, 1].map(() => ({ customerId: customers[2]!.id, at: "2026-11-20T00:00:00.000Z" }));
    const plan = planLaunch(
      campaign(),
      { customers, holds, contacts, doNotContact: new Set([customers[3]!.id]) },
      { at: AT },
    );
    expect(plan.members).toHaveLength(customers.length);
    expect(new Set(plan.members.map((m) => m.id)).size).toBe(customers.length);
    const reasonOf = (id: string) => plan.members.find((m) => m.customerId === id)!.reason;
    expect(reasonOf(customers[0]!.id)).toBe("consentWithdrawn");
    expect(reasonOf(customers[1]!.id)).toBe("holdsProduct");
    expect(reasonOf(customers[2]!.id)).toBe("frequencyCap");
    expect(reasonOf(customers[3]!.id)).toBe("doNotContact");
    expect(plan.counts.treatment + plan.counts.control + plan.counts.excluded).toBe(customers.length);
    expect(plan.excludedBy.consentWithdrawn).toBe(customers.filter((_, i) => i % 7 === 0).length);
    for (const m of plan.members) expect(validate(collectionSchemas.campaignMembers, m, "en").success).toBe(true);
    expect(plan.members[0]!.id).toBe(campaignMemberId("CP-LAUNCH", plan.members[0]!.customerId));
  });

  it("holds out the same share of every tier, the same customers each time", () => {
    const customers = Array.from({ length: 400 }, (_, i) => ({
      ...base[i % base.length]!,
      id: `CU${String(i).padStart(8, "0")}`,
      status: "active" as const,
      tier: TIERS[i % 4]!,
      consents: [
        { purpose: "marketing" as const, channel: "all" as const, granted: true, textVersion: "v", recordedAt: AT },
      ],
    }));
    const facts = { customers, holds: new Map(), contacts: [] };
    const plan = planLaunch(campaign({ productRisk: undefined }), facts, { at: AT, controlShare: 0.2 });
    for (const tier of TIERS.slice(0, 4)) {
      const inTier = plan.members.filter((m) => m.tier === tier);
      expect(inTier.filter((m) => m.group === "control")).toHaveLength(Math.round(inTier.length * 0.2));
    }
    const again = planLaunch(
      campaign({ productRisk: undefined }),
      { ...facts, customers: [...customers].reverse() },
      {
        at: AT,
        controlShare: 0.2,
      },
    );
    const control = (p: typeof plan) =>
      p.members
        .filter((m) => m.group === "control")
        .map((m) => m.customerId)
        .sort();
    expect(control(again)).toEqual(control(plan));
  });

  it("never lets a customer any rule leaves out into the treatment or control group (property)", () => {
    const consent = fc.record({
      purpose: fc.constantFrom("marketing" as const, "profiling" as const),
      channel: fc.constantFrom(...CONSENT_CHANNELS),
      granted: fc.boolean(),
      textVersion: fc.constant("v"),
      recordedAt: fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.parse(AT) - d * DAY_MS).toISOString()),
    });
    const person = fc.record({
      status: fc.constantFrom("active" as const, "dormant" as const, "closed" as const),
      consents: fc.array(consent, { maxLength: 4 }),
      riskTolerance: fc.option(fc.constantFrom(...RISK_TOLERANCE_LEVELS), { nil: undefined }),
      assessedDaysAgo: fc.integer({ min: 0, max: 800 }),
      holds: fc.subarray([...PRODUCT_TYPES], { maxLength: 3 }),
      contacts: fc.integer({ min: 0, max: 3 }),
      doNotContact: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 1, maxLength: 40 }),
        fc.constantFrom("sms" as const, "phone" as const, "wechat" as const, "branch" as const),
        fc.constantFrom(...PRODUCT_TYPES),
        fc.option(fc.constantFrom(...PRODUCT_RISK_LEVELS), { nil: undefined }),
        (people, channel, productType, productRisk) => {
          const customers: Customer[] = people.map((p, i) => {
            const { riskTolerance: _t, riskAssessedAt: _a, ...rest } = base[i % base.length]!;
            return {
              ...rest,
              id: `CU${String(i).padStart(8, "0")}`,
              status: p.status,
              consents: p.consents,
              ...(p.riskTolerance
                ? {
                    riskTolerance: p.riskTolerance,
                    riskAssessedAt: new Date(Date.parse(AT) - p.assessedDaysAgo * DAY_MS).toISOString().slice(0, 10),
                  }
                : {}),
            };
          });
          const holds = new Map(customers.map((c, i) => [c.id, new Set(people[i]!.holds)]));
          const contacts = customers.flatMap((c, i) =>
            Array.from({ length: people[i]!.contacts }, () => ({ customerId: c.id, at: "2026-11-25T00:00:00.000Z" })),
          );
          const doNotContact = new Set(customers.filter((_, i) => people[i]!.doNotContact).map((c) => c.id));
          const c = campaign({ channels: [channel], productType, productRisk });
          const plan = planLaunch(c, { customers, holds, contacts, doNotContact }, { at: AT });
          const consentChannel = { sms: "sms", phone: "phone", wechat: "wechat", branch: "all" } as const;
          for (const m of plan.members) {
            if (m.group === "excluded") continue;
            const i = customers.findIndex((x) => x.id === m.customerId);
            const customer = customers[i]!;
            const inForce = consentInForce(customer.consents, "marketing", consentChannel[channel]);
            expect(customer.status).not.toBe("closed");
            expect(inForce?.granted).toBe(true);
            expect(doNotContact.has(customer.id)).toBe(false);
            expect(people[i]!.contacts).toBeLessThan(2);
            expect(people[i]!.holds).not.toContain(productType);
            if (productRisk) expect(unsuitability(customer, productRisk, { now: new Date(AT) })).toBeUndefined();
          }
          expect(plan.members).toHaveLength(customers.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
