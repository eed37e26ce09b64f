/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005,
 * "RFM and CLV"; Colombo & Jiang 1999): a customer's transaction values vary
 * around their mean ν ~ Gamma(q, γ) with shape p. Fitted to customers with
 * repeat purchases; assumes spend is independent of purchase frequency.
 */
import { BankcrmConvergenceError } from "../errors/convergence-error.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import type { BgNbdModel, RepeatBuyer } from "./bg-nbd.js";
import { lgamma } from "./numeric/lgamma.js";
import { nelderMead } from "./numeric/nelder-mead.js";

export interface Spender {
  frequency: number;
  /** Mean value of the repeat transactions. */
  monetaryValue: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaModel {
  params: GammaGammaParams;
  logLikelihood: number;
  customers: number;
  /** E[M | x, m̄]: the customer's expected average transaction value. */
  expectedAverageSpend(customer: Spender): number;
}

export function fitGammaGamma(
  customers: Iterable<Spender>,
  options: { start?: Partial<GammaGammaParams> } = {},
): GammaGammaModel {
  const groups = new Map<string, { x: number; m: number; count: number }>();
  let n = 0;
  for (const c of customers) {
    if (c.frequency <= 0) continue; // only repeat buyers inform spend
    if (!Number.isInteger(c.frequency) || !Number.isFinite(c.monetaryValue) || c.monetaryValue <= 0) {
      throw new BankcrmInvalidArgumentError(
        "summaries",
        `Gamma-Gamma: (frequency, monetaryValue) = (${c.frequency}, ${c.monetaryValue}) is not usable`,
      );
    }
    const key = `${c.frequency}|${c.monetaryValue}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { x: c.frequency, m: c.monetaryValue, count: 1 });
    n++;
  }
  if (n < 2) throw new BankcrmConvergenceError("Gamma-Gamma", "fewer than two customers with repeat purchases");
  const list = [...groups.values()];
  const ll = ({ p, q, gamma }: GammaGammaParams) => {
    let total = 0;
    const lgQ = lgamma(q);
    const qLnG = q * Math.log(gamma);
    for (const { x, m, count } of list) {
      const px = p * x;
      total +=
        count *
        (lgamma(px + q) -
          lgamma(px) -
          lgQ +
          qLnG +
          (px - 1) * Math.log(m) +
          px * Math.log(x) -
          (px + q) * Math.log(gamma + m * x));
    }
    return total;
  };
  const s = options.start ?? {};
  const toParams = (v: number[]): GammaGammaParams => ({
    p: Math.exp(v[0]!),
    q: Math.exp(v[1]!),
    gamma: Math.exp(v[2]!),
  });
  const result = nelderMead((v) => -ll(toParams(v)) / n, [s.p ?? 1, s.q ?? 1, s.gamma ?? 1].map(Math.log), {
    maxIterations: 20_000,
  });
  const params = toParams(result.x);
  const logLikelihood = ll(params);
  if (!result.converged || !Number.isFinite(logLikelihood) || params.q <= 1) {
    throw new BankcrmConvergenceError(
      "Gamma-Gamma",
      `the fit did not converge to usable parameters (q = ${params.q}; q > 1 is needed for a finite mean)`,
    );
  }
  return gammaGammaModel(params, logLikelihood, n);
}

export function gammaGammaModel(params: GammaGammaParams, logLikelihood = NaN, customers = 0): GammaGammaModel {
  const { p, q, gamma } = params;
  return {
    params,
    logLikelihood,
    customers,
    expectedAverageSpend({ frequency: x, monetaryValue: m }) {
      // With no repeat purchases the population mean pγ/(q−1) is the best guess.
      if (!(x > 0) || !Number.isFinite(m)) return (p * gamma) / (q - 1);
      return (p * (gamma + x * m)) / (p * x + q - 1);
    },
  };
}

export interface ClvOptions {
  /** Horizon in months. Default 12. */
  horizon?: number;
  /** Discount rate per month (0.01 ≈ 12.7 % a year). Default 0.01. */
  discountRate?: number;
  /** Length of a month in the summaries' time unit. Default 4.345 (weeks). */
  periodsPerMonth?: number;
}

/**
 * Customer lifetime value: expected transactions in each month of the horizon
 * (BG/NBD) times expected spend (Gamma-Gamma), discounted monthly —
 * Σₘ (E[Y(m)] − E[Y(m−1)]) · E[M] / (1 + d)ᵐ.
 */
export function customerLifetimeValue(
  bgNbd: BgNbdModel,
  gammaGamma: GammaGammaModel,
  customer: RepeatBuyer & Spender,
  options: ClvOptions = {},
): number {
  const months = options.horizon ?? 12;
  const d = options.discountRate ?? 0.01;
  const perMonth = options.periodsPerMonth ?? 4.345;
  if (!Number.isInteger(months) || months < 0 || months > 600)
    throw new BankcrmInvalidArgumentError("horizon", "a whole number of months from 0 to 600");
  if (!Number.isFinite(d) || d <= -1) throw new BankcrmInvalidArgumentError("discountRate", "a finite rate above −1");
  const spend = gammaGamma.expectedAverageSpend(customer);
  let value = 0;
  let previous = 0;
  for (let m = 1; m <= months; m++) {
    const expected = bgNbd.expectedTransactions(m * perMonth, customer);
    value += ((expected - previous) * spend) / Math.pow(1 + d, m);
    previous = expected;
  }
  return value;
}
