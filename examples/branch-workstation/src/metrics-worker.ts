/**
 * The book's value metrics off the page's thread: core's two-pass job
 * (`serveBookMetrics`) over the demo bank. The worker reads the book itself —
 * a bank's worker would read its IndexedDB or the warehouse; the demo
 * generates each customer's full history from the seed, exactly what opening
 * the customer puts in the store (book.ts `ensureHistory`). Its name carries
 * the seed and the book's size: `{"seed":"bankcrm","total":50000}`.
 */
import { type BookCustomer, type BookPart, type Customer } from "@bankcrm/core";
import { DEMO_AS_OF, generateCustomerHistory, generateDemoCustomers } from "@bankcrm/core/demo";
import { serveBookMetrics } from "@bankcrm/core/analytics";

const BATCH = 500;
const { seed, total } = JSON.parse(self.name) as { seed: string; total: number };
// The customers are kept between the two passes; their histories are generated again (they are most of the memory).
const customers = new Map<number, Customer[]>();

/** The book, or one part of it (startBookMetricsParallel: one part per worker, in order). */
function* batches(part: BookPart = { index: 0, count: 1 }): Generator<BookCustomer[]> {
  const count = Math.ceil(total / BATCH);
  const first = Math.floor((count * part.index) / part.count);
  const last = Math.floor((count * (part.index + 1)) / part.count);
  for (let k = first; k < last; k++) {
    const start = k * BATCH;
    let chunk = customers.get(start);
    if (!chunk)
      customers.set(start, (chunk = generateDemoCustomers({ seed, start, count: Math.min(BATCH, total - start) })));
    yield chunk.map((customer) => {
      const h = generateCustomerHistory(customer, { seed, asOf: DEMO_AS_OF });
      return { customer, holdings: h.holdings, transactions: h.transactions, serviceCases: h.serviceCases };
    });
  }
}

serveBookMetrics(self, { total, batches });
