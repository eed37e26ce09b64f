import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Customer } from "../src/index.js";
import { generateDemoPortfolio, PRODUCTS } from "../src/demo/index.js";
import { mineAssociationRules, nextBestOffers, offerResponses } from "../src/analytics/index.js";

const p = generateDemoPortfolio({ seed: "nbo-test", customers: 3000, detail: "holdings" });
const holdingsOf = new Map<string, typeof p.holdings>();
for (const h of p.holdings) holdingsOf.set(h.customerId, [...(holdingsOf.get(h.customerId) ?? []), h]);
const baskets = p.customers.map((c) => [...new Set((holdingsOf.get(c.id) ?? []).map((h) => h.productType))]);
const rules = mineAssociationRules(baskets, { minSupport: 0.01, minConfidence: 0.05, minLength: 1 });
const now = new Date(`${p.asOf}T00:00:00Z`);

/** The customer with a marketing consent (granted or withdrawn) and a profiling one, recorded after any of theirs. */
const withConsent = (c: Customer, granted: boolean, profiling = true): Customer => ({
  ...c,
  consents: [
    ...c.consents,
    { purpose: "marketing", channel: "all", granted, textVersion: "2026-01", recordedAt: "2099-01-01T00:00:00Z" },
    {
      purpose: "profiling",
      channel: "all",
      granted: profiling,
      textVersion: "2026-01",
      recordedAt: "2099-01-01T00:00:00Z",
    },
  ],
});

