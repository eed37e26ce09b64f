/**
 * Entity resolution of the labelled benchmark in Chromium: in a Web Worker (serveResolution / resolveInWorker, the
 * records cloned across) beside the same core code on the page's thread, with the page's longest frame while the
 * worker works.
 */
import { generateDuplicatedBook } from "@bankcrm/core/demo/duplicates";
import { evaluate, partyOf, resolve, resolveInWorker } from "@bankcrm/core/resolution";
import { createModuleWorker } from "@bankcrm/elements/segment-counter.js";
import workerUrl from "./worker.ts?worker&url";

(window as unknown as { __bench: () => Promise<unknown> }).__bench = async () => {
  const people = Number(new URLSearchParams(location.search).get("people") ?? 36_000);
  let t0 = performance.now();
  const book = generateDuplicatedBook({ seed: "bench-resolution-worker", customers: people });
  const generation = performance.now() - t0;

  t0 = performance.now();
  const here = resolve(book.records.map(partyOf));
  const page = performance.now() - t0;

  const worker = createModuleWorker(workerUrl, { name: "resolution" });
  let longest = 0;
  let last = performance.now();
  let running = true;
  const frames = (async () => {
    while (running) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }
  })();
  t0 = performance.now();
  const inWorker = await resolveInWorker(worker, book.records);
  const total = performance.now() - t0;
  running = false;
  await frames;
  worker.terminate();
  const clustered = new Set(inWorker.clusters.flat());
  const all = [...inWorker.clusters, ...book.records.filter((r) => !clustered.has(r.id)).map((r) => [r.id])];
  const same =
    JSON.stringify(inWorker.clusters.map((c) => [...c].sort().join()).sort()) ===
    JSON.stringify(
      here.clusters
        .filter((c) => c.length > 1)
        .map((c) => [...c].sort().join())
        .sort(),
    );
  return {
    records: book.records.length,
    people,
    generation,
    page,
    total,
    fold: inWorker.foldMs,
    resolve: inWorker.resolveMs,
    longest,
    same,
    quality: evaluate(all, book.truth),
  };
};
