/**
 * Product and service usage (产品及服务使用分析) over a book: how far each product
 * has reached (penetration: the share of customers holding it open), how deep
 * relationships go (product types held per customer), which products are held
 * together (a cross-holding matrix: the cross-sell map's counts), and how
 * customers use each channel — transactions, users, reach — with the number of
 * customers active on each channel month by month over the last twelve. Months
 * are the bank's calendar (Beijing time); transactions after the as-of day are
 * left out, as are closed holdings.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Customer } from "../schemas/customer.js";
import type { Holding } from "../schemas/holding.js";
import type { Transaction } from "../schemas/transaction.js";
import { PRODUCT_TYPES, TRANSACTION_CHANNELS, type ProductType, type TransactionChannel } from "../vocabulary.js";
import { DAY_MS, instantMs, isoDay } from "../time.js";

export interface UsageCustomer {
  customer: Pick<Customer, "id">;
  holdings: readonly Pick<Holding, "productType" | "status" | "balance">[];
  transactions: readonly Pick<Transaction, "at" | "channel">[];
}

export interface ProductReach {
  type: ProductType;
  /** Customers holding it open. */
  holders: number;
  /** holders / the book's customers. */
  penetration: number;
  /** Open accounts of it (a customer may hold several). */
  accounts: number;
  /** Their balances, per currency (minor units). */
  balances: { currency: string; amount: number }[];
}

export interface ChannelUse {
  channel: TransactionChannel;
  /** Transactions on it in the window. */
  transactions: number;
  /** Customers with at least one. */
  users: number;
  /** Its share of the window's transactions. */
  share: number;
  /** users / the book's customers. */
  reach: number;
}

export interface ProductUsage {
  customers: number;
  /** Held products, the most held first (ties in the vocabulary's order). */
  products: ProductReach[];
  /** Product types held open per customer: the mean, and how many customers hold 0, 1, 2, … */
  depth: { mean: number; distribution: number[] };
  /** `both[i][j]`: customers holding `types[i]` and `types[j]` (the diagonal: holders) — `types` as `products`. */
  crossHolding: { types: ProductType[]; both: number[][] };
  /** Channels used in the window, the most transactions first. */
  channels: ChannelUse[];
  /** The window's months (YYYY-MM, oldest first) and, per channel used, the customers active on it each month. */
  trend: { months: string[]; active: Partial<Record<TransactionChannel, number[]>> };
}

export interface ProductUsageOptions {
  /** The last day counted (ISO date or Date). */
  asOf: string | Date;
  /** Months in the window, ending with the as-of day's. Default 12. */
  months?: number;
}

const BANK_OFFSET_MS = 8 * 3_600_000;
/** The bank's calendar month of an instant, as a number (year × 12 + month − 1). */
const monthOf = (ms: number) => {
  const d = new Date(ms + BANK_OFFSET_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const monthText = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

/** One pass over the book: each product's holders, accounts and balances, pairs held together, depth, channel use. */
function tally(book: readonly UsageCustomer[], end: number, first: number, months: number) {
  const holders = new Map<ProductType, number>();
  const accounts = new Map<ProductType, number>();
  const balances = new Map<ProductType, Map<string, number>>();
  const pairs = new Map<string, number>();
  const depth: number[] = [];
  const tx = new Map<TransactionChannel, number>();
  const users = new Map<TransactionChannel, number>();
  const active = new Map<TransactionChannel, number[]>();
  for (const { holdings, transactions } of book) {
    const held = new Set<ProductType>();
    for (const h of holdings) {
      if (h.status === "closed") continue;
      held.add(h.productType);
      accounts.set(h.productType, (accounts.get(h.productType) ?? 0) + 1);
      let byCurrency = balances.get(h.productType);
      if (!byCurrency) balances.set(h.productType, (byCurrency = new Map<string, number>()));
      byCurrency.set(h.balance.currency, (byCurrency.get(h.balance.currency) ?? 0) + h.balance.amount);
    }
    for (const a of held) {
      holders.set(a, (holders.get(a) ?? 0) + 1);
      for (const b of held) if (a < b) pairs.set(`${a} ${b}`, (pairs.get(`${a} ${b}`) ?? 0) + 1);
    }
    depth[held.size] = (depth[held.size] ?? 0) + 1;
    const used = new Set<TransactionChannel>();
    const activeIn = new Set<string>();
    for (const t of transactions) {
      const at = instantMs(t.at);
      if (!(at < end)) continue;
      const month = monthOf(at);
      if (month < first) continue;
      tx.set(t.channel, (tx.get(t.channel) ?? 0) + 1);
      used.add(t.channel);
      activeIn.add(`${t.channel} ${month - first}`);
    }
    for (const c of used) users.set(c, (users.get(c) ?? 0) + 1);
    for (const key of activeIn) {
      const [channel, at] = key.split(" ") as [TransactionChannel, string];
      let row = active.get(channel);
      if (!row) active.set(channel, (row = new Array<number>(months).fill(0)));
      row[Number(at)]!++;
    }
  }
  return { holders, accounts, balances, pairs, depth, tx, users, active };
}

export function productUsage(book: readonly UsageCustomer[], options: ProductUsageOptions): ProductUsage {
  const asOf = isoDay(options.asOf);
  const end = Date.parse(`${asOf}T00:00:00+08:00`) + DAY_MS; // the as-of day's end on the bank's calendar
  if (!Number.isFinite(end)) throw new BankcrmInvalidArgumentError("asOf", "a date, YYYY-MM-DD");
  const months = options.months ?? 12;
  if (!Number.isInteger(months) || months < 1 || months > 120)
    throw new BankcrmInvalidArgumentError("months", "a whole number of months, 1 to 120");
  const last = monthOf(end - 1);
  const first = last - months + 1;
  const { holders, accounts, balances, pairs, depth, tx, users, active } = tally(book, end, first, months);
  const n = book.length;
  const share = (x: number, of: number) => (of === 0 ? 0 : x / of);
  const types = PRODUCT_TYPES.filter((t) => holders.has(t)).sort((a, b) => holders.get(b)! - holders.get(a)!);
  const allTx = [...tx.values()].reduce((s, x) => s + x, 0);
  const channels = TRANSACTION_CHANNELS.filter((c) => tx.has(c)).sort((a, b) => tx.get(b)! - tx.get(a)!);
  const distribution = Array.from(depth, (x) => x ?? 0);
  return {
    customers: n,
    products: types.map((type) => ({
      type,
      holders: holders.get(type)!,
      penetration: share(holders.get(type)!, n),
      accounts: accounts.get(type)!,
      balances: [...balances.get(type)!].map(([currency, amount]) => ({ currency, amount })),
    })),
    depth: {
      mean: share(
        distribution.reduce((s, x, k) => s + x * k, 0),
        n,
      ),
      distribution,
    },
    crossHolding: {
      types,
      both: types.map((a) =>
        types.map((b) => (a === b ? holders.get(a)! : (pairs.get(a < b ? `${a} ${b}` : `${b} ${a}`) ?? 0))),
      ),
    },
    channels: channels.map((channel) => ({
      channel,
      transactions: tx.get(channel)!,
      users: users.get(channel)!,
      share: share(tx.get(channel)!, allTx),
      reach: share(users.get(channel)!, n),
    })),
    trend: {
      months: Array.from({ length: months }, (_, k) => monthText(first + k)),
      active: Object.fromEntries(channels.map((c) => [c, active.get(c)!])),
    },
  };
}