describe("nextBestOffers", () => {
  it("never offers a held product or an investment above the customer's risk tolerance, and explains each offer", () => {
    let offered = 0;
    for (const customer of p.customers.slice(0, 800)) {
      const c = withConsent(customer, true);
      const holdings = holdingsOf.get(c.id) ?? [];
      const { offers } = nextBestOffers(c, holdings, rules, PRODUCTS, { limit: 5, now });
      offered += offers.length;
      for (const o of offers) {
        expect(holdings.some((h) => h.productCode === o.product.code && h.status !== "closed")).toBe(false);
        expect(holdings.some((h) => h.productType === o.product.type && h.status !== "closed")).toBe(false);
        if (o.product.risk) {
          expect(c.riskTolerance).toBeDefined();
          expect(Number(o.product.risk.slice(1))).toBeLessThanOrEqual(Number(c.riskTolerance!.slice(1)));
          expect(o.reasons.map((r) => r.code)).toContain("suitable");
        }
        expect(o.reasons[0]).toMatchObject({ code: "rule" });
        expect(o.score).toBeGreaterThan(0);
      }
      for (let i = 1; i < offers.length; i++) expect(offers[i - 1]!.score).toBeGreaterThanOrEqual(offers[i]!.score);
    }
    expect(offered).toBeGreaterThan(100);
  });

  it("offers nothing without marketing consent, and the latest consent record decides", () => {
    const customer = p.customers.find((c) => (holdingsOf.get(c.id) ?? []).length > 0)!;
    const holdings = holdingsOf.get(customer.id)!;
    expect(nextBestOffers(withConsent(customer, false), holdings, rules, PRODUCTS, { now })).toEqual({
      offers: [],
      excluded: [{ code: "noMarketingConsent" }],
      personalised: true,
    });
    const withdrawn: Customer = {
      ...withConsent(customer, true),
      consents: [
        {
          purpose: "marketing",
          channel: "all",
          granted: true,
          textVersion: "2025-01",
          recordedAt: "2025-01-01T00:00:00Z",
        },
        {
          purpose: "marketing",
          channel: "all",
          granted: false,
          textVersion: "2026-01",
          recordedAt: "2026-02-01T00:00:00Z",
        },
      ],
    };
    expect(nextBestOffers(withdrawn, holdings, rules, PRODUCTS, { now }).offers).toEqual([]);
  });

  it("without the profiling consent offers the bank's general list, whatever the rules say, and says it is not personalised (PIPL Art. 24)", () => {
    let general = 0;
    for (const customer of p.customers.slice(0, 300)) {
      const c = withConsent(customer, true, false);
      const holdings = holdingsOf.get(c.id) ?? [];
      const result = nextBestOffers(c, holdings, rules, PRODUCTS, { limit: 5, now });
      expect(result.personalised).toBe(false);
      // Nothing of the customer's holdings chose them: the same list with no rules at all.
      expect(result).toEqual(nextBestOffers(c, holdings, [], PRODUCTS, { limit: 5, now }));
      general += result.offers.length;
      for (const o of result.offers) {
        expect(o.reasons[0]).toEqual({ code: "featured" });
        expect(holdings.some((h) => h.productType === o.product.type && h.status !== "closed")).toBe(false);
        if (o.product.risk)
          expect(Number(o.product.risk.slice(1))).toBeLessThanOrEqual(Number(c.riskTolerance!.slice(1)));
      }
      // In the catalogue's order.
      const places = result.offers.map((o) => PRODUCTS.indexOf(o.product as (typeof PRODUCTS)[number]));
      expect(places).toEqual([...places].sort((a, b) => a - b));
      expect(nextBestOffers(withConsent(customer, true, true), holdings, rules, PRODUCTS, { now }).personalised).toBe(
        true,
      );
    }
    expect(general).toBeGreaterThan(100);
  });

  it("follows any consent history: no offer without marketing consent in force, no rule without profiling consent (property)", () => {
    const record = fc.record({
      purpose: fc.constantFrom("marketing" as const, "profiling" as const),
      granted: fc.boolean(),
      day: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2999 }), fc.array(record, { maxLength: 6 }), (i, history) => {
        const customer: Customer = {
          ...p.customers[i]!,
          consents: history.map((h) => ({
            purpose: h.purpose,
            channel: "all",
            granted: h.granted,
            textVersion: "2026-01",
            recordedAt: `2026-03-${String(h.day).padStart(2, "0")}T00:00:00Z`,
          })),
        };
        const latest = (purpose: string) =>
          customer.consents
            .filter((c) => c.purpose === purpose)
            .reduce<Customer["consents"][number] | undefined>(
              (a, c) => (!a || c.recordedAt >= a.recordedAt ? c : a),
              undefined,
            );
        const holdings = holdingsOf.get(customer.id) ?? [];
        const result = nextBestOffers(customer, holdings, rules, PRODUCTS, { limit: 5, now });
        if (latest("marketing")?.granted !== true) expect(result.offers).toEqual([]);
        expect(result.personalised).toBe(latest("profiling")?.granted === true);
        if (!result.personalised) expect(result.offers.every((o) => o.reasons[0]!.code === "featured")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves out investment products when the risk assessment is missing or expired, and says why", () => {
    const customer = withConsent(
      { ...p.customers.find((c) => c.kind === "individual")!, riskTolerance: "C5", riskAssessedAt: "2020-01-01" },
      true,
    );
    const result = nextBestOffers(customer, [], rules, PRODUCTS, { limit: 50, now });
    expect(result.offers.every((o) => !o.product.risk)).toBe(true);
    expect(result.excluded.some((e) => e.code === "riskAssessmentExpired")).toBe(true);
    const { riskTolerance: _t, riskAssessedAt: _a, ...unassessed } = customer;
    const none = nextBestOffers(unassessed, [], rules, PRODUCTS, { limit: 50, now });
    expect(none.offers.every((o) => !o.product.risk)).toBe(true);
    expect(none.excluded.some((e) => e.code === "noRiskAssessment")).toBe(true);
  });

  it("respects the limit for any customer and tolerance", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2999 }),
        fc.constantFrom("C1", "C2", "C3", "C4", "C5"),
        fc.integer({ min: 0, max: 6 }),
        (i, tolerance, limit) => {
          const c = withConsent({ ...p.customers[i]!, riskTolerance: tolerance, riskAssessedAt: p.asOf }, true);
          const { offers } = nextBestOffers(c, holdingsOf.get(c.id) ?? [], rules, PRODUCTS, { limit, now });
          expect(offers.length).toBeLessThanOrEqual(limit);
          for (const o of offers)
            if (o.product.risk) expect(Number(o.product.risk.slice(1))).toBeLessThanOrEqual(Number(tolerance.slice(1)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("leaves out what the customer turned down (for 90 days) or is already being worked, and learns nothing else from it", () => {
    const customer = withConsent(
      p.customers.find((c) => (holdingsOf.get(c.id) ?? []).length > 0)!,
      true,
    );
    const holdings = holdingsOf.get(customer.id)!;
    const before = nextBestOffers(customer, holdings, rules, PRODUCTS, { limit: 50, now });
    const first = before.offers[0]!;
    const second = before.offers.find((o) => o.product.type !== first.product.type)!;
    expect(second).toBeDefined();
    const day = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
    const responses = offerResponses({
      interactions: [
        { at: day(89), offer: { productCode: first.product.code, reason: "not_now" } },
        { at: day(200), offer: { productCode: "NOT-IN-CATALOG", reason: "other" } },
        { at: day(1) },
      ],
      leads: [
        { status: "contacted", productInterest: second.product.type },
        { status: "disqualified", productInterest: "mortgage" },
      ],
      opportunities: [{ stage: "lost", productType: "credit_card" }],
    });
    expect(responses.inProgress).toEqual([second.product.type]);
    const after = nextBestOffers(customer, holdings, rules, PRODUCTS, { limit: 50, now, responses });
    expect(after.excluded).toContainEqual({ product: first.product, code: "dismissed" });
    expect(after.excluded).toContainEqual({ product: second.product, code: "inProgress" });
    // Every other offer is the same, with the same score and reasons: nothing was learnt from the answers.
    const rest = before.offers.filter((o) => o.product.type !== second.product.type && o !== first);
    expect(after.offers).toEqual(rest);
    // Ninety-one days on, the turned-down product is offered again.
    const later = new Date(now.getTime() + 2 * 86_400_000);
    const again = nextBestOffers(customer, holdings, rules, PRODUCTS, { limit: 50, now: later, responses });
    expect(again.offers.map((o) => o.product.code)).toContain(first.product.code);
  });
});
