/**
 * The book's metrics over a million customers in Chromium: in a Web Worker
 * (serveBookMetrics / startBookMetrics) beside the same core job on the page's
 * thread, and the synthetic book's generation alone (both pay for it).
 */
import { type CustomerValue } from "@bankcrm/core";
import { createBookMetricsJob, startBookMetrics, startBookMetricsParallel } from "@bankcrm/core/analytics";
import { createModuleWorker } from "@bankcrm/elements/segment-counter.js";
import { AS_OF, syntheticBook } from "./book.js";
import workerUrl from "./worker.ts?worker&url";

/** A figure both sides must agree on: value scores and churn levels of every customer. */
const checksum = (v: CustomerValue) => Math.round(v.valueScore * 1000) + (v.churnLevel === "low" ? 0 : 1);

// Started by the bench once the page has loaded (the page's thread is then busy for a long time).
(window as unknown as { __bench: () => Promise<unknown> }).__bench = async () => {
  const n = Number(new URLSearchParams(location.search).get("n") ?? 1_000_000);
  // Generation alone (every run reads the book once).
  let t0 = performance.now();
  let generated = 0;
  for (const batch of syntheticBook(n)) generated += batch.length;
  const generation = performance.now() - t0;

  // The page's thread: the same two passes, pass 2 from what pass 1 kept.
  t0 = performance.now();
  const job = createBookMetricsJob({ asOf: AS_OF, keep: true });
  for (const batch of syntheticBook(n)) job.summarize(batch);
  job.fit();
  let pageScored = 0;
  let pageHigh = 0;
  for (const batch of job.scoreKept())
    for (const v of batch) {
      pageScored++;
      pageHigh += checksum(v);
    }
  const page = performance.now() - t0;

  // The worker: the page stays free; results come back batch by batch.
  // Under the page's Trusted Types CSP, through the bankcrm-worker policy; its name tells it the book's size.
  const worker = createModuleWorker(workerUrl, { name: String(n) });
  let workerScored = 0;
  let workerHigh = 0;
  let longest = 0;
  // The page's own work, beside the frames: Chromium's long tasks (over 50 ms: a message unpacked and handled is one
  // task) while the worker runs. A long frame without one is the machine's cores busy elsewhere (the worker, the
  // browser), not the page.
  let longTasks = 0;
  let longestTask = 0;
  // The task running now (the page's own run of the job above) ends after this: only tasks begun from here count.
  const since = performance.now();
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.startTime < since) continue;
      longTasks++;
      longestTask = Math.max(longestTask, e.duration);
    }
  });
  observer.observe({ type: "longtask" });
  let last = performance.now();
  const frames = (async () => {
    // The page's longest frame while the worker computes: it should stay a frame.
    while (workerScored < n) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }
  })();
  t0 = performance.now();
  const run = startBookMetrics(worker, {
    asOf: AS_OF,
    onBatch: (customers: CustomerValue[]) => {
      workerScored += customers.length;
      for (const v of customers) workerHigh += checksum(v);
    },
  });
  await run.done;
  const inWorker = performance.now() - t0;
  await frames;
  observer.disconnect();
  worker.terminate();

  // Two workers, half the book each (the machine's two cores): the models fitted here on both halves' summaries.
  const pair = [0, 1].map(() => createModuleWorker(workerUrl, { name: String(n) }));
  let pairScored = 0;
  let pairHigh = 0;
  t0 = performance.now();
  let pairRead = 0;
  let pairSummarised = 0;
  await startBookMetricsParallel(pair, {
    asOf: AS_OF,
    // The first scored part: both parts read and summarised, the models fitted here.
    onProgress: (p) => {
      if (p.pass === 1) pairSummarised = performance.now() - t0;
      if (p.pass === 2 && pairRead === 0) pairRead = performance.now() - t0;
    },
    onBatch: (customers: CustomerValue[]) => {
      pairScored += customers.length;
      for (const v of customers) pairHigh += checksum(v);
    },
  }).done;
  const inTwoWorkers = performance.now() - t0;
  for (const w of pair) w.terminate();
  return {
    n,
    generated,
    generation,
    page,
    inWorker,
    inTwoWorkers,
    pairRead,
    pairSummarised,
    pageScored,
    workerScored,
    pairScored,
    pageHigh,
    workerHigh,
    pairHigh,
    longest,
    longTasks,
    longestTask,
  };
};
