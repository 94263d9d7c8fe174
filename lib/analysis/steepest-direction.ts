/**
 * Which unit direction u decreases f fastest from x? The first-order Taylor
 * expansion predicts f(x + δu) − f(x) ≈ δ·uᵀ∇f(x) = δ‖∇f(x)‖cos θ, with θ the
 * angle between u and ∇f(x): smallest at θ = π, u = −∇f(x)/‖∇f(x)‖.
 * `directionScan` sweeps u around the circle (2-D objectives) and returns the
 * predicted and the actual change for a step δ, so a page can show the two
 * agree as δ → 0.
 */
import type { Objective } from "../types.js";
import type { Trajectory } from "../run.js";

export interface DirectionRow {
  /** The angle of u, in radians from the x₁ axis, in [0, 2π). */
  angle: number;
  /** The directional derivative uᵀ∇f(x). */
  slope: number;
  /** δ·uᵀ∇f(x), the first-order prediction of the change. */
  predicted: number;
  /** f(x + δu) − f(x). */
  actual: number;
}

export interface DirectionScan {
  rows: DirectionRow[];
  /** ∇f(x). */
  gradient: Float64Array;
  /** The angle of −∇f(x): where the predicted change is smallest. */
  steepestAngle: number;
  /**
   * The angle where the actual change is smallest: the best sampled angle,
   * polished by golden-section search over the neighbouring samples (±2π/n)
   * until the bracket is below 1e-10 rad, so it does not depend on the grid.
   */
  bestActualAngle: number;
  /** The best sampled angle before polishing (a multiple of 2π/n). */
  bestSampledAngle: number;
}

export function directionScan(objective: Objective, x: ArrayLike<number>, delta: number, n = 360): DirectionScan {
  if (objective.dim !== 2) throw new RangeError(`directionScan: the objective must be 2-D, got dim = ${objective.dim}`);
  if (!(delta > 0)) throw new RangeError(`directionScan: delta must be > 0, got ${delta}`);
  const p = Float64Array.from(x);
  const f0 = objective.value(p);
  const g = objective.grad(p, new Float64Array(2));
  const q = new Float64Array(2);
  const rows: DirectionRow[] = [];
  let best = Infinity, bestActualAngle = 0;
  for (let k = 0; k < n; ++k) {
    const angle = (2 * Math.PI * k) / n;
    const u0 = Math.cos(angle), u1 = Math.sin(angle);
    const slope = u0 * g[0] + u1 * g[1];
    q[0] = p[0] + delta * u0;
    q[1] = p[1] + delta * u1;
    const actual = objective.value(q) - f0;
    rows.push({ angle, slope, predicted: delta * slope, actual });
    if (actual < best) {
      best = actual;
      bestActualAngle = angle;
    }
  }
  let steepestAngle = Math.atan2(-g[1], -g[0]);
  if (steepestAngle < 0) steepestAngle += 2 * Math.PI;
  const change = (angle: number) => {
    q[0] = p[0] + delta * Math.cos(angle);
    q[1] = p[1] + delta * Math.sin(angle);
    return objective.value(q) - f0;
  };
  // Golden section on [best − h, best + h]: the actual change is unimodal there
  // when the samples are fine enough to see the minimum between two neighbours.
  const h = (2 * Math.PI) / n, r = (Math.sqrt(5) - 1) / 2;
  let a = bestActualAngle - h, b = bestActualAngle + h;
  let c = b - r * (b - a), d = a + r * (b - a), fc = change(c), fd = change(d);
  while (b - a > 1e-10) {
    if (fc < fd) { b = d; d = c; fd = fc; c = b - r * (b - a); fc = change(c); }
    else { a = c; c = d; fc = fd; d = a + r * (b - a); fd = change(d); }
  }
  let polished = (a + b) / 2;
  polished = ((polished % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  const bestSampledAngle = bestActualAngle;
  if (change(polished) <= best) bestActualAngle = polished;
  return { rows, gradient: g, steepestAngle, bestActualAngle, bestSampledAngle };
}

/** The smallest angle between two directions given as angles, in [0, π]. */
export function angleBetween(a: number, b: number): number {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return d > Math.PI ? 2 * Math.PI - d : d;
}

/**
 * Descent with a fixed step length δ along the unit steepest direction,
 * x ← x − δ·∇f(x)/‖∇f(x)‖: the seeds' derivation before the learning rate is
 * introduced. Returns a trajectory shaped like `minimize`'s. Near a minimum it
 * cannot settle: every step has length δ, so it hops across the minimizer.
 */
export function fixedStepDescent(objective: Objective, x0: ArrayLike<number>, delta: number, steps: number): Trajectory {
  if (!(delta > 0)) throw new RangeError(`fixedStepDescent: delta must be > 0, got ${delta}`);
  const dim = objective.dim;
  const x = new Float64Array((steps + 1) * dim);
  const loss = new Float64Array(steps + 1);
  const gradNorm = new Float64Array(steps + 1);
  const effectiveLr = new Float64Array(steps * dim);
  const p = Float64Array.from(x0);
  const g = new Float64Array(dim);
  const record = (k: number) => {
    x.set(p, k * dim);
    loss[k] = objective.value(p);
    objective.grad(p, g);
    let s = 0;
    for (let i = 0; i < dim; ++i) s += g[i] * g[i];
    gradNorm[k] = Math.sqrt(s);
  };
  record(0);
  for (let k = 1; k <= steps; ++k) {
    const norm = gradNorm[k - 1];
    const scale = norm > 0 ? delta / norm : 0;
    for (let i = 0; i < dim; ++i) p[i] -= scale * g[i];
    effectiveLr.fill(scale, (k - 1) * dim, k * dim);
    record(k);
  }
  return { dim, steps, x, loss, gradNorm, effectiveLr, diverged: false, divergedAt: null };
}
