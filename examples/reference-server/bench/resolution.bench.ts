/**
 * Entity resolution of a bank's book on PostgreSQL (`BENCH_ONLY=resolution-db`, only on its own; issue #29): the
 * labelled benchmark (BENCH_RESOLUTION_DB_PEOPLE people, default 720,000 — about a million source records) put in
 * `records`, then the server's job as it runs: every record folded into `resolution_parties` (Node: hanzi, pinyin,
 * IDs), the book blocked, compared, fitted and weighed in SQL, the pairs worth a decision decided by core. The
 * job runs in a process of its own (resolve-book.ts), whose peak resident memory is printed: it must not grow with
 * the book. Beside it, in the bench's process, core resolving the same records in Node alone — what a browser's
 * worker does (BENCH_RESOLUTION_DB_PEER=0 leaves it out) — and the quality of both against the truth.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDuplicatedBook } from "@bankcrm/core/demo/duplicates";
import { evaluate, partyOf, resolve } from "@bankcrm/core/resolution";
import { freshPostgresSchema } from "../../../packages/data/test/support/postgres.js";
import { openDatabase } from "../src/database.js";

const here = fileURLToPath(new URL(".", import.meta.url));

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const rounded = (q: ReturnType<typeof evaluate>) =>
  Object.fromEntries(Object.entries(q).map(([k, v]) => [k, Number(v.toFixed(4))]));

interface Resolved {
  folded: number;
  fold: number;
  resolving: number;
  steps: [string, number][];
  candidates: number;
  decided: number;
  review: number;
  skipped: number;
  clusters: string[][];
  peakMb: number;
}

/** The job's resolution in a child process (resolve-book.ts): its own memory, not the bench's book. */
async function resolveInChild(url: string): Promise<Resolved> {
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "resolve-book.ts"), url], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`resolve-book exited with ${code}`);
  return JSON.parse(out.trim().split("\n").at(-1)!) as Resolved;
}

export async function benchResolutionDatabase(people = Number(process.env.BENCH_RESOLUTION_DB_PEOPLE ?? 720_000)) {
  let t0 = performance.now();
  const book = generateDuplicatedBook({ seed: "bench-resolution-db", customers: people });
  const records = book.records.length;
  console.log(
    `\n## Entity resolution on PostgreSQL — ${records.toLocaleString("en")} source records (${people.toLocaleString("en")} people)`,
  );
  console.log(`  generated in ${seconds(t0).toFixed(1)} s`);
  const schema = await freshPostgresSchema();
  const db = await openDatabase({ url: schema.url, poolSize: 4 });
  try {
    t0 = performance.now();
    for (let at = 0; at < records; at += 50_000)
      await db.load("customers", book.records.slice(at, at + 50_000), {
        quiet: true,
      });
    console.log(`  put in records (COPY) in ${seconds(t0).toFixed(1)} s`);
    const r = await resolveInChild(schema.url);
    const clustered = new Set(r.clusters.flat());
    const all = [...r.clusters, ...book.records.filter((c) => !clustered.has(c.id)).map((c) => [c.id])];
    console.log(`  fold ${r.folded.toLocaleString("en")} records (Node)                  ${r.fold.toFixed(1)} s`);
    console.log(
      `  block, compare, fit, weigh (SQL); decide  ${r.resolving.toFixed(1)} s — ${r.candidates.toLocaleString("en")} candidate pairs, ` +
        `${r.decided.toLocaleString("en")} decided (${r.review.toLocaleString("en")} to review), ${r.skipped} blocks too big`,
    );
    console.log(`    ${r.steps.map(([name, s]) => `${name} ${s.toFixed(1)} s`).join("; ")}`);
    console.log(
      `  total ${(r.fold + r.resolving).toFixed(1)} s (goal: a million records under 120 s); the job's peak RSS ${r.peakMb.toFixed(0)} MB`,
    );
    console.log(`  quality: ${JSON.stringify(rounded(evaluate(all, book.truth)))}`);
    if (process.env.BENCH_RESOLUTION_DB_PEER === "0") return;
    t0 = performance.now();
    const core = resolve(book.records.map(partyOf));
    const inNode = seconds(t0);
    console.log(
      `  peer: core alone in Node (fold + resolve, one thread, the book in memory)  ${inNode.toFixed(1)} s — ` +
        `ratio ${(inNode / (r.fold + r.resolving)).toFixed(2)} (the database's way faster when > 1); ` +
        `quality ${JSON.stringify(rounded(evaluate(core.clusters, book.truth)))}, ` +
        `${core.pairs.filter((p) => p.decision === "review").length.toLocaleString("en")} to review`,
    );
  } finally {
    await db.driver.close();
    await schema.drop();
  }
}
