/**
 * A module worker serving the book's metrics over a demo book it generates (as
 * a bank's worker would read its own from IndexedDB): 300 customers, or 3,000
 * when started with the name "big", in batches of 100.
 */
import { type BookCustomer } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { serveBookMetrics } from "@bankcrm/core/analytics";

export function demoBook(customers: number): BookCustomer[] {
  const p = generateDemoPortfolio({ seed: "metrics-worker", customers });
  const by = <T extends { customerId: string }>(xs: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.customerId, [...(m.get(x.customerId) ?? []), x]);
    return m;
  };
  const holdings = by(p.holdings);
  const transactions = by(p.transactions);
  const cases = by(p.serviceCases);
  return p.customers.map((customer) => ({
    customer,
    holdings: holdings.get(customer.id) ?? [],
    transactions: transactions.get(customer.id) ?? [],
    serviceCases: cases.get(customer.id) ?? [],
  }));
}

if ("WorkerGlobalScope" in globalThis) {
  const book = demoBook(self.name === "big" ? 3000 : 300);
  serveBookMetrics(self, {
    total: book.length,
    // The whole book, or one part of it: the parts in order make the book.
    *batches(part) {
      const from = part ? Math.floor((book.length * part.index) / part.count) : 0;
      const to = part ? Math.floor((book.length * (part.index + 1)) / part.count) : book.length;
      for (let i = from; i < to; i += 100) yield book.slice(i, Math.min(to, i + 100));
    },
  });
}
