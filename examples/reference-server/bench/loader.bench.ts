/**
 * The loader on PostgreSQL (`BENCH_ONLY=loader`): the demo bank exported as its source systems would (the sample
 * extract's six GBK files; BENCH_LOAD_CUSTOMERS, default 5,000), loaded through the loader's one pipeline — decode,
 * parse, map, validate, COPY into staging, set-based merge, source identities — beside a raw COPY of the same rows
 * into the same tables (the loaded `records` and `source_identities` copied out to files, then COPY'd into another
 * schema: no parsing, no validation, nothing but the database's own ingest). The figure is the ratio of rows a second (goal ≥ 0.5), with the
 * loader's resident memory at its peak (goal under 500 MB whatever the size).
 *
 * `BENCH_ONLY=load-scale` is the bank-scale target, never part of `pnpm test` nor of a plain `pnpm bench`:
 * BENCH_LOAD_CUSTOMERS (default 1,000,000) generated and exported in chunks of 10,000 with six months of history
 * (≈3M holdings, ≈20M transactions), then loaded the same way (goal: under 10 minutes).
 */
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { freshPostgresSchema } from "../../../packages/data/test/support/postgres.js";
import { openDatabase } from "../src/database.js";
import { openExtract } from "../src/loader/extract.js";

const CHUNK = 10_000;
const here = fileURLToPath(new URL(".", import.meta.url));

/** A bank of `customers` in chunks, each its own seed, its ids renumbered after the chunks before it. */
function* bankChunks(customers: number, months: number) {
  for (let at = 0, k = 0; at < customers; at += CHUNK, k++) {
    const size = Math.min(CHUNK, customers - at);
    const p = generateDemoPortfolio({ seed: `bankcrm-load-${k}`, customers: size, months });
    if (at === 0) {
      yield p;
      continue;
    }
    const renumber = <T>(records: readonly T[]) =>
      records.map(
        (r) =>
          JSON.parse(
            JSON.stringify(r).replace(/CU(\d{8})/g, (_, n: string) => `CU${String(Number(n) + at).padStart(8, "0")}`),
          ) as T,
      );
    yield { customers: renumber(p.customers), holdings: renumber(p.holdings), transactions: renumber(p.transactions) };
  }
}

interface Loaded {
  seconds: number;
  files: { file: string; rows: number; rejected: number; seconds: number }[];
  peakMb: number;
}

/** The loader in a process of its own (load-files.ts), as the command runs: its times and its peak memory. */
async function loadInChild(dir: string, url: string): Promise<Loaded> {
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "load-files.ts"), dir, "5000"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const line = out.split("\n").find((l) => l.startsWith("{"));
  if (code !== 0 || !line) throw new Error(`the loader's process failed (${code}): ${out}`);
  return JSON.parse(line) as Loaded;
}

/** What the loader writes, table by table: the records and their source identities. */
const TABLES = {
  records: "collection, id, customer_id, natural_key, tkey, created_at, body, etag",
  source_identities: "system, source_key, collection, record_id, load_run, load_line",
};

/**
 * The loaded tables copied out to files (not timed), then each file COPY … FROM STDIN into another schema's same
 * table (timed): the database's own ingest of the same rows, with nothing to parse or check.
 */
async function rawCopy(fromUrl: string, toUrl: string, dir: string): Promise<number> {
  const [source, sink] = [new pg.Client({ connectionString: fromUrl }), new pg.Client({ connectionString: toUrl })];
  await Promise.all([source.connect(), sink.connect()]);
  let seconds = 0;
  for (const [table, columns] of Object.entries(TABLES)) {
    const file = join(dir, `${table}.copy`);
    await pipeline(source.query(copyTo(`COPY (SELECT ${columns} FROM ${table}) TO STDOUT`)), createWriteStream(file));
    const t0 = performance.now();
    await pipeline(createReadStream(file), sink.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
    seconds += (performance.now() - t0) / 1000;
  }
  await Promise.all([source.end(), sink.end()]);
  return seconds;
}

async function run(customers: number, months: number, label: string) {
  const dir = mkdtempSync(join(tmpdir(), "bankcrm-load-bench-"));
  const t0 = performance.now();
  const extract = await openExtract(dir);
  for (const chunk of bankChunks(customers, months)) await extract.write(chunk);
  const files = await extract.close();
  const rows = Object.values(files).reduce((a, b) => a + b, 0);
  const bytes = Object.keys(files).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  console.log(
    `\n## The loader on PostgreSQL — ${label}\n  extract: ${rows.toLocaleString("en")} rows in six GBK files, ${(bytes / 1e6).toFixed(0)} MB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const [loaded, raw] = [await freshPostgresSchema(), await freshPostgresSchema()];
  for (const url of [loaded.url, raw.url]) await (await openDatabase({ url })).close(); // migrated: the same tables
  const { seconds, files: times, peakMb } = await loadInChild(dir, loaded.url);
  for (const f of times)
    console.log(
      `  ${f.file.padEnd(18)} ${f.rows.toLocaleString("en").padStart(12)} rows ${f.seconds.toFixed(1).padStart(7)} s ${Math.round(
        f.rows / f.seconds,
      )
        .toLocaleString("en")
        .padStart(8)} rows/s  rejected ${f.rejected}`,
    );
  const copySeconds = await rawCopy(loaded.url, raw.url, dir);
  const [loaderRate, copyRate] = [rows / seconds, rows / copySeconds];
  console.log(
    `  loader        ${seconds.toFixed(1)} s  ${Math.round(loaderRate).toLocaleString("en")} rows/s  peak RSS ${peakMb.toFixed(0)} MB (goal < 500)\n` +
      `  raw COPY      ${copySeconds.toFixed(1)} s  ${Math.round(copyRate).toLocaleString("en")} rows/s (the same rows into the same tables)\n` +
      `  ratio         ${(loaderRate / copyRate).toFixed(2)} of raw COPY (goal ≥ 0.5)`,
  );
  await Promise.all([loaded.drop(), raw.drop()]);
  rmSync(dir, { recursive: true, force: true });
}

export async function benchLoader() {
  const customers = Number(process.env.BENCH_LOAD_CUSTOMERS ?? 5_000);
  await run(customers, 12, `${customers.toLocaleString("en")} customers, twelve months`);
}

export async function benchLoaderScale() {
  const customers = Number(process.env.BENCH_LOAD_CUSTOMERS ?? 1_000_000);
  await run(customers, 6, `${customers.toLocaleString("en")} customers, six months (bank scale)`);
}
