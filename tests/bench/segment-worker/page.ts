/**
 * The builder's live count in Chromium: 1,000,000 plain rows, the counter's
 * Web Worker, a builder session's edits — each timed from `count()` to its
 * result (postMessage both ways included) — beside the same evaluation on the
 * page's thread.
 */
import { evaluateColumnar, createColumnarTable } from "@bankcrm/core";
import { createModuleWorker, createSegmentCounter } from "@bankcrm/elements/segment-counter.js";
import { edits, rowCatalog, rowSegment, rows } from "../segment-rows.data.js";
import workerUrl from "./worker.ts?worker&url";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

(window as unknown as { __bench: Promise<unknown> }).__bench = (async () => {
  const n = Number(new URLSearchParams(location.search).get("n") ?? 1_000_000);
  const book = rows(n);
  const now = new Date("2026-11-30T00:00:00Z");
  const counter = createSegmentCounter(book, rowCatalog, { worker: createModuleWorker(workerUrl), now, sampleSize: 5 });
  let t0 = performance.now();
  const first = await counter.count(rowSegment);
  const firstMs = performance.now() - t0;
  const session = edits();
  const worker: number[] = [];
  for (let round = 0; round < 2; round++)
    for (const d of session) {
      t0 = performance.now();
      await counter.count(d);
      worker.push(performance.now() - t0);
    }
  // Typing faster than counting: ten edits at once, only the last one's count arrives.
  t0 = performance.now();
  const burst = session.slice(0, 10).map((d) => counter.count(d).catch((e: Error) => e.name));
  const settled = await Promise.all(burst);
  const burstMs = performance.now() - t0;
  const stale = settled.filter((s) => s === "AbortError").length;
  counter.dispose();
  // The same evaluation on this thread (what a builder without a worker would block typing for).
  const table = createColumnarTable(book, rowCatalog, { idOf: (r) => r.customerNo });
  const main: number[] = [];
  for (let round = 0; round < 2; round++)
    for (const d of session) {
      t0 = performance.now();
      evaluateColumnar(d, rowCatalog, table, { now, countOnly: true });
      main.push(performance.now() - t0);
    }
  const mainCount = evaluateColumnar(rowSegment, rowCatalog, table, { now, countOnly: true }).count;
  return {
    n,
    firstMs,
    worker: median(worker),
    main: median(main),
    burstMs,
    stale,
    count: first.count,
    mainCount,
    runs: worker.length,
  };
})();
