/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) by its power series, for
 * 0 ≤ z < 1 — the range the BG/NBD expectations need (z = t / (α + T + t)).
 * Converges geometrically; near z = 1 it needs more terms, bounded here.
 */
import { BankcrmInvalidArgumentError } from "../../errors/invalid-argument-error.js";

const MAX_TERMS = 1_000_000;

export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new BankcrmInvalidArgumentError("z", "hyp2f1 is computed for 0 ≤ z < 1");
  let term = 1;
  let sum = 1;
  for (let k = 0; k < MAX_TERMS; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-15 * Math.abs(sum)) return sum;
  }
  return sum;
}
