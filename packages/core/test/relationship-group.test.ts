import { describe, expect, it } from "vitest";
import { BankcrmInvalidArgumentError, type Customer, type Holding, type RelationshipGroup } from "../src/index.js";
import { generateDemoPortfolio } from "../src/demo/index.js";
import { summarizeGroup } from "../src/analytics/index.js";

const p = generateDemoPortfolio({ seed: "group-test", customers: 40 });
const people = p.customers.filter((c) => c.kind === "individual").slice(0, 3);
const company = p.customers.find((c) => c.kind === "corporate")!;
const holding = (
  customerId: string,
  productType: Holding["productType"],
  amount: number,
  extra: Partial<Holding> = {},
) =>
  ({
    id: `H-${customerId}-${productType}-${amount}`,
    customerId,
    productType,
    balance: { amount, currency: "CNY" },
    status: "active",
    ...extra,
  }) as Holding;

describe("summarizeGroup", () => {
  const [head, spouse, child] = people as [Customer, Customer, Customer];
  const group: RelationshipGroup = {
    id: "HH-1",
    kind: "household",
    name: "王家",
    members: [
      { customerId: head.id, role: "head" },
      { customerId: spouse.id, role: "spouse" },
      { customerId: child.id, role: "child" },
      { customerId: company.id, role: "shareholder", share: 0.6 },
    ],
  };

  it("adds the members' AUM, what they owe and their contribution; members without records are named, not guessed", () => {
    const s = summarizeGroup(group, [
      {
        customer: head,
        holdings: [
          holding(head.id, "time_deposit", 300_000_00),
          holding(head.id, "mortgage", 1_200_000_00),
          holding(head.id, "fund", 50_000_00, { status: "closed" }), // closed: neither
        ],
        contribution: 8_000_00,
      },
      {
        customer: spouse,
        holdings: [
          holding(spouse.id, "wealth_management", 200_000_00),
          holding(spouse.id, "credit_card", 12_000_00),
          { ...holding(spouse.id, "consumer_loan", 9_999_00), balance: { amount: 9_999_00, currency: "USD" } },
        ],
      },
      {
        customer: company,
        holdings: [
          holding(company.id, "business_loan", 5_000_000_00),
          holding(company.id, "current_deposit", 800_000_00),
        ],
        contribution: 40_000_00,
      },
      // Not a member: ignored.
      { customer: p.customers.at(-1)!, holdings: [holding("X", "current_deposit", 1)], contribution: 1 },
    ]);
    expect(s.members.map((m) => [m.customerId, m.role, m.aum, m.creditExposure, m.contribution])).toEqual([
      [head.id, "head", 300_000_00, 1_200_000_00, 8_000_00],
      [spouse.id, "spouse", 200_000_00, 12_000_00, undefined],
      [company.id, "shareholder", 800_000_00, 5_000_000_00, 40_000_00],
    ]);
    expect(s.members[2]!.share).toBe(0.6);
    expect(s.aum).toBe(1_300_000_00);
    expect(s.creditExposure).toBe(6_212_000_00); // the USD loan is not added to yuan
    expect(s.contribution).toBe(48_000_00); // the members whose contribution is known
    expect(s.missing).toEqual([child.id]);
    expect(s.name).toBe("王家");
  });

  it("has no contribution when none is known, and refuses a currency that is not a code", () => {
    const s = summarizeGroup(group, [{ customer: head, holdings: [] }]);
    expect(s.contribution).toBeUndefined();
    expect(s.aum).toBe(0);
    expect(s.missing).toEqual([spouse.id, child.id, company.id]);
    expect(() => summarizeGroup(group, [], { currency: "yuan" })).toThrow(BankcrmInvalidArgumentError);
  });
});
