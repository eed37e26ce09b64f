/**
 * The loader in a process of its own (loader.bench.ts starts it): loads the sample extract's files found in a
 * directory into DATABASE_URL — customers, then holdings, then transactions — and prints one JSON line: the seconds,
 * each file's rows and seconds, and the process's peak resident memory.
 */
import { join } from "node:path";
import { openDatabase } from "../src/database.js";
import { sampleMappings } from "../src/loader/extract.js";
import { loadFile } from "../src/loader/load.js";

const [dir, batch] = process.argv.slice(2);
const db = await openDatabase({ url: process.env.DATABASE_URL });
const files: { file: string; rows: number; rejected: number; seconds: number }[] = [];
const started = performance.now();
for (const collection of ["customers", "holdings", "transactions"])
  for (const { file, mapping } of sampleMappings().filter((m) => m.mapping.collection === collection)) {
    const t = performance.now();
    const s = await loadFile(db, mapping, join(dir!, file), { batchSize: Number(batch ?? 5000) });
    files.push({ file, rows: s.loaded, rejected: s.rejected, seconds: (performance.now() - t) / 1000 });
  }
const seconds = (performance.now() - started) / 1000;
await db.close();
console.log(JSON.stringify({ seconds, files, peakMb: process.resourceUsage().maxRSS / 1024 }));
