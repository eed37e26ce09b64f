/**
 * A synthetic book for the metrics bench — a million customers is more than
 * the demo generator makes quickly — each with two to four holdings and a
 * year of transactions (0 to 24), from a seeded random stream, in batches.
 */
import { createRandom, type BookCustomer, type Customer, type Holding, type Transaction } from "@bankcrm/core";

const PRODUCTS = ["current_deposit", "time_deposit", "wealth_management", "fund", "credit_card", "mortgage"] as const;
const CHANNELS = ["mobile_app", "online_banking", "branch_counter", "atm"] as const;
export const AS_OF = "2026-11-30";
const DAY = 86_400_000;
const END = Date.parse(`${AS_OF}T00:00:00Z`);

export function* syntheticBook(total: number, batch = 10_000): Generator<BookCustomer[]> {
  const rnd = createRandom("bench-book");
  for (let start = 0; start < total; start += batch) {
    const out: BookCustomer[] = [];
    for (let i = start; i < Math.min(total, start + batch); i++) {
      const id = `CU${String(i).padStart(8, "0")}`;
      const customer = {
        id,
        kind: "individual",
        status: "active",
        onboardedAt: `20${10 + rnd.int(0, 15)}-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}`,
      } as Customer;
      const holdings: Holding[] = [];
      for (let h = rnd.int(2, 4); h > 0; h--) {
        const productType = PRODUCTS[rnd.int(0, PRODUCTS.length - 1)]!;
        holdings.push({
          id: `${id}-H${h}`,
          customerId: id,
          productType,
          productCode: productType,
          accountNumber: `${id}${h}`,
          balance: { amount: Math.round(Math.exp(rnd.next() * 12 + 6)), currency: "CNY" },
          openedAt: "2020-01-01",
          status: "active",
        });
      }
      const transactions: Pick<Transaction, "at" | "amount" | "channel" | "fee" | "direction">[] = [];
      // Each customer spends around their own typical amount (the heterogeneity Gamma-Gamma models).
      const typical = Math.exp(rnd.next() * 6 + 8);
      for (let t = rnd.int(0, 24); t > 0; t--)
        transactions.push({
          at: new Date(END - rnd.int(0, 364) * DAY - rnd.int(0, 86_399) * 1000).toISOString(),
          amount: { amount: Math.max(100, Math.round(typical * (0.5 + rnd.next()))), currency: "CNY" },
          channel: CHANNELS[rnd.int(0, CHANNELS.length - 1)]!,
          direction: rnd.next() < 0.5 ? "debit" : "credit",
        });
      out.push({ customer, holdings, transactions });
    }
    yield out;
  }
}
