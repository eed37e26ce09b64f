/**
 * What a book-metrics job created with `keep` holds between its passes: each summarised batch's
 * record figures and purchase summaries as one typed array (a few objects a batch, not a few a
 * customer), read back by position.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { Tier } from "../schemas/enums.js";
import type { CustomerSummary } from "./summarize.js";
import { SUMMARY_FIGURES, type RecordFigures } from "./book-metrics.js";

/** One summarised batch's figures in `keep` mode: per customer the record figures, then the summary. */
export interface KeptBatch {
  ids: string[];
  recordedTiers: (Tier | undefined)[];
  /** KEPT numbers a customer (NaN: absent; a NaN frequency: no summary). */
  figures: Float64Array;
}
const KEPT = 12;

export function newKeptBatch(n: number): KeptBatch {
  return {
    ids: new Array<string>(n),
    recordedTiers: new Array<Tier | undefined>(n),
    figures: new Float64Array(n * KEPT),
  };
}

const orNaN = (v: number | undefined) => (v === undefined ? NaN : v);

export function keepFigures(k: KeptBatch, i: number, f: RecordFigures, s: CustomerSummary | undefined): void {
  k.ids[i] = f.customerId;
  k.recordedTiers[i] = f.recordedTier;
  const o = i * KEPT;
  const x = k.figures;
  x[o] = f.aum;
  x[o + 1] = f.productCount;
  x[o + 2] = f.contribution;
  x[o + 3] = f.recent;
  x[o + 4] = orNaN(f.daysSince);
  x[o + 5] = f.recentComplaints;
  x[o + 6] = orNaN(f.balanceRatio);
  x[o + 7] = f.tenureYears;
  x[o + 8] = s ? s.frequency : NaN;
  x[o + 9] = s ? s.recency : NaN;
  x[o + 10] = s ? s.T : NaN;
  x[o + 11] = s ? s.monetaryValue : NaN;
}

export function keptRecord(k: KeptBatch, i: number): RecordFigures {
  const o = i * KEPT;
  const x = k.figures;
  const recordedTier = k.recordedTiers[i];
  return {
    customerId: k.ids[i]!,
    ...(recordedTier ? { recordedTier } : {}),
    aum: x[o]!,
    productCount: x[o + 1]!,
    contribution: x[o + 2]!,
    recent: x[o + 3]!,
    ...(Number.isNaN(x[o + 4]) ? {} : { daysSince: x[o + 4]! }),
    recentComplaints: x[o + 5]!,
    ...(Number.isNaN(x[o + 6]) ? {} : { balanceRatio: x[o + 6]! }),
    tenureYears: x[o + 7]!,
  };
}

export function keptSummary(k: KeptBatch, i: number): CustomerSummary | undefined {
  const o = i * KEPT;
  const x = k.figures;
  if (Number.isNaN(x[o + 8])) return undefined;
  return { customerId: k.ids[i]!, frequency: x[o + 8]!, recency: x[o + 9]!, T: x[o + 10]!, monetaryValue: x[o + 11]! };
}

/** Every kept purchase summary as `summaryFigures` columns, in the book's order. */
export function keptFigures(kept: readonly (KeptBatch | undefined)[]): Float64Array {
  let n = 0;
  for (const k of kept) {
    if (!k) throw new BankcrmInvalidArgumentError("keep", "the summaries before scoreKept()");
    for (let i = 0; i < k.ids.length; i++) if (!Number.isNaN(k.figures[i * KEPT + 8])) n++;
  }
  const out = new Float64Array(n * SUMMARY_FIGURES);
  let o = 0;
  for (const k of kept)
    for (let i = 0; i < k!.ids.length; i++) {
      const at = i * KEPT + 8;
      if (Number.isNaN(k!.figures[at])) continue;
      out.set(k!.figures.subarray(at, at + SUMMARY_FIGURES), o);
      o += SUMMARY_FIGURES;
    }
  return out;
}

/** Every kept purchase summary as objects, in the book's order. */
export function keptSummaries(kept: readonly (KeptBatch | undefined)[]): CustomerSummary[] {
  const out: CustomerSummary[] = [];
  for (const k of kept) {
    if (!k) throw new BankcrmInvalidArgumentError("keep", "the summaries before scoreKept()");
    for (let i = 0; i < k.ids.length; i++) {
      const summary = keptSummary(k, i);
      if (summary) out.push(summary);
    }
  }
  return out;
}
