/**
 * Line search: choose the step size α along a direction d from x, instead of
 * fixing a learning rate.
 *
 * - `backtracking` (Armijo; Nocedal & Wright, Numerical Optimization, Alg. 3.1):
 *   try α = α₀, ρα₀, ρ²α₀, … until the sufficient-decrease condition
 *   f(x + αd) ≤ f(x) + c·α·∇f(x)ᵀd holds.
 * - `goldenSection` (Kiefer 1953): shrink a bracket [lo, hi] around the minimizer
 *   of φ(α) = f(x + αd) by the factor 1/φ = 0.618… per evaluation until it is
 *   shorter than `tol`; exact (to tol) for unimodal φ.
 *
 * - `newtonLineSearch` (Newton–Raphson on φ′): α ← α − φ′(α)/φ″(α), with
 *   φ′(α) = ∇f(x + αd)ᵀd and φ″(α) = dᵀ∇²f(x + αd)d. It is Newton's method for
 *   the root of φ′, from the tangent φ′(α + s) ≈ φ′(α) + sφ″(α) = 0. On a
 *   quadratic φ is a parabola, so one step from any α lands on its minimizer.
 *   It heads for the nearest stationary point of φ, a maximum when φ″ < 0.
 * - `secantLineSearch`: Newton with φ″ replaced by the slope of the chord of φ′
 *   through the last two points, α_{k+1} = α_k − φ′(α_k)(α_k − α_{k−1}) /
 *   (φ′(α_k) − φ′(α_{k−1})). Gradients only; exact after one update on a
 *   quadratic (φ′ is linear, so the chord is φ′ itself).
 *
 * All count what they evaluate, so a page can compare their cost with a fixed
 * learning rate's single gradient per step.
 */
import type { Objective } from "./types.js";
import type { Trajectory } from "./run.js";
import { rejectUnknownKeys, requireInRange, requireInteger, requireSameLength } from "./validate.js";

export interface Evaluations {
  /** Calls of objective.value. */
  value: number;
  /** Calls of objective.grad. */
  grad: number;
  /**
   * Calls of objective.hessian (Newton–Raphson only): each evaluates the full
   * Hessian ∇²f and contracts it to the curvature dᵀ∇²f d. (Automatic
   * differentiation would get the same number from one Hessian–vector product.)
   */
  hessian?: number;
}

export interface LineSearchResult {
  /** The step size chosen (0 when no acceptable step was found). */
  alpha: number;
  /** f(x + α·d). */
  value: number;
  evaluations: Evaluations;
  /** Every trial step and its value φ(α) = f(x + α·d), in the order tried. */
  points: Array<{ alpha: number; value: number }>;
  /** Backtracking: whether the Armijo condition holds at `alpha`. Golden section: always true. */
  satisfied: boolean;
}

export interface BacktrackingOptions {
  /** The first step tried. Default 1. */
  alpha0?: number;
  /** The shrink factor, in (0, 1). Default 0.5. */
  rho?: number;
  /** The sufficient-decrease constant, in (0, 1). Default 1e-4. */
  c?: number;
  /** The most trial steps. Default 50. */
  maxIter?: number;
  /** f(x), if already known (not counted). */
  fx?: number;
  /** ∇f(x), if already known (not counted). */
  gx?: ArrayLike<number>;
}

export interface GoldenSectionOptions {
  /** The bracket [lo, hi] searched for α. Defaults 0 and 1. */
  lo?: number;
  hi?: number;
  /** Stop when the bracket is shorter than this. Default 1e-8. */
  tol?: number;
  /** The most evaluations. Default 200. */
  maxIter?: number;
}

function checkArgs(owner: string, objective: Objective, x: ArrayLike<number>, direction: ArrayLike<number>): number {
  if (objective === null || typeof objective !== "object" || typeof objective.value !== "function") {
    throw new TypeError(`${owner}: objective must be an Objective { dim, value, grad }`);
  }
  requireSameLength(owner, "x", x.length, objective.dim);
  requireSameLength(owner, "direction", direction.length, objective.dim);
  return objective.dim;
}

/** x + α·d written into out. */
function along(x: ArrayLike<number>, d: ArrayLike<number>, alpha: number, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; ++i) out[i] = x[i] + alpha * d[i];
  return out;
}

/**
 * Armijo backtracking from `x` along `direction`. Throws a RangeError if
 * `direction` points uphill (∇f(x)ᵀd > 0); returns α = 0 with `satisfied: false`
 * when it is flat (∇f(x)ᵀd = 0) or when `maxIter` trials all fail.
 */
