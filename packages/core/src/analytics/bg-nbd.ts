/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting Your
 * Customers the Easy Way"): while alive, a customer buys at a Poisson rate λ ~
 * Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 * Fitted by maximum likelihood over identical (x, tₓ, T) triples grouped, so a
 * portfolio of millions costs only as much as its distinct triples.
 */
import { BankcrmConvergenceError } from "../errors/convergence-error.js";
import { BankcrmInvalidArgumentError } from "../errors/invalid-argument-error.js";
import { hyp2f1 } from "./numeric/hyp2f1.js";
import { lbeta, lgamma, logAddExp } from "./numeric/lgamma.js";
import { nelderMead } from "./numeric/nelder-mead.js";

/** What the model needs of a customer: repeat purchases, recency and age, in one time unit. */
export interface RepeatBuyer {
  frequency: number;
  recency: number;
  T: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdModel {
  params: BgNbdParams;
  logLikelihood: number;
  /** Customers and distinct (x, tₓ, T) triples the fit used. */
  customers: number;
  groups: number;
  iterations: number;
  /**
   * The L2 penalty the fit needed, when the plain maximum-likelihood fit ran off to a boundary (no dropout seen, say:
   * b → ∞) — as lifetimes' `penalizer_coef`; 0 for the plain fit.
   */
  penalizer: number;
  /** E[X(t)]: expected purchases of a randomly chosen new customer in a period of length t. */
  expectedPopulationTransactions(t: number): number;
  /** E[Y(t) | x, tₓ, T]: expected purchases of this customer in the next t. */
  expectedTransactions(t: number, customer: RepeatBuyer): number;
  /** P(alive | x, tₓ, T). */
  probabilityAlive(customer: RepeatBuyer): number;
  /** P(X(t) = n) for a randomly chosen new customer. */
  probabilityOfTransactions(n: number, t: number): number;
}

export interface Triple {
  x: number;
  tx: number;
  T: number;
  count: number;
}

/** Groups customers by identical (x, tₓ, T), validating each. */
export function groupTriples(customers: Iterable<RepeatBuyer>, model: string): Triple[] {
  const groups = new Map<string, Triple>();
  let i = 0;
  for (const c of customers) {
    const { frequency: x, recency: tx, T } = c;
    if (
      !Number.isInteger(x) ||
      x < 0 ||
      !Number.isFinite(tx) ||
      !Number.isFinite(T) ||
      tx < 0 ||
      T <= 0 ||
      tx > T + 1e-9 ||
      (x === 0 && tx !== 0)
    ) {
      throw new BankcrmInvalidArgumentError(
        "summaries",
        `${model}: customer #${i} has an impossible (frequency, recency, T) = (${x}, ${tx}, ${T})`,
      );
    }
    const key = `${x}|${tx}|${T}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { x, tx, T, count: 1 });
    i++;
  }
  return [...groups.values()];
}

/**
 * The groups in columnar form: every distinct x, T and tₓ gets an index, so one
 * likelihood evaluation computes the Γ and log terms once per distinct value
 * and only arithmetic per group.
 */
interface Columns {
  xs: Float64Array;
  Ts: Float64Array;
  txs: Float64Array;
  gx: Int32Array;
  gT: Int32Array;
  gtx: Int32Array;
  count: Float64Array;
}

function toColumns(groups: readonly Triple[]): Columns {
  const index = (values: number[]) => {
    const distinct = [...new Set(values)];
    const at = new Map(distinct.map((v, i) => [v, i]));
    return { values: Float64Array.from(distinct), at };
  };
  const x = index(groups.map((g) => g.x));
  const T = index(groups.map((g) => g.T));
  const tx = index(groups.map((g) => g.tx));
  return {
    xs: x.values,
    Ts: T.values,
    txs: tx.values,
    gx: Int32Array.from(groups, (g) => x.at.get(g.x)!),
    gT: Int32Array.from(groups, (g) => T.at.get(g.T)!),
    gtx: Int32Array.from(groups, (g) => tx.at.get(g.tx)!),
    count: Float64Array.from(groups, (g) => g.count),
  };
}

// L = B(a, b+x)/B(a, b) · Γ(r+x)αʳ/Γ(r) · [(α+T)^-(r+x) + δ(x>0) · a/(b+x−1) · (α+tₓ)^-(r+x)]
function logLikelihood(c: Columns, { r, alpha, a, b }: BgNbdParams): number {
  const lgR = lgamma(r);
  const rLnAlpha = r * Math.log(alpha);
  const lbAB = lbeta(a, b);
  const lnA = Math.log(a);
  const head = new Float64Array(c.xs.length);
  const tail = new Float64Array(c.xs.length);
  for (let i = 0; i < c.xs.length; i++) {
    const x = c.xs[i]!;
    head[i] = lgamma(r + x) - lgR + rLnAlpha + lbeta(a, b + x) - lbAB;
    tail[i] = x > 0 ? lnA - Math.log(b + x - 1) : -Infinity;
  }
  const lnT = c.Ts.map((T) => Math.log(alpha + T));
  const lnTx = c.txs.map((tx) => Math.log(alpha + tx));
  let total = 0;
  for (let g = 0; g < c.count.length; g++) {
    const xi = c.gx[g]!;
    const rx = r + c.xs[xi]!;
    const a3 = -rx * lnT[c.gT[g]!]!;
    const a4 = tail[xi]! - rx * lnTx[c.gtx[g]!]!;
    total += c.count[g]! * (head[xi]! + logAddExp(a3, a4));
  }
  return total;
}

export interface FitOptions {
  /** Starting parameters; default all 1. */
  start?: Partial<BgNbdParams>;
  maxIterations?: number;
  /** An L2 penalty on the parameters from the start (lifetimes' `penalizer_coef`); default none, then 0.001 if needed. */
  penalizer?: number;
}

export function fitBgNbd(customers: Iterable<RepeatBuyer>, options: FitOptions = {}): BgNbdModel {
  const groups = groupTriples(customers, "BG/NBD");
  const n = groups.reduce((s, g) => s + g.count, 0);
  if (n === 0) throw new BankcrmInvalidArgumentError("summaries", "BG/NBD: no customers to fit");
  if (!groups.some((g) => g.x > 0))
    throw new BankcrmConvergenceError("BG/NBD", "no customer made a repeat purchase; the model is not identified");
  const s = options.start ?? {};
  const start = [s.r ?? 1, s.alpha ?? 1, s.a ?? 1, s.b ?? 1].map(Math.log);
  const toParams = (v: number[]): BgNbdParams => ({
    r: Math.exp(v[0]!),
    alpha: Math.exp(v[1]!),
    a: Math.exp(v[2]!),
    b: Math.exp(v[3]!),
  });
  const columns = toColumns(groups);
  const maxIterations = options.maxIterations ?? 20_000;
  const attempt = (penalizer: number) => {
    const result = nelderMead(
      (v) => {
        const p = toParams(v);
        return -logLikelihood(columns, p) / n + penalizer * (p.r ** 2 + p.alpha ** 2 + p.a ** 2 + p.b ** 2);
      },
      start,
      // Beyond 1e8 a parameter is the boundary, not an estimate (the check below refuses it): stop there at once.
      { maxIterations, within: (v) => v.every((x) => x <= LN_LIMIT) },
    );
    const params = toParams(result.x);
    const ll = logLikelihood(columns, params);
    const ok =
      result.converged &&
      Number.isFinite(ll) &&
      Object.values(params).every((p) => Number.isFinite(p) && p > 0 && p <= 1e8);
    return { ok, params, ll, iterations: result.iterations };
  };
  // The plain fit; a book whose likelihood rises without end towards a boundary (nobody seen dropping out: b → ∞)
  // has no maximum to find, and a whole book without P(alive) helps nobody — it is fitted again with lifetimes'
  // customary small penalty, which says so in `penalizer`.
  let penalizer = options.penalizer ?? 0;
  let fit = attempt(penalizer);
  if (!fit.ok && options.penalizer === undefined) fit = attempt((penalizer = FALLBACK_PENALIZER));
  if (!fit.ok)
    throw new BankcrmConvergenceError(
      "BG/NBD",
      `the fit did not converge (iterations ${fit.iterations}, log-likelihood ${fit.ll})`,
    );
  return bgNbdModel(fit.params, {
    logLikelihood: fit.ll,
    customers: n,
    groups: groups.length,
    iterations: fit.iterations,
    penalizer,
  });
}

const LN_LIMIT = Math.log(1e8);

/** The penalty a fit that runs off to a boundary is made again with (lifetimes' documentation suggests 0.001–0.1). */
const FALLBACK_PENALIZER = 0.001;

/** A model from known parameters (e.g. a saved fit). */
export function bgNbdModel(
  params: BgNbdParams,
  fit: { logLikelihood: number; customers: number; groups: number; iterations: number; penalizer?: number } = {
    logLikelihood: NaN,
    customers: 0,
    groups: 0,
    iterations: 0,
  },
): BgNbdModel {
  const { r, alpha, a, b } = params;
  const checkT = (t: number) => {
    if (!Number.isFinite(t) || t < 0) throw new BankcrmInvalidArgumentError("t", "a finite, non-negative period");
  };
  const probabilityAlive = ({ frequency: x, recency: tx, T }: RepeatBuyer) => {
    if (x === 0) return 1;
    const lnRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
    return 1 / (1 + Math.exp(lnRatio));
  };
  return {
    params,
    ...fit,
    penalizer: fit.penalizer ?? 0,
    expectedPopulationTransactions(t) {
      checkT(t);
      if (t === 0) return 0;
      const z = t / (alpha + t);
      return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z));
    },
    expectedTransactions(t, customer) {
      checkT(t);
      const { frequency: x, recency: tx, T } = customer;
      if (t === 0) return 0;
      const z = t / (alpha + T + t);
      const head =
        ((a + b + x - 1) / (a - 1)) *
        (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
      const denom = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 1;
      return head / denom;
    },
    probabilityAlive,
    probabilityOfTransactions(nTx, t) {
      checkT(t);
      if (!Number.isInteger(nTx) || nTx < 0) throw new BankcrmInvalidArgumentError("n", "a whole number ≥ 0");
      const lnBab = lbeta(a, b);
      const p = alpha / (alpha + t);
      const q = t / (alpha + t);
      const nb = (j: number) =>
        Math.exp(lgamma(r + j) - lgamma(r) - lgamma(j + 1) + r * Math.log(p) + (j > 0 ? j * Math.log(q) : 0));
      let value = Math.exp(lbeta(a, b + nTx) - lnBab) * nb(nTx);
      if (nTx > 0) {
        let cumulative = 0;
        for (let j = 0; j < nTx; j++) cumulative += nb(j);
        value += Math.exp(lbeta(a + 1, b + nTx - 1) - lnBab) * (1 - cumulative);
      }
      return value;
    },
  };
}
