/**
 * Issue 2's goal: generating a 100,000-customer demo portfolio in Node in under
 * 30 s, with its memory. The peer run beside it is a plain loop that allocates
 * as many records of a similar shape (an id, an ISO timestamp, a money object)
 * — the floor for producing that much data at all.
 */
import { generateDemoCustomers, generateDemoPortfolio, type DemoPortfolio } from "@bankcrm/core";
import { fmtMs, gc, heapMb, report, time } from "./measure.js";

export function benchDemoGenerator(customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000)): void {
  gc();
  const before = heapMb();
  let portfolio: DemoPortfolio | undefined;
  const t0 = performance.now();
  portfolio = generateDemoPortfolio({ seed: "bench", customers });
  const fullMs = performance.now() - t0;
  gc();
  const heap = heapMb() - before;
  const counts = Object.entries(portfolio)
    .filter(([, v]) => Array.isArray(v))
    .map(([k, v]) => `${k} ${(v as unknown[]).length.toLocaleString("en")}`);
  const records = Object.values(portfolio).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);
  portfolio = undefined;
  gc();
  const floor = time(
    `plain loop allocating ${records.toLocaleString("en")} similar records`,
    () => {
      const out: object[] = [];
      const start = Date.UTC(2026, 0, 1);
      for (let i = 0; i < records; i++) {
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
  const holdingsOnly = time(
    `generateDemoCustomers(${customers.toLocaleString("en")}) — customers + tiers`,
    () => generateDemoCustomers({ seed: "bench", count: customers }),
    { runs: 1, warmup: 0 },
  );
  report(
    `Demo portfolio, ${customers.toLocaleString("en")} customers, 12 months of history (goal: < 30 s)`,
    [
      floor,
      { name: `generateDemoPortfolio(${customers.toLocaleString("en")}) — full`, ms: fullMs, runs: 1 },
      holdingsOnly,
    ],
    [
      `records: ${counts.join(", ")}`,
      `heap retained by the portfolio: ${heap.toFixed(0)} MB; full generation took ${fmtMs(fullMs)}`,
    ],
  );
}
