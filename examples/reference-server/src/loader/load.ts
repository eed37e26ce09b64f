/**
 * The loader's pipeline (one for the command and for a feed): a file's bytes decoded — UTF-8 (with or without BOM),
 * GBK or GB18030, declared or detected, a wrong declaration refused before any row — parsed (CSV by csv-parse,
 * JSON Lines by line), each row mapped and validated (rows.ts), the good ones written in batches of one transaction
 * each — the records, their source identities, and how far the run has got — and every refused row listed with its
 * file, line, column, code and message. A row that cannot be read is a reject, never the end of the load; a run
 * stopped mid-way (even `kill -9`) and started again on the same file resumes after its last committed batch.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { parse, CsvError } from "csv-parse";
import iconv from "iconv-lite";
import type { Database } from "../database.js";
import { columnsOf, type Mapping } from "./mapping.js";
import { batchRow, duplicatesAmong, writeBatch, type BatchRow, type MergeRefusal } from "./merge.js";
import { BatchFill, reportQuality, type QualityReport } from "./quality.js";
import { mapRow, reject, type Reject } from "./rows.js";

/** A file the loader cannot read at all (its encoding, its header): said before any row is written. */
export class LoadError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "LoadError";
  }
}

export interface LoadProgress {
  rows: number;
  loaded: number;
  rejected: number;
  bytes: number;
  totalBytes: number;
}

export interface LoadSummary {
  file: string;
  encoding: string;
  rows: number;
  /** Good rows written by this run (a resumed run: those after the last committed batch). */
  loaded: number;
  /** Good rows an earlier run of the same file had committed. */
  resumedFrom: number;
  rejected: number;
  /** Refused rows by reason code. */
  byReason: Record<string, number>;
  /** Refused rows by the column of their first wrong cell, and its reason code. */
  byColumn: Record<string, Record<string, number>>;
  batches: number;
  /** The load's data-quality report (quality.ts), kept for head office. */
  quality?: QualityReport;
}

export interface LoadOptions {
  /** Good rows a transaction (default 5,000: the merge's fixed cost per batch spread thin, the batch held a few MB). */
  batchSize?: number;
  /** Each refused row, as it is found (the command writes them to the rejects file). */
  onReject?: (r: Reject) => void;
  onProgress?: (p: LoadProgress) => void;
  /** The longest record kept (characters of its values); a longer one is a reject. Default 1 MiB. */
  maxRecordBytes?: number;
  /** The load's day (YYYY-MM-DD): the date of a delta's close when its row gives none. Default: today in Beijing. */
  asOf?: string;
  /** After each committed batch (its number from 1): a test stops a run here, as a crash would. */
  afterBatch?: (n: number) => void;
}

const SAMPLE = 64 * 1024;
/** The longest record csv-parse holds before it gives up on the file (a quote never closed). */
const HARD_RECORD_CAP = 256 * 1024 * 1024;
const counts = ({ rows, loaded, rejected }: LoadSummary) => ({ rows, loaded, rejected });

/** The encoding to read the file in: as declared, checked against its first bytes, or detected. */
async function encodingOf(path: string, declared: Mapping["encoding"]): Promise<string> {
  const handle = await open(path, "r");
  const { buffer, bytesRead } = await handle.read(Buffer.alloc(SAMPLE), 0, SAMPLE, 0);
  await handle.close();
  const head = buffer.subarray(0, bytesRead);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  // A multi-byte character cut at the sample's end is not a fault: leave its last bytes out of the check.
  const body = bytesRead === SAMPLE ? head.subarray(0, bytesRead - 3) : head;
  let utf8 = true;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    utf8 = false;
  }
  const ascii = !body.some((b) => b > 0x7f);
  if (declared === "auto") return bom || utf8 ? "utf-8" : "gb18030";
  if (declared === "utf-8" && !utf8)
    throw new LoadError(path, "encoding", "declared UTF-8, but its bytes are not UTF-8 (a GBK export?)");
  if (declared !== "utf-8" && (bom || (utf8 && !ascii)))
    throw new LoadError(path, "encoding", `declared ${declared.toUpperCase()}, but the file is UTF-8`);
  return declared;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The file's rows with their line numbers (CSV, checked against the mapping's columns; or JSON Lines). */
