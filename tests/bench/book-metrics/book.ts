/**
 * A synthetic book for the metrics bench — a million customers is more than
 * the demo generator makes quickly — each with two to four holdings and a
 * year of transactions (0 to 24), from a seeded random stream, in batches.
 */
import { type BookCustomer, type Customer, type Holding, type Transaction } from "@bankcrm/core";
import { createRandom } from "@bankcrm/core/demo";

const PRODUCTS = ["current_deposit", "time_deposit", "wealth_management", "fund", "credit_card", "mortgage"] as const;
const CHANNELS = ["mobile_app", "online_banking", "branch_counter", "atm"] as const;
export const AS_OF = "2026-11-30";
const DAY = 86_400_000;
const END = Date.parse(`${AS_OF}T00:00:00Z`);

/** A Gamma(shape, 1) variate (Marsaglia and Tsang; below shape 1 by the usual boost). */
function gamma(shape: number, rnd: { next(): number }): number {
  if (shape < 1) return gamma(shape + 1, rnd) * Math.pow(1 - rnd.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    // A standard normal by Box–Muller.
    const z = Math.sqrt(-2 * Math.log(1 - rnd.next())) * Math.cos(2 * Math.PI * rnd.next());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - rnd.next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

function beta(a: number, b: number, rnd: { next(): number }): number {
  const x = gamma(a, rnd);
  return x / (x + gamma(b, rnd));
}

/**
 * The book in batches of `batch`; given a part, only that part's batches (the
 * parts in order make the book). Each batch has its own seeded stream, so a
 * part is generated alone exactly as in the whole.
 */
export function* syntheticBook(
  total: number,
  batch = 10_000,
  part: { index: number; count: number } = { index: 0, count: 1 },
): Generator<BookCustomer[]> {
  const batches = Math.ceil(total / batch);
  const first = Math.floor((batches * part.index) / part.count);
  const last = Math.floor((batches * (part.index + 1)) / part.count);
  for (let k = first; k < last; k++) {
    const start = k * batch;
    const rnd = createRandom(`bench-book:${start}`);
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
      // As the models assume (BG/NBD and Gamma-Gamma): purchases at a Gamma(0.8, 4 weeks) rate from
      // a first purchase within the year, each followed by a Beta(0.8, 2.5) chance of dropping out;
      // each purchase Gamma(6, ν) with ν ~ Gamma(3, 1/20,000) across customers.
      const rate = gamma(0.8, rnd) / 4;
      const dropout = beta(0.8, 2.5, rnd);
      const nu = gamma(3, rnd) / 20_000;
      let week = rnd.next() * 40;
      while (week < 52 && transactions.length < 60) {
        transactions.push({
          at: new Date(END - (52 - week) * 7 * DAY).toISOString(),
          amount: { amount: Math.max(100, Math.round(gamma(6, rnd) / nu)), currency: "CNY" },
          channel: CHANNELS[rnd.int(0, CHANNELS.length - 1)]!,
          direction: rnd.next() < 0.5 ? "debit" : "credit",
        });
        if (rnd.next() < dropout || !(rate > 0)) break;
        week += -Math.log(1 - rnd.next()) / rate;
      }
      out.push({ customer, holdings, transactions });
    }
    yield out;
  }
}