export function backtracking(objective: Objective, x: ArrayLike<number>, direction: ArrayLike<number>, options: BacktrackingOptions = {}): LineSearchResult {
  const owner = "backtracking";
  const dim = checkArgs(owner, objective, x, direction);
  rejectUnknownKeys(owner, options, ["alpha0", "rho", "c", "maxIter", "fx", "gx"]);
  const alpha0 = requireInRange(owner, "alpha0", options.alpha0 ?? 1, 0, Infinity, { loOpen: true });
  const rho = requireInRange(owner, "rho", options.rho ?? 0.5, 0, 1, { loOpen: true, hiOpen: true });
  const c = requireInRange(owner, "c", options.c ?? 1e-4, 0, 1, { loOpen: true, hiOpen: true });
  const maxIter = requireInteger(owner, "maxIter", options.maxIter ?? 50, 1, 1e6);
  const evaluations: Evaluations = { value: 0, grad: 0 };
  const xv = Float64Array.from(x);
  let fx = options.fx;
  if (fx === undefined) {
    fx = objective.value(xv);
    evaluations.value++;
  }
  let gx: ArrayLike<number>;
  if (options.gx === undefined) {
    gx = objective.grad(xv, new Float64Array(dim));
    evaluations.grad++;
  } else {
    requireSameLength(owner, "gx", options.gx.length, dim);
    gx = options.gx;
  }
  let slope = 0;
  for (let i = 0; i < dim; ++i) slope += gx[i] * direction[i];
  if (slope > 0) {
    throw new RangeError(`${owner}: direction must be a descent direction (∇f(x)·d < 0), got ∇f(x)·d = ${slope}`);
  }
  const points: LineSearchResult["points"] = [];
  if (!(slope < 0)) return { alpha: 0, value: fx, evaluations, points, satisfied: false };
  const trial = new Float64Array(dim);
  let alpha = alpha0;
  for (let i = 0; i < maxIter; ++i) {
    const f = objective.value(along(xv, direction, alpha, trial));
    evaluations.value++;
    points.push({ alpha, value: f });
    if (f <= fx + c * alpha * slope) return { alpha, value: f, evaluations, points, satisfied: true };
    alpha *= rho;
  }
  return { alpha: 0, value: fx, evaluations, points, satisfied: false };
}

const INV_PHI = (Math.sqrt(5) - 1) / 2; // 1/φ = 0.618…

/**
 * Golden-section search for the minimizer of φ(α) = f(x + α·d) on [lo, hi].
 * Returns the midpoint of the final bracket: within tol/2 of the minimizer when
 * φ is unimodal on [lo, hi] (a convex f along a line is). Uses one value per
 * comparison after the first, no gradients: N values before the returned
 * midpoint's leave a bracket of τ^(N−1)·(hi − lo), τ = 0.618… Comparing values cannot resolve
 * the minimizer better than about √ε·|α| ≈ 1e-8·|α| (near the minimum φ is flat
 * to rounding), so a smaller `tol` only costs evaluations.
 */
export function goldenSection(objective: Objective, x: ArrayLike<number>, direction: ArrayLike<number>, options: GoldenSectionOptions = {}): LineSearchResult {
  const owner = "goldenSection";
  const dim = checkArgs(owner, objective, x, direction);
  rejectUnknownKeys(owner, options, ["lo", "hi", "tol", "maxIter"]);
  const lo = requireInRange(owner, "lo", options.lo ?? 0, -Infinity, Infinity);
  const hi = requireInRange(owner, "hi", options.hi ?? 1, lo, Infinity, { loOpen: true });
  const tol = requireInRange(owner, "tol", options.tol ?? 1e-8, 0, Infinity, { loOpen: true });
  const maxIter = requireInteger(owner, "maxIter", options.maxIter ?? 200, 1, 1e6);
  const evaluations: Evaluations = { value: 0, grad: 0 };
  const points: LineSearchResult["points"] = [];
  const xv = Float64Array.from(x);
  const trial = new Float64Array(dim);
  const phi = (alpha: number) => {
    const f = objective.value(along(xv, direction, alpha, trial));
    evaluations.value++;
    points.push({ alpha, value: f });
    return f;
  };
  let a = lo, b = hi;
  let c = b - INV_PHI * (b - a), d = a + INV_PHI * (b - a);
  let fc = phi(c), fd = phi(d);
  while (b - a > tol && evaluations.value < maxIter) {
    // After the shrink, the new interior point is evaluated only if the loop
    // goes on to compare it: N evaluations thus leave a bracket τ^(N−1)·(hi − lo).
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INV_PHI * (b - a);
      if (b - a > tol) fc = phi(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INV_PHI * (b - a);
      if (b - a > tol) fd = phi(d);
    }
  }
  const alpha = (a + b) / 2;
  return { alpha, value: phi(alpha), evaluations, points, satisfied: true };
}

