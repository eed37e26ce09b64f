/**
 * Issue 2's goal: generating a 100,000-customer demo portfolio in Node in under
 * 30 s, with its memory. The peer run beside it is a plain loop that allocates
 * as many records of a similar shape (an id, an ISO timestamp, a money object)
 * — the floor for producing that much data at all.
 */
import { generateDemoCustomers, generateDemoPortfolio } from "@bankcrm/core/demo";
import { fmtMs, gc, heapMb, report, time } from "./measure.js";

/** Generates the portfolio and returns its figures; the portfolio itself is dropped on return. */
function generateAndMeasure(customers: number) {
  gc();
  const before = heapMb();
  const t0 = performance.now();
  const portfolio = generateDemoPortfolio({ seed: "bench", customers });
  const ms = performance.now() - t0;
  gc();
  const heap = heapMb() - before;
  const lists = Object.entries(portfolio as Record<string, unknown>).filter((e): e is [string, unknown[]] =>
    Array.isArray(e[1]),
  );
  return {
    ms,
    heap,
    counts: lists.map(([k, v]) => `${k} ${v.length.toLocaleString("en")}`),
    records: lists.reduce((n, [, v]) => n + v.length, 0),
  };
}

export function benchDemoGenerator(customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000)): void {
  const full = generateAndMeasure(customers);
  gc();
  const floor = time(
    `plain loop allocating ${full.records.toLocaleString("en")} similar records`,
    () => {
      const out: object[] = [];
      const start = Date.UTC(2026, 0, 1);
      for (let i = 0; i < full.records; i++) {
        out.push({
          id: `R${i}`,
          customerId: `CU${i % customers}`,
          at: new Date(start + i * 1000).toISOString(),
          amount: { amount: i, currency: "CNY" },
          channel: "mobile_app",
          category: "consumption",
        });
      }
      return out.length;
    },
    { runs: 1, warmup: 0 },
  );
  gc();
  const customersOnly = time(
    `generateDemoCustomers(${customers.toLocaleString("en")}) — customers + tiers`,
    () => generateDemoCustomers({ seed: "bench", count: customers }),
    { runs: 1, warmup: 0 },
  );
  report(
    `Demo portfolio, ${customers.toLocaleString("en")} customers, 12 months of history (goal: < 30 s)`,
    [
      floor,
      { name: `generateDemoPortfolio(${customers.toLocaleString("en")}) — full`, ms: full.ms, runs: 1 },
      customersOnly,
    ],
    [
      `records: ${full.counts.join(", ")}`,
      `heap retained by the portfolio: ${full.heap.toFixed(0)} MB; full generation took ${fmtMs(full.ms)}`,
    ],
  );
}
