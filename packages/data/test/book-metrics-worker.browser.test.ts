import { describe, expect, it } from "vitest";
import { type ChurnAlert, type CustomerValue } from "@bankcrm/core";
import { DEMO_AS_OF } from "@bankcrm/core/demo";
import { churnAlerts, computeBookMetrics, startBookMetrics, startBookMetricsParallel } from "@bankcrm/core/analytics";
import { demoBook } from "./support/metrics-worker.js";

// Vite finds workers by this literal form; the name picks the book's size.
const worker = (name = "small") =>
  new Worker(new URL("./support/metrics-worker.ts", import.meta.url), { type: "module", name });

describe("the book's metrics in a Web Worker (Chromium)", () => {
  it("scores every customer off the page's thread, with progress, exactly as on it", async () => {
    const w = worker();
    try {
      const progress: string[] = [];
      const scored: CustomerValue[] = [];
      const alerts: ChurnAlert[] = [];
      const book = demoBook(300);
      // A previous run that saw every customer alive: a fall of P(alive) is an alert.
      const previous = Object.fromEntries(book.map((b) => [b.customer.id, 1]));
      const run = startBookMetrics(w, {
        asOf: DEMO_AS_OF,
        previous,
        onProgress: (p) => progress.push(`${p.pass}:${p.done}/${p.total}`),
        onBatch: (customers, batchAlerts) => {
          scored.push(...customers);
          alerts.push(...batchAlerts);
        },
      });
      const { models, total } = await run.done;
      expect(total).toBe(300);
      expect(progress).toEqual(["1:100/300", "1:200/300", "1:300/300", "2:100/300", "2:200/300", "2:300/300"]);
      const here = computeBookMetrics(book, { asOf: DEMO_AS_OF });
      expect(models).toEqual(here.models);
      expect(scored).toEqual(here.customers);
      // The churn alerts, computed where the transactions are: the same as over the whole book here.
      const expected = churnAlerts(book, here.customers, {
        asOf: DEMO_AS_OF,
        previous: new Map(book.map((b) => [b.customer.id, { probabilityAlive: 1 }])),
      });
      expect(expected.some((a) => a.reasons.some((r) => r.code === "aliveFalling"))).toBe(true);
      const byId = (xs: ChurnAlert[]) => [...xs].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
      expect(byId(alerts)).toEqual(byId(expected));
    } finally {
      w.terminate();
    }
  }, 30_000);

  it("stops between batches when cancelled, and says so", async () => {
    const w = worker("big");
    // Every message the worker sends, to see what the cancelled run did after its cancel.
    const seen: { type: string; run: number; pass?: number; done?: number }[] = [];
    w.addEventListener("message", (e: MessageEvent) => seen.push(e.data as (typeof seen)[number]));
    try {
      let cancel = () => {};
      const run = startBookMetrics(w, {
        asOf: DEMO_AS_OF,
        onProgress: (p) => {
          if (p.pass === 1 && p.done === 200) cancel();
        },
      });
      cancel = () => run.cancel();
      await expect(run.done).rejects.toMatchObject({ name: "AbortError" });
      // The worker then serves the next run in full.
      const next = startBookMetrics(w, { asOf: DEMO_AS_OF });
      await expect(next.done).resolves.toMatchObject({ total: 3000 });
      const first = seen[0]!.run;
      const mine = seen.filter((m) => m.run === first);
      expect(mine.at(-1)!.type).toBe("cancelled");
      expect(mine.filter((m) => m.type === "batch")).toEqual([]); // never reached scoring
      expect(Math.max(...mine.filter((m) => m.type === "progress").map((m) => m.done!))).toBeLessThan(3000);
    } finally {
      w.terminate();
    }
  }, 60_000);

  it("scores on two workers, a part each, exactly what one worker scores", async () => {
    const workers = [worker(), worker()];
    try {
      const book = demoBook(300);
      const previous = Object.fromEntries(book.map((b) => [b.customer.id, 1]));
      const scored: CustomerValue[] = [];
      const alerts: ChurnAlert[] = [];
      const passes = new Set<number>();
      const run = startBookMetricsParallel(workers, {
        asOf: DEMO_AS_OF,
        previous,
        onProgress: (p) => passes.add(p.pass),
        onBatch: (customers, batchAlerts) => {
          scored.push(...customers);
          alerts.push(...batchAlerts);
        },
      });
      const { models, total } = await run.done;
      expect(total).toBe(300);
      expect([...passes].sort()).toEqual([1, 2]);
      const here = computeBookMetrics(book, { asOf: DEMO_AS_OF });
      expect(models).toEqual(here.models); // fitted on both parts' summaries, in the book's order
      const byId = <T extends { customerId: string }>(xs: T[]) =>
        [...xs].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
      expect(byId(scored)).toEqual(byId(here.customers));
      const expected = churnAlerts(book, here.customers, {
        asOf: DEMO_AS_OF,
        previous: new Map(book.map((b) => [b.customer.id, { probabilityAlive: 1 }])),
      });
      expect(byId(alerts)).toEqual(byId(expected));
      // Cancelled: both workers stop, and the run says so.
      const cancelled = startBookMetricsParallel(workers, { asOf: DEMO_AS_OF });
      cancelled.cancel();
      await expect(cancelled.done).rejects.toMatchObject({ name: "AbortError" });
    } finally {
      for (const w of workers) w.terminate();
    }
  }, 60_000);
});