export interface DerivativeSearchOptions {
  /** The first point α₀. Default 0. */
  alpha0?: number;
  /** Secant only: the second point α₁. Default 1. */
  alpha1?: number;
  /** Stop when |α_{k+1} − α_k| ≤ tol·max(1, |α_k|). Default 1e-10. */
  tol?: number;
  /** The most updates. Default 50. */
  maxIter?: number;
}

function slopeAt(objective: Objective, xv: Float64Array, d: ArrayLike<number>, alpha: number, trial: Float64Array, g: Float64Array): number {
  objective.grad(along(xv, d, alpha, trial), g);
  let s = 0;
  for (let i = 0; i < g.length; ++i) s += g[i] * d[i];
  return s;
}

/**
 * Newton–Raphson line search: α ← α − φ′(α)/φ″(α) until the update is below
 * tol. Needs `objective.hessian`. `points` holds each iterate with its value
 * φ(α), computed for drawing and not counted in `evaluations`. `satisfied` is
 * true when it stopped on a small update at a point where φ″ > 0 (a minimum
 * along the line), false when φ″ ≤ 0 there, a non-finite iterate, or maxIter.
 */
export function newtonLineSearch(objective: Objective, x: ArrayLike<number>, direction: ArrayLike<number>, options: DerivativeSearchOptions = {}): LineSearchResult {
  const owner = "newtonLineSearch";
  const dim = checkArgs(owner, objective, x, direction);
  if (typeof objective.hessian !== "function") throw new TypeError(`${owner}: objective ${objective.name} has no hessian, which Newton–Raphson needs`);
  rejectUnknownKeys(owner, options, ["alpha0", "tol", "maxIter"]);
  let alpha = requireInRange(owner, "alpha0", options.alpha0 ?? 0, -Infinity, Infinity);
  const tol = requireInRange(owner, "tol", options.tol ?? 1e-10, 0, Infinity, { loOpen: true });
  const maxIter = requireInteger(owner, "maxIter", options.maxIter ?? 50, 1, 1e6);
  const evaluations: Evaluations = { value: 0, grad: 0, hessian: 0 };
  const xv = Float64Array.from(x), trial = new Float64Array(dim), g = new Float64Array(dim), H = new Float64Array(dim * dim);
  const points: LineSearchResult["points"] = [];
  const record = (a: number) => points.push({ alpha: a, value: objective.value(along(xv, direction, a, trial)) });
  record(alpha);
  let curvature = NaN;
  for (let k = 0; k < maxIter; ++k) {
    const slope = slopeAt(objective, xv, direction, alpha, trial, g);
    evaluations.grad++;
    objective.hessian(along(xv, direction, alpha, trial), H);
    evaluations.hessian!++;
    curvature = 0;
    for (let i = 0; i < dim; ++i) for (let j = 0; j < dim; ++j) curvature += direction[i] * H[i * dim + j] * direction[j];
    const next = alpha - slope / curvature;
    if (!Number.isFinite(next)) break;
    const moved = Math.abs(next - alpha);
    alpha = next;
    record(alpha);
    if (moved <= tol * Math.max(1, Math.abs(alpha))) {
      const value = points[points.length - 1].value;
      return { alpha, value, evaluations, points, satisfied: curvature > 0 };
    }
  }
  return { alpha, value: points[points.length - 1].value, evaluations, points, satisfied: false };
}

/**
 * Secant line search on φ′: two starting points α₀, α₁, then the chord update
 * until it is below tol. Gradients only. `points` as for Newton (values for
 * drawing, not counted). `satisfied` is true when it stopped on a small update
 * with the chord's slope positive (a minimum along the line).
 */
