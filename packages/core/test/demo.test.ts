import { describe, expect, it } from "vitest";
import {
  assignTier,
  computeAum,
  isInvalidArgumentError,
  isValidMobile,
  isValidResidentIdNumber,
  isValidUscc,
  parseResidentIdNumber,
} from "../src/index.js";
import { generateCustomerHistory, generateDemoCustomers, generateDemoPortfolio } from "../src/demo/index.js";

describe("generateDemoPortfolio", () => {
  const portfolio = generateDemoPortfolio({ seed: "demo-test", customers: 2000, months: 6 });

  it("is deterministic for a seed and differs between seeds", () => {
    const again = generateDemoPortfolio({ seed: "demo-test", customers: 2000, months: 6 });
    expect(again).toEqual(portfolio);
    const other = generateDemoPortfolio({ seed: "other", customers: 50, months: 6 });
    expect(other.customers[0]).not.toEqual(portfolio.customers[0]);
  });

  it("has about 90% individual and 10% corporate customers, with valid identifiers", () => {
    const corporate = portfolio.customers.filter((c) => c.kind === "corporate");
    expect(corporate.length / portfolio.customers.length).toBeGreaterThan(0.07);
    expect(corporate.length / portfolio.customers.length).toBeLessThan(0.13);
    for (const c of portfolio.customers) {
      if (c.kind === "individual") {
        expect(isValidResidentIdNumber(c.idDocument.number)).toBe(true);
        const parsed = parseResidentIdNumber(c.idDocument.number)!;
        expect([parsed.birthDate, parsed.gender]).toEqual([c.birthDate, c.gender]);
        expect(c.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      } else {
        expect(isValidUscc(c.uscc)).toBe(true);
        expect(c.name).toMatch(/有限公司$/);
      }
      expect(isValidMobile(c.contact.mobile)).toBe(true);
    }
    expect(
      new Set(portfolio.customers.map((c) => (c.kind === "individual" ? c.idDocument.number : c.uscc))).size,
    ).toBeGreaterThan(1990);
  });

  it("has log-normal balances: a long tail of tiers, most customers standard or gold", () => {
    const counts = Object.fromEntries(
      ["standard", "gold", "platinum", "diamond", "private"].map((t) => [
        t,
        portfolio.customers.filter((c) => c.tier === t).length,
      ]),
    );
    expect(counts.standard! + counts.gold!).toBeGreaterThan(1500);
    expect(counts.platinum).toBeGreaterThan(20);
    expect(counts.diamond! + counts.private!).toBeGreaterThan(5);
    expect(counts.private).toBeLessThan(counts.diamond!);
  });

  it("gives each customer the tier its holdings earn", () => {
    for (const c of portfolio.customers.slice(0, 200)) {
      const holdings = portfolio.holdings.filter((h) => h.customerId === c.id);
      expect(c.tier).toBe(assignTier({ aum: computeAum(holdings).total }).tier);
    }
  });

  it("covers every transaction channel and every interaction channel", () => {
    expect(new Set(portfolio.transactions.map((t) => t.channel)).size).toBe(7);
    expect(new Set(portfolio.interactions.map((i) => i.channel)).size).toBe(10);
    expect(new Set(portfolio.holdings.map((h) => h.productType)).size).toBeGreaterThanOrEqual(11);
    for (const key of [
      "leads",
      "opportunities",
      "campaigns",
      "campaignResponses",
      "serviceCases",
      "tasks",
      "relationshipGroups",
      "salesTargets",
    ] as const) {
      expect(portfolio[key].length, key).toBeGreaterThan(0);
    }
  });

  it("never offers an investment product above the customer's risk tolerance", () => {
    const byId = new Map(portfolio.customers.map((c) => [c.id, c]));
    for (const h of portfolio.holdings) {
      if (!h.riskLevel) continue;
      const tolerance = byId.get(h.customerId)!.riskTolerance;
      expect(tolerance, h.id).toBeDefined();
      expect(Number(h.riskLevel.slice(1))).toBeLessThanOrEqual(Number(tolerance!.slice(1)));
    }
  });

  it("derives one customer's history from the seed and the customer alone", () => {
    const customer = portfolio.customers[1234]!;
    const history = generateCustomerHistory(customer, { seed: "demo-test", asOf: portfolio.asOf, months: 6 });
    expect(history.holdings).toEqual(portfolio.holdings.filter((h) => h.customerId === customer.id));
    expect(history.transactions).toEqual(portfolio.transactions.filter((t) => t.customerId === customer.id));
    expect(history.interactions).toEqual(portfolio.interactions.filter((i) => i.customerId === customer.id));
    // …and a larger portfolio from the same seed starts with the same customers.
    const small = generateDemoPortfolio({ seed: "demo-test", customers: 10, months: 6 });
    expect(small.customers).toEqual(portfolio.customers.slice(0, 10));
  });

  it("generates any slice of the same customers in chunks, tiers included", () => {
    const slice = generateDemoCustomers({ seed: "demo-test", start: 1500, count: 20, asOf: portfolio.asOf });
    expect(slice).toEqual(portfolio.customers.slice(1500, 1520));
  });

  it("keeps history within the requested months before asOf", () => {
    const asOf = Date.parse(`${portfolio.asOf}T00:00:00Z`);
    const from = asOf - 6 * 31 * 86_400_000;
    for (const t of portfolio.transactions) {
      expect(Date.parse(t.at)).toBeLessThanOrEqual(asOf);
      expect(Date.parse(t.at)).toBeGreaterThan(from);
    }
    for (const i of portfolio.interactions) expect(Date.parse(i.at)).toBeLessThanOrEqual(asOf);
  });

  it("reports progress and refuses bad options with typed errors", () => {
    const seen: number[] = [];
    generateDemoPortfolio({ customers: 2500, detail: "holdings", onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1000, 2000, 2500]);
    for (const options of [{ customers: -1 }, { customers: 1.5 }, { months: 0 }, { asOf: "yesterday" }]) {
      try {
        generateDemoPortfolio(options);
        expect.unreachable();
      } catch (error) {
        expect(isInvalidArgumentError(error)).toBe(true);
      }
    }
  });
});
