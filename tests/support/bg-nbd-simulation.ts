/**
 * Draws customers from the BG/NBD process itself (λ ~ Gamma(r, α), p ~ Beta(a, b);
 * Poisson purchases while alive, dropping out after each repeat purchase with
 * probability p), with times on a daily grid as real data has them. Used to test
 * that fitting recovers known parameters and to benchmark fits at scale.
 */
import { type BgNbdParams, type Random } from "@bankcrm/core";
import { createRandom } from "@bankcrm/core/demo";

function gamma(rnd: Random, shape: number, rate: number): number {
  if (shape < 1) return gamma(rnd, shape + 1, rate) * Math.pow(rnd.next() || Number.MIN_VALUE, 1 / shape);
  // Marsaglia & Tsang (2000)
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rnd.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rnd.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

export interface SimulatedCustomer {
  customerId: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}

/** `customers` customers observed for T between minWeeks and maxWeeks (whole days). */
export function simulateBgNbd(
  params: BgNbdParams,
  options: { customers: number; seed: string; minWeeks?: number; maxWeeks?: number },
): SimulatedCustomer[] {
  const rnd = createRandom(options.seed);
  const minDays = Math.round((options.minWeeks ?? 26) * 7);
  const maxDays = Math.round((options.maxWeeks ?? 39) * 7);
  const out: SimulatedCustomer[] = [];
  for (let i = 0; i < options.customers; i++) {
    const lambda = gamma(rnd, params.r, params.alpha);
    const g1 = gamma(rnd, params.a, 1);
    const p = g1 / (g1 + gamma(rnd, params.b, 1));
    const Tdays = rnd.int(minDays, maxDays);
    const T = Tdays / 7;
    let x = 0;
    let last = 0;
    let t = -Math.log(1 - rnd.next()) / lambda;
    while (t < T) {
      x++;
      last = t;
      if (rnd.next() < p) break;
      t += -Math.log(1 - rnd.next()) / lambda;
    }
    const recency = x > 0 ? Math.floor(last * 7) / 7 : 0;
    out.push({ customerId: `S${i}`, frequency: x, recency, T, monetaryValue: x > 0 ? 20 + 30 * rnd.next() : 0 });
  }
  return out;
}
