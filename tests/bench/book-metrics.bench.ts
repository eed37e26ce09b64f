/**
 * Issue 16's figures: the value models over 1,000,000 customers in Chromium, in
 * a Web Worker beside the same core job on the page's thread (goal: under 10 s
 * in the worker), with the synthetic book's generation timed alone.
 */
import { fileURLToPath } from "node:url";
import { launchChromium } from "../support/browser.js";
import { buildAndServe } from "../support/served.js";
import { report } from "./measure.js";

interface Result {
  n: number;
  generation: number;
  pairRead: number;
  pairSummarised: number;
  page: number;
  inWorker: number;
  inTwoWorkers: number;
  pageScored: number;
  workerScored: number;
  pairScored: number;
  pageHigh: number;
  workerHigh: number;
  pairHigh: number;
  longest: number;
  longTasks: number;
  longestTask: number;
}

export async function benchBookMetrics(n = Number(process.env.BENCH_METRICS_CUSTOMERS ?? 1_000_000)): Promise<void> {
  const site = await buildAndServe(fileURLToPath(new URL("./book-metrics/", import.meta.url)));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => console.error("bench page error:", e.message));
    await page.goto(`${site.url}?n=${n}`);
    const r = (await page.evaluate(() =>
      (window as unknown as { __bench: () => Promise<unknown> }).__bench(),
    )) as Result;
    report(
      `The value models over ${r.n.toLocaleString("en")} customers in Chromium (goal: under 10 s in the worker)`,
      [
        { name: "core job on the page's thread (two passes, one read, generation included)", ms: r.page, runs: 1 },
        { name: "serveBookMetrics in a Web Worker (generation included)", ms: r.inWorker, runs: 1 },
        { name: "startBookMetricsParallel: two workers, half each (generation included)", ms: r.inTwoWorkers, runs: 1 },
        { name: "two workers: until both parts are read (pass 1)", ms: r.pairSummarised, runs: 1 },
        { name: "two workers: until the models are fitted on the page and pass 2 starts", ms: r.pairRead, runs: 1 },
        { name: "of which: generating the synthetic book (read once)", ms: r.generation, runs: 1 },
      ],
      [
        `scored: page ${r.pageScored.toLocaleString("en")}, worker ${r.workerScored.toLocaleString("en")}, two workers ${r.pairScored.toLocaleString("en")}; checksum of value scores and churn levels: page ${r.pageHigh.toLocaleString("en")}, worker ${r.workerHigh.toLocaleString("en")}, two workers ${r.pairHigh.toLocaleString("en")} — ${r.pageScored === r.workerScored && r.pageHigh === r.workerHigh && r.pairScored === r.pageScored && r.pairHigh === r.pageHigh ? "equal" : "NOT EQUAL"}`,
        `the page's longest frame while the worker computed: ${r.longest.toFixed(0)} ms (goal ≤ 50 ms); the page's own work meanwhile: ${r.longTasks} long task${r.longTasks === 1 ? "" : "s"} over 50 ms${r.longTasks > 0 ? ` (the longest ${r.longestTask.toFixed(0)} ms)` : ""} (scored customers arrive 2,500 a message)${r.longest > 50 && r.longTasks === 0 ? " — a longer frame without a long task is the two cores busy with the worker and the browser, not the page" : ""}`,
        // A bank's book is read, not generated: each worker's share of the generation taken out (two workers each generate half, at once).
        `less the synthetic book's generation: one worker ≈ ${((r.inWorker - r.generation) / 1000).toFixed(1)} s, two workers ≈ ${((r.inTwoWorkers - r.generation / 2) / 1000).toFixed(1)} s (goal < 10 s)`,
      ],
    );
  } finally {
    await browser.close();
    await site.close();
  }
}
