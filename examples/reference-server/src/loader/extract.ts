/**
 * The demo bank as its source systems would export it: each mapping of `sample-extract/` read backwards — a record
 * becomes a row of the file whose mapping would load it (its constants and code tables say which), each field a
 * column in the source's own form: the code of a code table, a date in the source's format (a time in Beijing's wall
 * clock), yuan for fen, an id without its prefix — written in the mapping's encoding (GBK). `pnpm reference-server
 * extract <dir> [customers]` writes one; the loader reads it back to the same records (test/sample-extract.test.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import iconv from "iconv-lite";
import { fromMinorUnits, type CollectionName } from "@bankcrm/core";
import { columnsOf, parseMapping, ruleFor, type ColumnRule, type Mapping } from "./mapping.js";

/** The sample extract's mappings beside the files they describe (examples/reference-server/sample-extract/). */
export const SAMPLE_DIR = fileURLToPath(new URL("../../sample-extract/", import.meta.url));

/** Each mapping of the sample, by the file it loads (`accounts.yaml` → `accounts.csv`). */
export function sampleMappings(dir = SAMPLE_DIR): { file: string; mapping: Mapping }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => ({
      file: f.replace(/\.yaml$/, ".csv").replace(/-/g, "_"),
      mapping: parseMapping(readFileSync(join(dir, f), "utf8"), f),
    }));
}

/** A CSV cell: quoted when it holds a quote, a comma or a line break (the rejects file, an extract). */
export const csvCell = (v: string | number) =>
  /[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);

/** The value at a dotted path of a record. */
export function valueAt(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split("."))
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** A day or an instant in a source date format (an instant as Beijing's wall clock). */
function formatDate(iso: string, format: string): string {
  const wall = iso.length > 10 ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString() : iso;
  const [y, m, d, hh, mm, ss] = [
    wall.slice(0, 4),
    wall.slice(5, 7),
    wall.slice(8, 10),
    ...wall.slice(11, 19).split(":"),
  ];
  return format
    .replace("YYYY", y)
    .replace("MM", m)
    .replace("DD", d)
    .replace("HH", hh ?? "")
    .replace("mm", mm ?? "")
    .replace("ss", ss ?? "");
}

/** A field's value as its source column holds it, or undefined when this rule cannot have given it. */
function cellOf(rule: ColumnRule, value: unknown): string | undefined {
  if (value === undefined) return "";
  if (rule.values) return Object.entries(rule.values).find(([, v]) => isDeepStrictEqual(v, value))?.[0];
  if (rule.date) return formatDate(value as string, typeof rule.date === "string" ? rule.date : rule.date[0]!);
  if (rule.amount) {
    const money = (rule.currency ? value : { amount: value, currency: "CNY" }) as { amount: number; currency: string };
    // One currency for the column: a record in another cannot be written by this rule.
    if (typeof rule.currency === "string" && money.currency !== rule.currency) return undefined;
    const major = rule.amount === "yuan" || rule.amount === "major";
    return major ? fromMinorUnits(money.amount, money.currency) : String(money.amount);
  }
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (rule.prefix) return text.startsWith(rule.prefix) ? text.slice(rule.prefix.length) : undefined;
  return text;
}

/** The record as a row of the mapping's file (cells by column), or undefined when this mapping would not load it. */
export function rowOf(mapping: Mapping, record: Record<string, unknown>): Map<string, string> | undefined {
  const row = new Map<string, string>();
  // A rule chosen by another column goes last: that column's cell, written by its own field, picks it.
  const fields = Object.entries(mapping.fields).sort(([, a], [, b]) => Number("by" in a) - Number("by" in b));
  for (const [field, given] of fields) {
    const value = valueAt(record, field);
    if ("value" in given) {
      if (!isDeepStrictEqual(value, given.value) && !(typeof given.value === "object" && value !== undefined))
        return undefined;
      continue;
    }
    const rule = ruleFor(given, given.by ? (row.get(given.by.column) ?? "") : "");
    if (!rule) return undefined;
    const cell = value === rule.default && value !== undefined ? "" : cellOf(rule, value);
    if (cell === undefined) return undefined;
    row.set(rule.column, cell);
    if (typeof rule.currency === "object" && value !== undefined) {
      // The row's currency in its own column, as the source's code table spells it.
      const code = (value as { currency: string }).currency;
      const { column, values } = rule.currency;
      const source = values ? Object.entries(values).find(([, v]) => v === code)?.[0] : code;
      if (source === undefined) return undefined;
      row.set(column, source);
    }
  }
  return row;
}

/** The demo portfolio's records of each collection, as the extract reads them. */
export type Portfolio = Partial<Record<CollectionName, readonly object[]>>;

/** One source file being written: its mapping, its columns, and the text not yet flushed. */
interface SourceFile {
  name: string;
  mapping: Mapping;
  columns: string[];
  handle: FileHandle;
  text: string;
  rows: number;
}

/**
 * The extract's files, open together: `write` sends each record of a portfolio (or of one chunk of a bank too big
 * to hold) to the file whose mapping would load it; `close` flushes them and says how many rows each got.
 */
export async function openExtract(dir: string, mappings = sampleMappings()) {
  const files: SourceFile[] = [];
  for (const { file, mapping } of mappings) {
    const columns = columnsOf(mapping);
    const handle = await open(join(dir, file), "w");
    files.push({ name: file, mapping, columns, handle, text: columns.join(mapping.delimiter) + "\r\n", rows: 0 });
  }
  const flush = async (f: SourceFile) => {
    await f.handle.write(iconv.encode(f.text, f.mapping.encoding === "auto" ? "utf-8" : f.mapping.encoding));
    f.text = "";
  };
  return {
    async write(portfolio: Portfolio) {
      for (const f of files) {
        for (const record of (portfolio[f.mapping.collection] ?? []) as Record<string, unknown>[]) {
          const row = rowOf(f.mapping, record);
          if (!row) continue;
          f.rows++;
          f.text += f.columns.map((c) => csvCell(row.get(c) ?? "")).join(f.mapping.delimiter) + "\r\n";
          if (f.text.length > 1 << 20) await flush(f);
        }
      }
    },
    async close(): Promise<Record<string, number>> {
      for (const f of files) {
        await flush(f);
        await f.handle.close();
      }
      return Object.fromEntries(files.map((f) => [f.name, f.rows]));
    },
  };
}

/** Writes the sample extract of `portfolio` into `dir`: one file per mapping; returns the rows of each. */
export async function writeExtract(dir: string, portfolio: Portfolio, mappings = sampleMappings()) {
  const extract = await openExtract(dir, mappings);
  await extract.write(portfolio);
  return extract.close();
}

/**
 * The committed sample (sample-extract/*.csv): from the demo bank of 2,000 customers, its first 40 personal and first
 * 4 corporate customers with everything they hold and did — small enough to read, with every file and code in it.
 */
export function samplePortfolio(p: { [K in "customers" | "holdings" | "transactions"]: readonly object[] }): Portfolio {
  const customers = p.customers as readonly { id: string; kind: string }[];
  const chosen = [
    ...customers.filter((c) => c.kind === "individual").slice(0, 40),
    ...customers.filter((c) => c.kind === "corporate").slice(0, 4),
  ];
  const ids = new Set(chosen.map((c) => c.id));
  const of = (xs: readonly object[]) => xs.filter((x) => ids.has((x as { customerId: string }).customerId));
  return { customers: chosen, holdings: of(p.holdings), transactions: of(p.transactions) };
}
