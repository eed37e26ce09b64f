/**
 * A 0–100 customer value score (客户价值评分) from six explainable factors.
 * Each factor x ≥ 0 is normalised by saturation, x / (x + h), where h is the
 * value that earns half marks; the score is 100 × Σ wᵢ · normalisedᵢ with the
 * weights summing to 1. A missing or non-finite input scores 0 for its factor
 * and is flagged — the score is never NaN.
 */
import { VALUE_FACTORS, type ValueFactorCode } from "../schemas/enums.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";

export type { ValueFactorCode };

export interface ValueInputs {
  /** AUM in minor units. */
  aum?: number;
  /** Annual contribution in minor units (may be negative). */
  contribution?: number;
  /** Distinct product types held. */
  productCount?: number;
  tenureYears?: number;
  /** Transactions and interactions in the last 90 days. */
  engagement?: number;
  /** Predicted lifetime value in minor units. */
  lifetimeValue?: number;
}

export interface ValueScoreConfig {
  weights: Record<ValueFactorCode, number>;
  /** The input value that earns half of a factor's marks. */
  halfPoints: Record<ValueFactorCode, number>;
}

export const defaultValueScoreConfig: ValueScoreConfig = {
  weights: { aum: 0.3, contribution: 0.25, productDepth: 0.15, tenure: 0.1, engagement: 0.1, lifetimeValue: 0.1 },
  halfPoints: {
    aum: 20_000_000, // 200,000 CNY
    contribution: 200_000, // 2,000 CNY a year
    productDepth: 3,
    tenure: 5,
    engagement: 10,
    lifetimeValue: 300_000, // 3,000 CNY
  },
};

export interface ValueFactor {
  code: ValueFactorCode;
  value: number | undefined;
  /** 0–1 after saturation. */
  normalized: number;
  weight: number;
  /** Points this factor adds to the 0–100 score. */
  points: number;
  missing: boolean;
}

export interface ValueScore {
  score: number;
  factors: ValueFactor[];
}

const CODES = VALUE_FACTORS;
/** Which input feeds each factor. */
export const VALUE_FACTOR_INPUTS: Readonly<Record<ValueFactorCode, keyof ValueInputs>> = {
  aum: "aum",
  contribution: "contribution",
  productDepth: "productCount",
  tenure: "tenureYears",
  engagement: "engagement",
  lifetimeValue: "lifetimeValue",
};

/** Checks a config once (weights ≥ 0 with a positive sum; half points > 0) and returns normalised weights. */
export function normalizedWeights(config: ValueScoreConfig): Record<ValueFactorCode, number> {
  let sum = 0;
  for (const c of CODES) {
    const w = config.weights[c];
    if (!(w >= 0) || !Number.isFinite(w))
      throw new BankcrmInvalidArgumentError(`config.weights.${c}`, "a finite weight ≥ 0");
    if (!(config.halfPoints[c] > 0))
      throw new BankcrmInvalidArgumentError(`config.halfPoints.${c}`, "a positive number");
    sum += w;
  }
  if (!(sum > 0)) throw new BankcrmInvalidArgumentError("config.weights", "at least one positive weight");
  return Object.fromEntries(CODES.map((c) => [c, config.weights[c] / sum])) as Record<ValueFactorCode, number>;
}

export function scoreCustomerValue(
  inputs: ValueInputs,
  config: ValueScoreConfig = defaultValueScoreConfig,
  weights: Record<ValueFactorCode, number> = normalizedWeights(config),
): ValueScore {
  let total = 0;
  const factors = CODES.map((code): ValueFactor => {
    const raw = inputs[VALUE_FACTOR_INPUTS[code]];
    const missing = raw === undefined || !Number.isFinite(raw);
    const normalized = normalizedOf(raw, code, config);
    const points = 100 * weights[code] * normalized;
    total += points;
    return { code, value: missing ? undefined : raw, normalized, weight: weights[code], points, missing };
  });
  return { score: roundScore(total), factors };
}

function normalizedOf(raw: number | undefined, code: ValueFactorCode, config: ValueScoreConfig): number {
  const x = raw === undefined || !Number.isFinite(raw) ? 0 : Math.max(0, raw);
  return x / (x + config.halfPoints[code]);
}

function factorPoints(
  raw: number | undefined,
  code: ValueFactorCode,
  config: ValueScoreConfig,
  weights: Record<ValueFactorCode, number>,
): number {
  return 100 * weights[code] * normalizedOf(raw, code, config);
}

const roundScore = (total: number) => Math.round(total * 10) / 10;

/**
 * The score alone, without the factors' breakdown — the same arithmetic in the
 * same order as `scoreCustomerValue(...).score`, for a book of a million
 * customers (no objects a customer). `weights` from `normalizedWeights(config)`.
 */
export function valueScoreOnly(
  inputs: ValueInputs,
  config: ValueScoreConfig,
  weights: Record<ValueFactorCode, number>,
): number {
  let total = 0;
  for (const code of CODES) total += factorPoints(inputs[VALUE_FACTOR_INPUTS[code]], code, config, weights);
  return roundScore(total);
}
