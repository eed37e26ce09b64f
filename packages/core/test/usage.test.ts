/**
 * Product and service usage over a hand-worked book of four customers (as-of 2026-11-30, a twelve-month window
 * December 2025 – November 2026 on the bank's calendar):
 *
 *   A: current deposit, credit card          — mobile app in October and November, the branch counter in November
 *   B: current deposit, fund, a closed mortgage — mobile app in November; a transaction after the as-of day
 *   C: current deposit                        — none
 *   D: credit card, fund (two fund accounts, one in USD) — ATM in November 2025 (before the window), online banking in
 *      June; and 2025-11-30T16:30Z, which is already 1 December 2025 in Beijing: inside the window
 */
import { describe, expect, it } from "vitest";
import { productUsage, type UsageCustomer } from "../src/analytics/index.js";
import { BankcrmInvalidArgumentError } from "../src/errors/index.js";

const cny = (amount: number) => ({ amount, currency: "CNY" });
const hold = (productType: string, amount: number, status = "active", currency = "CNY") =>
  ({ productType, status, balance: { amount, currency } }) as UsageCustomer["holdings"][number];
const tx = (at: string, channel: string) => ({ at, channel }) as UsageCustomer["transactions"][number];

const book: UsageCustomer[] = [
  {
    customer: { id: "A" },
    holdings: [hold("current_deposit", 1_000), hold("credit_card", 500)],
    transactions: [
      tx("2026-10-03T10:00:00+08:00", "mobile_app"),
      tx("2026-11-20T10:00:00+08:00", "mobile_app"),
      tx("2026-11-21T10:00:00+08:00", "branch_counter"),
    ],
  },
  {
    customer: { id: "B" },
    holdings: [hold("current_deposit", 2_000), hold("fund", 3_000), hold("mortgage", 90_000, "closed")],
    transactions: [tx("2026-11-30T23:59:00+08:00", "mobile_app"), tx("2026-12-01T00:01:00+08:00", "mobile_app")],
  },
  { customer: { id: "C" }, holdings: [hold("current_deposit", 4_000)], transactions: [] },
  {
    customer: { id: "D" },
    holdings: [hold("credit_card", 700), hold("fund", 1_000), hold("fund", 50, "active", "USD")],
    transactions: [
      tx("2025-11-15T10:00:00+08:00", "atm"),
      tx("2025-11-30T16:30:00Z", "online_banking"),
      tx("2026-06-10T10:00:00+08:00", "online_banking"),
    ],
  },
];

describe("productUsage", () => {
  const usage = productUsage(book, { asOf: "2026-11-30" });

  it("gives each product's reach: holders, penetration, accounts and balances, the most held first", () => {
    expect(usage.customers).toBe(4);
    expect(usage.products).toEqual([
      { type: "current_deposit", holders: 3, penetration: 0.75, accounts: 3, balances: [cny(7_000)] },
      { type: "credit_card", holders: 2, penetration: 0.5, accounts: 2, balances: [cny(1_200)] },
      {
        type: "fund",
        holders: 2,
        penetration: 0.5,
        accounts: 3,
        balances: [cny(4_000), { amount: 50, currency: "USD" }],
      },
    ]);
  });

  it("gives the depth of each relationship and the products held together", () => {
    // A 2, B 2 (the mortgage is closed), C 1, D 2.
    expect(usage.depth).toEqual({ distribution: [0, 1, 3], mean: 1.75 });
    expect(usage.crossHolding).toEqual({
      types: ["current_deposit", "credit_card", "fund"],
      both: [
        [3, 1, 1],
        [1, 2, 1],
        [1, 1, 2],
      ],
    });
  });

  it("gives each channel's use in the window and the customers active on it month by month", () => {
    expect(usage.channels).toEqual([
      { channel: "mobile_app", transactions: 3, users: 2, share: 0.5, reach: 0.5 },
      { channel: "online_banking", transactions: 2, users: 1, share: 2 / 6, reach: 0.25 },
      { channel: "branch_counter", transactions: 1, users: 1, share: 1 / 6, reach: 0.25 },
    ]);
    expect(usage.trend.months[0]).toBe("2025-12");
    expect(usage.trend.months.at(-1)).toBe("2026-11");
    const month = (m: string) => usage.trend.months.indexOf(m);
    const mobile = usage.trend.active.mobile_app!;
    expect(mobile[month("2026-10")]).toBe(1);
    expect(mobile[month("2026-11")]).toBe(2);
    expect(mobile.reduce((s, x) => s + x, 0)).toBe(3);
    const online = usage.trend.active.online_banking!;
    expect([online[month("2025-12")], online[month("2026-06")]]).toEqual([1, 1]);
    expect(usage.trend.active.atm).toBeUndefined();
  });

  it("is empty for an empty book, and refuses a day or window that is not one", () => {
    expect(productUsage([], { asOf: "2026-11-30", months: 3 })).toEqual({
      customers: 0,
      products: [],
      depth: { mean: 0, distribution: [] },
      crossHolding: { types: [], both: [] },
      channels: [],
      trend: { months: ["2026-09", "2026-10", "2026-11"], active: {} },
    });
    expect(() => productUsage(book, { asOf: "soon" })).toThrow(BankcrmInvalidArgumentError);
    expect(() => productUsage(book, { asOf: "2026-11-30", months: 0 })).toThrow(BankcrmInvalidArgumentError);
  });
});
