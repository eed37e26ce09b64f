/**
 * Entity resolution in Node (`BENCH_ONLY=resolution`; issue #29): the labelled benchmark (the demo bank with noisy
 * duplicates and hard non-matches, BENCH_RESOLUTION_CUSTOMERS, default 50,000) resolved by the core's code — the
 * same that runs in a browser's worker — beside the floor a bank has today: grouping records by their resident ID
 * number alone. Then the quality by merge threshold, from which docs/data/entity-resolution.md reads how to choose
 * one: pair precision and recall, B-cubed F1, and the pairs each threshold sends to review.
 */
import { fileURLToPath } from "node:url";
import { generateDuplicatedBook } from "@bankcrm/core/demo/duplicates";
import { evaluate, partyOf, resolve, type Party } from "@bankcrm/core/resolution";
import { launchChromium } from "../support/browser.js";
import { buildAndServe } from "../support/served.js";
import { report, time } from "./measure.js";

/** The floor: one customer per resident ID number as given (no folding, no upgrade, no model). */
function byIdNumber(records: readonly { id: string; idDocument?: { number: string } }[]) {
  const groups = new Map<string, string[]>();
  for (const r of records) {
    const key = r.idDocument?.number ?? r.id;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(r.id);
  }
  return [...groups.values()];
}

export function benchResolution(customers = Number(process.env.BENCH_RESOLUTION_CUSTOMERS ?? 50_000)): void {
  const book = generateDuplicatedBook({ seed: "bench-resolution", customers });
  const records = book.records as unknown as { id: string; idDocument?: { number: string } }[];
  let parties: Party[] = [];
  let clusters: string[][] = [];
  const floor = time("group by resident ID number (the floor)", () => byIdNumber(records), { runs: 3 });
  const folding = time(
    "fold every record (names, pinyin, IDs, addresses)",
    () => (parties = book.records.map(partyOf)),
    {
      runs: 1,
      warmup: 0,
    },
  );
  const resolving = time("block, fit the model by EM, score, cluster", () => (clusters = resolve(parties).clusters), {
    runs: 1,
    warmup: 0,
  });
  const rate = (book.records.length / ((folding.ms + resolving.ms) / 1000)).toFixed(0);
  report(
    `Entity resolution — ${book.records.length.toLocaleString("en")} source records (${customers.toLocaleString("en")} people)`,
    [floor, folding, resolving],
    [
      `${rate} records/s folded and resolved (goal: 50,000 in a browser's worker in under 30 s)`,
      `the floor's quality: ${JSON.stringify(rounded(evaluate(byIdNumber(records), book.truth)))}`,
      `resolved: ${clusters.length.toLocaleString("en")} customers`,
    ],
  );
  thresholdTable(book, parties);
  // A harder book: half the other systems' records under a passport (no ID to join or part them), and more
  // twins and namesakes born the same day — name, birth date, mobile and address decide.
  const hard = generateDuplicatedBook({ seed: "bench-resolution", customers, otherDocument: 0.5, hardNegatives: 0.1 });
  console.log(
    `  a harder book (${hard.records.length.toLocaleString("en")} records: half under a passport, 10% lookalikes):`,
  );
  thresholdTable(hard, hard.records.map(partyOf));
}

/** Quality by merge threshold (review at 0.5): pair precision and recall, B-cubed F1, the pairs sent to review. */
function thresholdTable(book: ReturnType<typeof generateDuplicatedBook>, parties: readonly Party[]) {
  console.log("  merge threshold   pair precision   pair recall   B-cubed F1   to review (of them the same person)");
  for (const merge of [0.5, 0.9, 0.99, 0.999, 0.99999]) {
    const result = resolve(parties, { thresholds: { merge, review: 0.5 } });
    const q = rounded(evaluate(result.clusters, book.truth));
    const review = result.pairs.filter((p) => p.decision === "review");
    const same = review.filter((p) => book.truth.get(p.a) === book.truth.get(p.b)).length;
    console.log(
      `  ${String(merge).padEnd(17)} ${String(q.pairPrecision).padEnd(16)} ${String(q.pairRecall).padEnd(13)} ${String(q.bcubedF1).padEnd(12)} ${review.length} (${same})`,
    );
  }
}

const rounded = (q: ReturnType<typeof evaluate>) => ({
  pairPrecision: Number(q.pairPrecision.toFixed(4)),
  pairRecall: Number(q.pairRecall.toFixed(4)),
  bcubedF1: Number(q.bcubedF1.toFixed(4)),
});

interface WorkerResult {
  records: number;
  people: number;
  generation: number;
  page: number;
  total: number;
  fold: number;
  resolve: number;
  longest: number;
  same: boolean;
  quality: ReturnType<typeof evaluate>;
}

/**
 * In Chromium (goal: 50,000 records in a worker in under 30 s): the labelled benchmark resolved in a Web Worker
 * (`resolveInWorker`, the records cloned across) beside the same code on the page's thread, and the page's longest
 * frame while the worker works.
 */
export async function benchResolutionWorker(people = Number(process.env.BENCH_RESOLUTION_WORKER_PEOPLE ?? 36_000)) {
  const site = await buildAndServe(fileURLToPath(new URL("./resolution-worker/", import.meta.url)));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => console.error("bench page error:", e.message));
    await page.goto(`${site.url}?people=${people}`);
    const r = (await page.evaluate(() =>
      (window as unknown as { __bench: () => Promise<unknown> }).__bench(),
    )) as WorkerResult;
    report(
      `Entity resolution in Chromium — ${r.records.toLocaleString("en")} source records (goal: 50,000 in a worker under 30 s)`,
      [
        { name: "core on the page's thread (fold + resolve)", ms: r.page, runs: 1 },
        { name: "resolveInWorker: cloned across, folded, resolved, answered", ms: r.total, runs: 1 },
        { name: "  of which folding in the worker", ms: r.fold, runs: 1 },
        { name: "  of which resolving in the worker", ms: r.resolve, runs: 1 },
      ],
      [
        `the same clusters on the page and in the worker: ${r.same ? "yes" : "NO"}; quality ${JSON.stringify(rounded(r.quality))}`,
        `the page's longest frame while the worker worked: ${r.longest.toFixed(0)} ms; generating the book took ${(r.generation / 1000).toFixed(1)} s (not counted)`,
      ],
    );
  } finally {
    await browser.close();
    await site.close();
  }
}
