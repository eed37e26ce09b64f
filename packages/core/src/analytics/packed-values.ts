/**
 * Scored customers as columns, for crossing from a worker to the page: two
 * typed arrays moved (transferred, not copied) and an array of ids, instead
 * of a structured clone of ten thousand objects per batch — which cost the
 * page's thread more than the scoring cost the worker. Unpacked on the page
 * into the same `CustomerValue` objects (tested equal).
 */
import type { CustomerValue } from "./book-metrics.js";
import { CHURN_LEVELS, CHURN_REASONS, RFM_SEGMENTS, TIERS } from "../vocabulary.js";
import type { ChurnReasonCode, Tier } from "../schemas/enums.js";

export interface PackedValues {
  ids: string[];
  /** Per customer: aum, productCount, contribution, valueScore, P(alive), CLV, churnRisk, days since, complaints, next tier's gap (NaN: absent). */
  numbers: Float64Array;
  /** Per customer: tier, recorded tier, next tier, R, F, M, RFM segment, churn level, four churn reasons (NONE: absent). */
  codes: Uint8Array;
}

const NUMBERS = 10;
const CODES = 12;
const REASONS = 4;
const NONE = 255;

const index = <T extends string>(list: readonly T[]) => new Map(list.map((v, i) => [v, i]));
const TIER = index(TIERS);
const SEGMENT = index(RFM_SEGMENTS);
const LEVEL = index(CHURN_LEVELS);
const REASON = index(CHURN_REASONS);
const code = <T extends string>(map: Map<T, number>, v: T | undefined) => (v === undefined ? NONE : map.get(v)!);
const num = (v: number | undefined) => (v === undefined ? NaN : v);

export function packValues(values: readonly CustomerValue[]): PackedValues {
  const numbers = new Float64Array(values.length * NUMBERS);
  const codes = new Uint8Array(values.length * CODES).fill(NONE);
  const ids = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.churnReasons.length > REASONS) throw new Error(`more than ${REASONS} churn reasons`);
    ids[i] = v.customerId;
    const n = i * NUMBERS;
    numbers[n] = v.aum;
    numbers[n + 1] = v.productCount;
    numbers[n + 2] = v.contribution;
    numbers[n + 3] = v.valueScore;
    numbers[n + 4] = num(v.probabilityAlive);
    numbers[n + 5] = num(v.clv);
    numbers[n + 6] = v.churnRisk;
    numbers[n + 7] = num(v.daysSinceLastTransaction);
    numbers[n + 8] = v.recentComplaints;
    numbers[n + 9] = num(v.next?.gap);
    const c = i * CODES;
    codes[c] = code(TIER, v.tier);
    codes[c + 1] = code(TIER, v.recordedTier);
    codes[c + 2] = code(TIER, v.next?.tier);
    codes[c + 3] = v.rfmR ?? NONE;
    codes[c + 4] = v.rfmF ?? NONE;
    codes[c + 5] = v.rfmM ?? NONE;
    codes[c + 6] = code(SEGMENT, v.rfmSegment);
    codes[c + 7] = code(LEVEL, v.churnLevel);
    v.churnReasons.forEach((r, k) => (codes[c + 8 + k] = code(REASON, r)));
  }
  return { ids, numbers, codes };
}

/** The objects `packValues` packed, with the same keys present. */
export function unpackValues({ ids, numbers, codes }: PackedValues): CustomerValue[] {
  const out: CustomerValue[] = new Array<CustomerValue>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const n = i * NUMBERS;
    const c = i * CODES;
    const v: CustomerValue = {
      customerId: ids[i]!,
      aum: numbers[n]!,
      tier: TIERS[codes[c]!] as Tier,
      productCount: numbers[n + 1]!,
      contribution: numbers[n + 2]!,
      valueScore: numbers[n + 3]!,
      churnRisk: numbers[n + 6]!,
      churnLevel: CHURN_LEVELS[codes[c + 7]!]!,
      churnReasons: [],
      recentComplaints: numbers[n + 8]!,
    };
    if (codes[c + 1] !== NONE) v.recordedTier = TIERS[codes[c + 1]!];
    if (codes[c + 2] !== NONE) v.next = { tier: TIERS[codes[c + 2]!] as Tier, gap: numbers[n + 9]! };
    if (codes[c + 3] !== NONE) v.rfmR = codes[c + 3]!;
    if (codes[c + 4] !== NONE) v.rfmF = codes[c + 4]!;
    if (codes[c + 5] !== NONE) v.rfmM = codes[c + 5]!;
    if (codes[c + 6] !== NONE) v.rfmSegment = RFM_SEGMENTS[codes[c + 6]!];
    if (!Number.isNaN(numbers[n + 4])) v.probabilityAlive = numbers[n + 4]!;
    if (!Number.isNaN(numbers[n + 5])) v.clv = numbers[n + 5]!;
    if (!Number.isNaN(numbers[n + 7])) v.daysSinceLastTransaction = numbers[n + 7]!;
    for (let r = 0; r < REASONS && codes[c + 8 + r] !== NONE; r++)
      v.churnReasons.push(CHURN_REASONS[codes[c + 8 + r]!] as ChurnReasonCode);
    out[i] = v;
  }
  return out;
}
