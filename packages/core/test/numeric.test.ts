import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as root from "../src/index.js";
import { hyp2f1, lbeta, lgamma, nelderMead } from "../src/analytics/numeric/index.js";

describe("the numeric subpath", () => {
  it("keeps the numerics out of the root API", () => {
    for (const name of ["lgamma", "lbeta", "hyp2f1", "nelderMead"]) expect(name in root, name).toBe(false);
  });
});

describe("lgamma", () => {
  it("matches exact values to 14 significant digits", () => {
    const cases: [number, number][] = [
      [1, 0],
      [2, 0],
      [0.5, 0.5 * Math.log(Math.PI)],
      [10, Math.log(362880)],
      [20, Math.log(121645100408832e3)], // 19!
      [100, 359.1342053695754],
      [-0.5, Math.log(2 * Math.sqrt(Math.PI))],
      [1e-8, -Math.log(1e-8) - 0.5772156649015329 * 1e-8],
    ];
    for (const [x, expected] of cases) {
      const got = lgamma(x);
      expect(Math.abs(got - expected), `lgamma(${x})`).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
    }
  });

  it("satisfies Γ(x+1) = xΓ(x) across the range", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        expect(Math.abs(lgamma(x + 1) - lgamma(x) - Math.log(x))).toBeLessThan(1e-10 * Math.max(1, lgamma(x + 1)));
      }),
    );
  });

  it("is infinite at the poles and NaN for NaN; B(a, b) is symmetric", () => {
    expect(lgamma(0)).toBe(Infinity);
    expect(lgamma(-3)).toBe(Infinity);
    expect(lgamma(NaN)).toBeNaN();
    expect(lbeta(2.5, 0.7)).toBeCloseTo(lbeta(0.7, 2.5), 14);
    expect(lbeta(1, 1)).toBeCloseTo(0, 14);
  });
});

describe("hyp2f1", () => {
  it("matches closed forms", () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(z === 0 ? 1 : -Math.log(1 - z) / z, 10);
      expect(hyp2f1(0.7, 2.3, 2.3, z)).toBeCloseTo(Math.pow(1 - z, -0.7), 10);
    }
  });

  it("refuses z outside [0, 1)", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/0 ≤ z < 1/);
  });
});

describe("nelderMead", () => {
  it("finds the Rosenbrock minimum", () => {
    const rosenbrock = ([x, y]: number[]) => (1 - x!) ** 2 + 100 * (y! - x! * x!) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  it("gives up, unconverged, as soon as its best point leaves where a minimum may be", () => {
    // exp(-x) falls without end: no minimum; bounded, the search stops just past the edge.
    const falling = ([x]: number[]) => Math.exp(-x!);
    const bounded = nelderMead(falling, [0], { maxIterations: 3_000, within: ([x]) => x! <= 20 });
    expect(bounded.converged).toBe(false);
    expect(bounded.iterations).toBeLessThan(100);
    expect(bounded.x[0]).toBeGreaterThan(20);
    // A minimum inside the region is found as before.
    expect(nelderMead(([x]) => (x! - 2) ** 2, [0], { within: ([x]) => x! <= 20 }).converged).toBe(true);
  });

  it("treats non-finite values as infinitely bad instead of failing", () => {
    const result = nelderMead(([x]) => (x! < 0 ? NaN : (x! - 2) ** 2), [1]);
    expect(result.x[0]).toBeCloseTo(2, 5);
  });
});