export function secantLineSearch(objective: Objective, x: ArrayLike<number>, direction: ArrayLike<number>, options: DerivativeSearchOptions = {}): LineSearchResult {
  const owner = "secantLineSearch";
  const dim = checkArgs(owner, objective, x, direction);
  rejectUnknownKeys(owner, options, ["alpha0", "alpha1", "tol", "maxIter"]);
  let a0 = requireInRange(owner, "alpha0", options.alpha0 ?? 0, -Infinity, Infinity);
  let a1 = requireInRange(owner, "alpha1", options.alpha1 ?? 1, -Infinity, Infinity);
  if (a0 === a1) throw new RangeError(`${owner}: alpha0 and alpha1 must differ, both are ${a0}`);
  const tol = requireInRange(owner, "tol", options.tol ?? 1e-10, 0, Infinity, { loOpen: true });
  const maxIter = requireInteger(owner, "maxIter", options.maxIter ?? 50, 1, 1e6);
  const evaluations: Evaluations = { value: 0, grad: 0 };
  const xv = Float64Array.from(x), trial = new Float64Array(dim), g = new Float64Array(dim);
  const points: LineSearchResult["points"] = [];
  const record = (a: number) => points.push({ alpha: a, value: objective.value(along(xv, direction, a, trial)) });
  record(a0);
  record(a1);
  let s0 = slopeAt(objective, xv, direction, a0, trial, g);
  let s1 = slopeAt(objective, xv, direction, a1, trial, g);
  evaluations.grad += 2;
  for (let k = 0; k < maxIter; ++k) {
    const chord = (s1 - s0) / (a1 - a0);
    const next = a1 - s1 / chord;
    if (!Number.isFinite(next)) break;
    const moved = Math.abs(next - a1);
    a0 = a1;
    s0 = s1;
    a1 = next;
    record(a1);
    if (moved <= tol * Math.max(1, Math.abs(a1))) return { alpha: a1, value: points[points.length - 1].value, evaluations, points, satisfied: chord > 0 };
    s1 = slopeAt(objective, xv, direction, a1, trial, g);
    evaluations.grad++;
  }
  return { alpha: a1, value: points[points.length - 1].value, evaluations, points, satisfied: false };
}

export interface LineSearchOptions extends BacktrackingOptions, GoldenSectionOptions {
  /** The number of steepest-descent steps, an integer in [0, 1e6]. */
  steps: number;
  /**
   * Default "backtracking". "newton" and "secant" minimize along the line with
   * their default starts (Newton from α = 0; secant from α = 0 and 1) and
   * `tol`/`maxIter`; a run stops when they end anywhere but at a minimum along
   * the line (φ″ ≤ 0 or no convergence).
   */
  search?: "backtracking" | "golden" | "newton" | "secant";
  /** Stop early once ‖∇f‖ ≤ gradTol. Default 0. */
  gradTol?: number;
}

export interface LineSearchTrajectory extends Trajectory {
  /** The step size chosen at each step (steps entries). */
  readonly alpha: Float64Array;
  /** Function evaluations spent by the line search at each step. */
  readonly valueEvaluations: Float64Array;
  /** Gradient evaluations at each step (the one at the new point included). */
  readonly gradEvaluations: Float64Array;
  /** Curvatures dᵀ∇²f d at each step, each from one full-Hessian evaluation (objective.hessian): Newton only, else 0. */
  readonly hessianEvaluations: Float64Array;
}

/**
 * Steepest descent x_{k+1} = x_k − α_k·∇f(x_k) with α_k from a line search.
 * Returns a trajectory shaped like `minimize`'s (its `effectiveLr` is α_k in
 * every coordinate) plus α and the evaluations per step. It stops early when
 * ‖∇f‖ ≤ gradTol or when backtracking finds no acceptable step (reason says which).
 */
