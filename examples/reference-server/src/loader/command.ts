/**
 * `pnpm reference-server import --source CORE --mapping core.yaml files…`: each file loaded by the mapping (the
 * loader's one pipeline, load.ts), a progress line with rows a second and the time left, each refused row written to
 * `<file>.rejects.csv` (file, line, column, code, message in zh-CN and English), and a summary with the counts by
 * reason. The mapping is checked before any file is opened; a file that cannot be read stops with what is wrong.
 */
import { readFileSync, writeFileSync, appendFileSync } from "node:fs";
import type { Database } from "../database.js";
import { csvCell } from "./extract.js";
import { loadFile, LoadError } from "./load.js";
import { MappingError, parseMapping, SOURCE_SYSTEM } from "./mapping.js";
import type { QualityReport } from "./quality.js";
import type { Reject } from "./rows.js";

const REJECT_HEADER = "file,line,column,code,message_zh,message_en,source_key\n";

/**
 * The command's arguments: `--source`, `--mapping`, `--batch` (rows a transaction, default 5,000), `--resolve`
 * (after a customer file, the resolution job) with `--priority CORE,CARD` (its source systems, most trusted first),
 * the files.
 */
export function importArgs(args: readonly string[]): {
  source: string;
  mapping: string;
  batch: number;
  resolve: boolean;
  priority: string[] | undefined;
  files: string[];
} {
  const out = {
    source: "",
    mapping: "",
    batch: 5000,
    resolve: false,
    priority: undefined as string[] | undefined,
    files: [] as string[],
  };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--source") out.source = args[++i] ?? "";
    else if (args[i] === "--mapping") out.mapping = args[++i] ?? "";
    else if (args[i] === "--batch") out.batch = Number(args[++i]);
    else if (args[i] === "--resolve") out.resolve = true;
    else if (args[i] === "--priority") out.priority = (args[++i] ?? "").split(",").filter(Boolean);
    else out.files.push(args[i]!);
  }
  const priorityOk =
    out.priority === undefined || (out.priority.length > 0 && out.priority.every((p) => SOURCE_SYSTEM.test(p)));
  if (!out.mapping || out.files.length === 0 || !Number.isSafeInteger(out.batch) || out.batch < 1 || !priorityOk)
    throw new Error(
      "usage: import --source <SYSTEM> --mapping <mapping.yaml> [--batch <rows>] [--resolve [--priority CORE,CARD]] <file>…",
    );
  return out;
}

/** The report in a line: the least complete fields, and the suspected duplicates or orphans (GET /load/quality). */
function qualityLine(q: QualityReport): string {
  const share = (filled: number) => `${Math.round((100 * filled) / Math.max(q.records, 1))}%`;
  const least = [...q.completeness]
    .sort((a, b) => a.filled - b.filled)
    .slice(0, 3)
    .map((f) => `${f.field} ${share(f.filled)}`);
  return (
    `quality: ${q.records.toLocaleString("en")} records; least complete ${least.join(", ") || "—"}` +
    (q.duplicates ? `; ${q.duplicates.groups} identity numbers on more than one customer` : "") +
    (q.orphans ? `; ${q.orphans.count} without their ${q.collection === "holdings" ? "customer" : "holding"}` : "")
  );
}

/** Runs the import; its exit code (0: every file read, rejects or not; 1: a file or the mapping could not be). */
export async function runImport(db: Database, args: readonly string[], log = console.log): Promise<number> {
  const { source, mapping: mappingFile, batch, files, resolve, priority } = importArgs(args);
  let mapping;
  try {
    mapping = parseMapping(readFileSync(mappingFile, "utf8"), mappingFile);
  } catch (error) {
    if (error instanceof MappingError) return (log(`mapping: ${error.message}`), 1);
    throw error;
  }
  if (source && source !== mapping.source)
    return (log(`mapping: ${mappingFile} is for ${mapping.source}, not --source ${source}`), 1);
  for (const file of files) {
    const rejects = `${file}.rejects.csv`;
    writeFileSync(rejects, REJECT_HEADER);
    const started = performance.now();
    const line = (r: Reject) => [r.file, r.line, r.column, r.code, r.zh, r.en, r.key].map(csvCell).join(",") + "\n";
    try {
      const summary = await loadFile(db, mapping, file, {
        batchSize: batch,
        onReject: (r) => appendFileSync(rejects, line(r)),
        onProgress: (p) => {
          const seconds = (performance.now() - started) / 1000;
          const rate = p.rows / Math.max(seconds, 0.001);
          const left = p.bytes > 0 ? (seconds * (p.totalBytes - p.bytes)) / p.bytes : 0;
          process.stdout.write(
            `\r${file}: ${Math.round((100 * p.bytes) / Math.max(p.totalBytes, 1))}% · ${p.rows.toLocaleString("en")} rows · ${Math.round(rate).toLocaleString("en")} rows/s · ${Math.round(left)} s left   `,
          );
        },
      });
      const reasons = Object.entries(summary.byReason)
        .map(([code, n]) => `${code} ${n}`)
        .join(", ");
      log(
        `\n${file} (${summary.encoding}): ${summary.rows.toLocaleString("en")} rows, ${summary.loaded.toLocaleString("en")} written` +
          (summary.resumedFrom > 0 ? ` after ${summary.resumedFrom.toLocaleString("en")} already committed` : "") +
          `, ${summary.rejected.toLocaleString("en")} refused${reasons ? ` (${reasons}) — see ${rejects}` : ""}`,
      );
      if (summary.quality) log(qualityLine(summary.quality));
    } catch (error) {
      if (error instanceof LoadError) return (log(`${error.message}`), 1);
      throw error;
    }
  }
  if (mapping.collection === "customers") await afterCustomers(db, resolve, priority, log);
  log(`peak resident memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  return 0;
}

/**
 * After a customer file: the records it wrote folded for entity resolution (what the job would fold first, now,
 * while the rows are fresh), and with `--resolve` the job itself — merges, and the review queue.
 */
async function afterCustomers(
  db: Database,
  resolve: boolean,
  priority: string[] | undefined,
  log: (line: string) => void,
) {
  const { foldParties } = await import("../resolution/book.js");
  if (!resolve) {
    const { folded } = await foldParties(db);
    return log(`resolution: ${folded.toLocaleString("en")} customer records folded (pnpm reference-server resolve)`);
  }
  const { resolveBook, RESOLUTION_JOB, runSummary } = await import("../resolution/job.js");
  log(`resolution: ${runSummary(await resolveBook(db, RESOLUTION_JOB, priority ? { priority } : {}))}`);
}
