/**
 * Nelder–Mead minimisation (the downhill simplex; Lagarias et al. 1998
 * coefficients). Derivative-free and robust for the few-parameter likelihoods
 * of the customer-base models, fitted in log-parameter space.
 */

export interface MinimizeOptions {
  /** Initial step along each axis. Default 0.5. */
  step?: number;
  maxIterations?: number;
  /** Stop when the simplex's function values differ by less than this. Default 1e-12. */
  tolerance?: number;
  /**
   * Where a minimum may be: the search gives up, unconverged, as soon as its best point leaves it (a likelihood that
   * rises without end towards a boundary has no minimum to find; running on to `maxIterations` finds nothing more).
   */
  within?: (x: readonly number[]) => boolean;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const n = start.length;
  const step = options.step ?? 0.5;
  const maxIterations = options.maxIterations ?? 5000 * n;
  const tolerance = options.tolerance ?? 1e-12;
  const safe = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex: { x: number[]; v: number }[] = [{ x: [...start], v: safe([...start]) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i]! += step;
    simplex.push({ x, v: safe(x) });
  }
  let iterations = 0;
  let left = false;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0]!;
    if (options.within && !options.within(best.x)) {
      left = true;
      break;
    }
    const worst = simplex[n]!;
    const spread = Math.abs(worst.v - best.v);
    let size = 0;
    for (let i = 1; i <= n; i++)
      for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(simplex[i]!.x[j]! - best.x[j]!));
    if (spread <= tolerance * (Math.abs(best.v) + tolerance) && size < 1e-9) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const reflected = along(-1);
    const vr = safe(reflected);
    if (vr < best.v) {
      const expanded = along(-2);
      const ve = safe(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
      continue;
    }
    if (vr < simplex[n - 1]!.v) {
      simplex[n] = { x: reflected, v: vr };
      continue;
    }
    const outside = vr < worst.v;
    const contracted = along(outside ? -0.5 : 0.5);
    const vc = safe(contracted);
    if (vc < (outside ? vr : worst.v)) {
      simplex[n] = { x: contracted, v: vc };
      continue;
    }
    simplex = simplex.map((p, i) => {
      if (i === 0) return p;
      const x = p.x.map((xj, j) => best.x[j]! + 0.5 * (xj - best.x[j]!));
      return { x, v: safe(x) };
    });
  }
  simplex.sort((p, q) => p.v - q.v);
  return {
    x: simplex[0]!.x,
    value: simplex[0]!.v,
    iterations,
    converged: !left && iterations < maxIterations && Number.isFinite(simplex[0]!.v),
  };
}
