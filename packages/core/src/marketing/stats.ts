/**
 * The statistics a campaign report needs: the normal distribution's tail, the
 * Wilson score interval of a proportion, and the two-proportion z-test.
 */
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";

/**
 * The complementary error function, erfc(x), by the Chebyshev fit of Numerical
 * Recipes (2nd ed., §6.2, `erfcc`): fractional error below 1.2 × 10⁻⁷ everywhere.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** The standard normal distribution function Φ(x). */
export const normalCdf = (x: number): number => 0.5 * erfc(-x / Math.SQRT2);

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** The Wilson score interval of `successes` out of `n` (95% by default); [0, 1] when n is 0. */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n)
    throw new BankcrmInvalidArgumentError("successes", "whole numbers with 0 ≤ successes ≤ n");
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface TwoProportionTest {
  /** p1 − p2. */
  difference: number;
  /** The 95% (Wald) interval of the difference. */
  interval: Interval;
  /** The pooled z statistic. */
  z: number;
  /** Two-sided p-value. */
  pValue: number;
}

/** Two-proportion z-test of x1/n1 against x2/n2 (pooled standard error), with the difference's interval. */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): TwoProportionTest {
  if (n1 <= 0 || n2 <= 0) throw new BankcrmInvalidArgumentError("n", "both groups need members");
  wilsonInterval(x1, n1);
  wilsonInterval(x2, n2);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se === 0 ? 0 : (p1 - p2) / se;
  const seDiff = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return {
    difference: p1 - p2,
    interval: { low: p1 - p2 - Z95 * seDiff, high: p1 - p2 + Z95 * seDiff },
    z,
    pValue: se === 0 ? 1 : 2 * (1 - normalCdf(Math.abs(z))),
  };
}
