/**
 * RFM scoring: recency, frequency and monetary value each scored 1–bins by
 * quantile, and the usual named segments.
 *
 * - R ranks the time since the last purchase (T − recency): the most recent get `bins`.
 * - F ranks frequency, M ranks monetary value: the highest get `bins`.
 * - Ties share a score: a value's score is 1 + ⌊bins · (values ranked below it) / n⌋,
 *   so when most customers never came back they all get F = 1, not an arbitrary split.
 * - Segments come from R and FM = round((F + M) / 2), on the 5 × 5 grid below.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { RfmSegment } from "../schemas/enums.js";
import type { Rule } from "../schemas/segment.js";
import type { CustomerSummary } from "./summarize.js";

export interface RfmScore {
  customerId: string;
  r: number;
  f: number;
  m: number;
  /** "R F M", e.g. "545". */
  code: string;
  segment: RfmSegment;
}

/** Segment of an (R, FM) pair on the 1–5 grid. */
export function rfmSegment(r: number, fm: number): RfmSegment {
  if (r <= 2) {
    if (fm === 5) return "cant_lose";
    if (fm >= 3) return "at_risk";
    return r === 1 && fm === 1 ? "lost" : "hibernating";
  }
  if (r === 3) return fm <= 2 ? "about_to_sleep" : fm === 3 ? "need_attention" : "loyal";
  if (fm >= 4) return r === 5 ? "champions" : "loyal";
  if (fm >= 2) return "potential_loyalists";
  return r === 5 ? "new" : "promising";
}

/** A customer's cell on the grid: R, and FM = round((F + M) / 2) (halves up), with the cell's segment. Scores on 1–5. */
export function rfmCell(r: number, f: number, m: number): { r: number; fm: number; segment: RfmSegment } {
  for (const [name, v] of [
    ["r", r],
    ["f", f],
    ["m", m],
  ] as const)
    if (!Number.isInteger(v) || v < 1 || v > 5)
      throw new BankcrmInvalidArgumentError(name, "a whole number from 1 to 5");
  const fm = Math.round((f + m) / 2);
  return { r, fm, segment: rfmSegment(r, fm) };
}

/**
 * The customers of one (R, FM) cell as a segment rule over the customer catalog's `rfmR`, `rfmF` and `rfmM`:
 * R = `r`, and for each F the Ms with round((F + M) / 2) = `fm` — F + M is 2·fm − 1 or 2·fm.
 */
export function rfmCellRule(r: number, fm: number): Rule {
  rfmCell(r, fm, fm); // checks both
  const byF: Rule[] = [];
  for (let f = 1; f <= 5; f++) {
    const lo = Math.max(1, 2 * fm - 1 - f);
    const hi = Math.min(5, 2 * fm - f);
    if (lo > hi) continue;
    const m: Rule =
      lo === hi ? { field: "rfmM", op: "eq", value: lo } : { field: "rfmM", op: "between", value: [lo, hi] };
    byF.push({ all: [{ field: "rfmF", op: "eq", value: f }, m] });
  }
  return { all: [{ field: "rfmR", op: "eq", value: r }, { any: byF }] };
}

/** First index in ascending `sorted` whose value is ≥ v (or > v when `strict`). */
export function bound(sorted: ArrayLike<number>, v: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? sorted[mid]! <= v : sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Scores 1..bins for each value; `higherIsBetter` false reverses the ranking.
 * A native numeric sort plus a binary search per value: ties find the same
 * bound, so they share a score.
 */
function quantileScores(values: Float64Array, bins: number, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // values ranked below this one: smaller ones when higher is better, larger ones otherwise
    const below = higherIsBetter ? bound(sorted, v, false) : n - bound(sorted, v, true);
    scores[i] = Math.min(bins, 1 + Math.floor((bins * below) / n));
  }
  return scores;
}

export function scoreRfm(summaries: readonly CustomerSummary[], options: { bins?: number } = {}): RfmScore[] {
  const bins = options.bins ?? 5;
  if (!Number.isInteger(bins) || bins < 2 || bins > 10)
    throw new BankcrmInvalidArgumentError("bins", "a whole number from 2 to 10");
  const n = summaries.length;
  const since = new Float64Array(n);
  const freq = new Float64Array(n);
  const money = new Float64Array(n);
  summaries.forEach((s, i) => {
    const values = [s.T - s.recency, s.frequency, s.monetaryValue];
    if (values.some((v) => !Number.isFinite(v))) {
      throw new BankcrmInvalidArgumentError(
        "summaries",
        `customer ${s.customerId}: recency, T, frequency and monetaryValue must be finite`,
      );
    }
    since[i] = values[0]!;
    freq[i] = values[1]!;
    money[i] = values[2]!;
  });
  const r = quantileScores(since, bins, false);
  const f = quantileScores(freq, bins, true);
  const m = quantileScores(money, bins, true);
  // The segment grid is defined on 1–5; other bin counts are mapped onto it.
  const to5 = (score: number) => Math.min(5, Math.max(1, Math.ceil((score * 5) / bins)));
  return summaries.map((s, i) => {
    const fm = Math.round((to5(f[i]!) + to5(m[i]!)) / 2);
    return {
      customerId: s.customerId,
      r: r[i]!,
      f: f[i]!,
      m: m[i]!,
      code: `${r[i]}${f[i]}${m[i]}`,
      segment: rfmSegment(to5(r[i]!), fm),
    };
  });
}