async function* rowsOf(
  path: string,
  mapping: Mapping,
  encoding: string,
  o: LoadOptions,
  refuse: (r: Reject) => void,
  read: { bytes: () => number },
) {
  const bytes = createReadStream(path);
  read.bytes = () => bytes.bytesRead;
  const text = bytes.pipe(iconv.decodeStream(encoding));
  if (mapping.format === "jsonl") {
    let line = 0;
    for await (const raw of createInterface({ input: text, crlfDelay: Infinity })) {
      line++;
      if (raw.trim() === "") continue;
      try {
        const row: unknown = JSON.parse(raw);
        if (typeof row !== "object" || row === null || Array.isArray(row)) throw new Error("not an object");
        yield { row: row as Record<string, unknown>, line };
      } catch (error) {
        refuse(reject({ file: path, line, key: "" }, "", "malformedRow", { value: (error as Error).message }));
      }
    }
    return;
  }
  const needed = columnsOf(mapping);
  const parser = parse({
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim());
      const missing = needed.filter((c) => !names.includes(c));
      if (missing.length > 0)
        throw new LoadError(
          path,
          "columns",
          `the header has no column ${missing.join(", ")} (it has ${names.join(", ")})`,
        );
      return names;
    },
    delimiter: mapping.delimiter,
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // csv-parse cannot go on after a record over its max_record_size (every later row is lost), so its cap is only
    // a guard against a runaway quote; a long record is refused below, row by row, and the rows after it are read.
    max_record_size: HARD_RECORD_CAP,
  });
  parser.on("skip", (error: CsvError & { lines?: number }) =>
    refuse(reject({ file: path, line: error.lines ?? 0, key: "" }, "", "malformedRow", { value: error.code })),
  );
  const records = Readable.from(text).pipe(parser);
  const limit = o.maxRecordBytes ?? 1024 * 1024;
  for await (const r of records as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    const size = Object.values(r.record).reduce((n, v) => n + v.length, 0);
    if (size > limit)
      refuse(reject({ file: path, line: r.info.lines, key: "" }, "", "recordTooLong", { value: String(size) }));
    else yield { row: r.record, line: r.info.lines };
  }
}

/** The run of this file (by its source, collection and content): where an earlier run of it got to. */
async function startRun(db: Database, mapping: Mapping, path: string) {
  const runKey = createHash("sha256")
    .update(`${mapping.source}|${mapping.collection}|${await sha256(path)}`)
    .digest("hex");
  await db.query(
    `INSERT INTO load_runs (run_key, file, system, collection) VALUES ($1, $2, $3, $4) ON CONFLICT (run_key) DO NOTHING`,
    [runKey, path, mapping.source, mapping.collection],
  );
  const { rows } = await db.query<{ n: string; line: string }>(
    "SELECT committed_rows AS n, committed_line AS line FROM load_runs WHERE run_key = $1",
    [runKey],
  );
  return { runKey, resumedFrom: Number(rows[0]!.n), committedLine: Number(rows[0]!.line) };
}

/** A load's summary, and how a refused row is counted in it (by reason and by column) and passed on. */
function tally(file: string, encoding: string, resumedFrom: number, onReject: LoadOptions["onReject"]) {
  const summary: LoadSummary = {
    ...{ file, encoding, rows: 0, loaded: 0, resumedFrom, rejected: 0 },
    ...{ byReason: {}, byColumn: {}, batches: 0 },
  };
  const refuse = (r: Reject) => {
    summary.rejected++;
    summary.byReason[r.code] = (summary.byReason[r.code] ?? 0) + 1;
    const column = (summary.byColumn[r.column || "(row)"] ??= {});
    column[r.code] = (column[r.code] ?? 0) + 1;
    onReject?.(r);
  };
  return { summary, refuse };
}

