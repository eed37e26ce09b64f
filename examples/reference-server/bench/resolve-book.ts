/**
 * The resolution of the book in a process of its own (resolution.bench.ts starts it, as the job runs): fold, then
 * resolve in the database. Prints one JSON line: each step's seconds, the clusters, the counts and the process's
 * peak resident memory.
 */
import { openDatabase } from "../src/database.js";
import { foldParties, resolveInDatabase } from "../src/resolution/book.js";

const db = await openDatabase({ url: process.argv[2]!, poolSize: 4 });
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
let t0 = performance.now();
const folded = await foldParties(db);
const fold = (performance.now() - t0) / 1000;
const steps: [string, number][] = [];
t0 = performance.now();
const r = await resolveInDatabase(db, { onStep: (name, ms) => steps.push([name, ms / 1000]) });
const resolving = (performance.now() - t0) / 1000;
clearInterval(sampler);
await db.driver.close();
console.log(
  JSON.stringify({
    folded: folded.folded,
    fold,
    resolving,
    steps,
    candidates: r.candidates,
    decided: r.pairs.length,
    review: r.pairs.filter((p) => p.decision === "review").length,
    skipped: r.skippedBlocks.length,
    clusters: r.clusters,
    peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
  }),
);