export function minimizeWithLineSearch(objective: Objective, x0: ArrayLike<number>, options: LineSearchOptions): LineSearchTrajectory {
  const owner = "minimizeWithLineSearch";
  if (objective === null || typeof objective !== "object" || typeof objective.value !== "function") {
    throw new TypeError(`${owner}: objective must be an Objective { dim, value, grad }`);
  }
  const dim = objective.dim;
  requireSameLength(owner, "x0", x0.length, dim);
  const { steps: stepsOpt, search = "backtracking", gradTol: gradTolOpt, ...rest } = options;
  const steps = requireInteger(owner, "steps", stepsOpt, 0, 1e6);
  const gradTol = requireInRange(owner, "gradTol", gradTolOpt ?? 0, 0, Infinity);
  if (search !== "backtracking" && search !== "golden" && search !== "newton" && search !== "secant") {
    throw new TypeError(`${owner}: search must be "backtracking", "golden", "newton" or "secant", got ${JSON.stringify(search)}`);
  }
  if (search === "newton" && typeof objective.hessian !== "function") throw new TypeError(`${owner}: search "newton" needs an objective with a hessian; ${objective.name} has none`);
  const { alpha0, rho, c, maxIter, lo, hi, tol } = rest as BacktrackingOptions & GoldenSectionOptions;
  rejectUnknownKeys(owner, rest, ["alpha0", "rho", "c", "maxIter", "lo", "hi", "tol"]);
  const btOptions = { alpha0, rho, c, maxIter };
  const gsOptions = { lo, hi, tol, maxIter };
  const drOptions = { tol, maxIter };
  for (const o of [btOptions, gsOptions, drOptions] as Record<string, unknown>[]) for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];

  const x = new Float64Array((steps + 1) * dim);
  const loss = new Float64Array(steps + 1);
  const gradNorm = new Float64Array(steps + 1);
  const effectiveLr = new Float64Array(steps * dim);
  const alpha = new Float64Array(steps);
  const valueEvaluations = new Float64Array(steps);
  const gradEvaluations = new Float64Array(steps);
  const hessianEvaluations = new Float64Array(steps);
  const p = new Float64Array(dim);
  for (let i = 0; i < dim; ++i) {
    if (!Number.isFinite(x0[i])) throw new RangeError(`${owner}: x0[${i}] must be a finite number, got ${x0[i]}`);
    p[i] = x0[i];
  }
  const g = new Float64Array(dim);
  const dir = new Float64Array(dim);
  x.set(p);
  loss[0] = objective.value(p);
  objective.grad(p, g);
  gradNorm[0] = Math.hypot(...g);
  let taken = 0;
  let reason: string | undefined;
  let divergedAt: number | null = null;
  for (let k = 1; k <= steps; ++k) {
    if (!Number.isFinite(loss[k - 1]) || !Number.isFinite(gradNorm[k - 1])) {
      divergedAt = k - 1;
      reason = `the loss or gradient is not finite after step ${k - 1}`;
      break;
    }
    if (gradNorm[k - 1] <= gradTol) {
      reason = `stationary: ‖∇f‖ = ${gradNorm[k - 1]} ≤ gradTol = ${gradTol} after step ${k - 1}`;
      break;
    }
    for (let i = 0; i < dim; ++i) dir[i] = -g[i];
    const r =
      search === "golden"
        ? goldenSection(objective, p, dir, gsOptions)
        : search === "newton"
          ? newtonLineSearch(objective, p, dir, drOptions)
          : search === "secant"
            ? secantLineSearch(objective, p, dir, drOptions)
            : backtracking(objective, p, dir, { ...btOptions, fx: loss[k - 1], gx: g });
    if (search === "backtracking" && !r.satisfied) {
      reason = `backtracking found no step satisfying the Armijo condition at step ${k}`;
      break;
    }
    if ((search === "newton" || search === "secant") && !r.satisfied) {
      reason = `the ${search} line search did not end at a minimum along the line at step ${k}`;
      break;
    }
    for (let i = 0; i < dim; ++i) p[i] += r.alpha * dir[i];
    x.set(p, k * dim);
    effectiveLr.fill(r.alpha, (k - 1) * dim, k * dim);
    alpha[k - 1] = r.alpha;
    loss[k] = r.value;
    objective.grad(p, g);
    gradNorm[k] = Math.hypot(...g);
    valueEvaluations[k - 1] = r.evaluations.value;
    gradEvaluations[k - 1] = r.evaluations.grad + 1;
    hessianEvaluations[k - 1] = r.evaluations.hessian ?? 0;
    taken = k;
  }
  const result = {
    dim,
    steps: taken,
    x: x.subarray(0, (taken + 1) * dim),
    loss: loss.subarray(0, taken + 1),
    gradNorm: gradNorm.subarray(0, taken + 1),
    effectiveLr: effectiveLr.subarray(0, taken * dim),
    alpha: alpha.subarray(0, taken),
    valueEvaluations: valueEvaluations.subarray(0, taken),
    gradEvaluations: gradEvaluations.subarray(0, taken),
    hessianEvaluations: hessianEvaluations.subarray(0, taken),
    diverged: divergedAt !== null,
    divergedAt,
  };
  return reason === undefined ? result : { ...result, reason };
}