/** Loads one file by `mapping` into `db`. */
export async function loadFile(
  db: Database,
  mapping: Mapping,
  path: string,
  o: LoadOptions = {},
): Promise<LoadSummary> {
  const batchSize = o.batchSize ?? 5000;
  const asOf = o.asOf ?? new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // Beijing's day
  const encoding = await encodingOf(path, mapping.encoding);
  const totalBytes = (await stat(path)).size;
  const { runKey, resumedFrom, committedLine } = await startRun(db, mapping, path);
  const { summary, refuse } = tally(path, encoding, resumedFrom, o.onReject);
  const refusals = (found: MergeRefusal[]) =>
    found.forEach((f) =>
      refuse(reject({ file: path, line: f.line, key: f.key }, mapping.key, f.code, { value: f.key })),
    );
  const read = { bytes: () => 0 };
  const paths = BatchFill.pathsOf(mapping);
  // Only the batch being built is held: a key seen earlier in the file is found in the database (merge.ts).
  let keys = new Set<string>();
  // The batch's rows, each already its COPY text (merge.ts: BatchRow), and what each fills (the quality report).
  let batch: BatchRow[] = [];
  let fill = new BatchFill(paths, batchSize);
  let lastLine = 0;
  // One merge in flight while the next batch is read and checked: the database's work and ours overlap.
  let merging: Promise<void> = Promise.resolve();
  const commit = async () => {
    if (batch.length === 0) return;
    const [rows, filled, upTo] = [batch, fill, lastLine];
    [batch, fill, keys] = [[], new BatchFill(paths, batchSize), new Set()];
    await merging; // in order, one at a time: a batch sees every batch before it committed
    if (rows.at(-1)!.line <= committedLine) {
      // Committed by an earlier run of this file: only its same-key rows are said again (its rejects file is whole).
      merging = duplicatesAmong(db, mapping, runKey, rows).then(refusals);
    } else {
      merging = writeBatch(db, mapping, runKey, { rows, filled, lastLine: upTo }).then((refused) => {
        refusals(refused);
        summary.loaded += rows.length - refused.length;
        summary.batches++;
        o.afterBatch?.(summary.batches);
      });
    }
    merging.catch(() => undefined); // awaited with the next batch or at the end, not lost meanwhile
  };
  // A row the parser could not read, or too long to keep, is a row too: counted, and refused.
  const unreadable = (r: Reject) => {
    summary.rows++;
    refuse(r);
  };
  for await (const { row, line } of rowsOf(path, mapping, encoding, o, unreadable, read)) {
    summary.rows++;
    // The rows an earlier run committed and those after them never share a batch.
    if (line > committedLine && batch.length > 0 && batch.at(-1)!.line <= committedLine) await commit();
    lastLine = line;
    const mapped = mapRow(mapping, row, { file: path, line }, asOf);
    if ("rejects" in mapped) {
      // One refused row, however many of its cells are wrong: each is listed, the row counted once by its first.
      mapped.rejects.forEach((r, i) => (i === 0 ? refuse(r) : o.onReject?.(r)));
      continue;
    }
    if (keys.has(mapped.key)) {
      refuse(reject({ file: path, line, key: mapped.key }, mapping.key, "duplicateKey", { value: mapped.key }));
      continue;
    }
    keys.add(mapped.key);
    batch.push(batchRow(mapping.collection, mapped));
    fill.add(mapped.record);
    if (batch.length >= batchSize) await commit();
    // The merge's replies wait for this loop to let go: every few dozen rows it does.
    if (summary.rows % 64 === 0) await new Promise(setImmediate);
    if (summary.rows % 10_000 === 0) o.onProgress?.({ ...counts(summary), bytes: read.bytes(), totalBytes });
  }
  await commit();
  await merging;
  o.onProgress?.({ ...counts(summary), bytes: totalBytes, totalBytes });
  await db.query(
    "UPDATE load_runs SET committed_line = greatest(committed_line, $2), finished = now(), summary = $3 WHERE run_key = $1",
    [runKey, lastLine, JSON.stringify(summary)],
  );
  summary.quality = await reportQuality(db, mapping, runKey, summary);
  return summary;
}
