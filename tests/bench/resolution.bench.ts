/**
 * Entity resolution in Node (`BENCH_ONLY=resolution`; issue #29): the labelled benchmark (the demo bank with noisy
 * duplicates and hard non-matches, BENCH_RESOLUTION_CUSTOMERS, default 50,000) resolved by the core's code — the
 * same that runs in a browser's worker — beside the floor a bank has today: grouping records by their resident ID
 * number alone. Then the quality by merge threshold, from which docs/data/entity-resolution.md reads how to choose
 * one: pair precision and recall, B-cubed F1, and the pairs each threshold sends to review.
 */
import { generateDuplicatedBook } from "@bankcrm/core/demo/duplicates";
import { evaluate, partyOf, resolve, type Party } from "@bankcrm/core/resolution";
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
