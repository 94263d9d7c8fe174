/**
 * Trust regions: choose the step's length first (the radius Δ of a ball in which
 * a quadratic model of f is trusted), then its direction (the model's minimizer
 * inside the ball). Line search does the opposite: direction first (−∇f), then
 * length. Nocedal & Wright, Numerical Optimization, ch. 4.
 *
 * The model at x is m(p) = f(x) + gᵀp + ½pᵀBp with g = ∇f(x), B = ∇²f(x). Its
 * minimizer over ‖p‖ ≤ Δ (Moré & Sorensen 1983) is p(λ) = −(B + λI)⁻¹g for the
 * λ ≥ max(0, −λ_min(B)) at which either λ = 0 and ‖p(0)‖ ≤ Δ (the Newton step
 * fits), or ‖p(λ)‖ = Δ. As Δ grows from 0 the solution turns from the direction
 * of −g (tiny Δ: λ → ∞, p ≈ −g/λ) to the Newton step −B⁻¹g: a curved path, where
 * line search moves along a straight line.
 */
import type { Objective } from "../types.js";
import { symmetricEigen } from "../objectives/quadratic.js";
import { rejectUnknownKeys, requireInRange, requireInteger, requireSameLength } from "../validate.js";

export interface TrustRegionStep {
  /** The step p. */
  p: Float64Array;
  /** The multiplier λ (0 when the Newton step fits inside the ball). */
  lambda: number;
  /** Whether ‖p‖ = Δ (the constraint is active). */
  onBoundary: boolean;
  /** The model's predicted decrease m(0) − m(p) = −(gᵀp + ½pᵀBp) ≥ 0. */
  predictedDecrease: number;
}

/** Solves min gᵀp + ½pᵀBp subject to ‖p‖ ≤ radius, with B (row-major n × n) symmetric. */
export function trustRegionStep(g: ArrayLike<number>, B: ArrayLike<number>, radius: number): TrustRegionStep {
  const n = g.length;
  if (B.length !== n * n) throw new RangeError(`trustRegionStep: B must be ${n} × ${n} (length ${n * n}), got length ${B.length}`);
  if (!(radius > 0)) throw new RangeError(`trustRegionStep: radius must be > 0, got ${radius}`);
  const { values, vectors } = symmetricEigen(Float64Array.from(B), n);
  const c = new Float64Array(n); // c_k = q_kᵀg
  for (let k = 0; k < n; ++k) for (let i = 0; i < n; ++i) c[k] += vectors[k * n + i] * g[i];
  const norm = (lambda: number) => {
    let s = 0;
    for (let k = 0; k < n; ++k) s += (c[k] / (values[k] + lambda)) ** 2;
    return Math.sqrt(s);
  };
  const build = (lambda: number, extra = 0) => {
    const p = new Float64Array(n);
    for (let k = 0; k < n; ++k) {
      const coef = values[k] + lambda === 0 ? 0 : -c[k] / (values[k] + lambda);
      for (let i = 0; i < n; ++i) p[i] += coef * vectors[k * n + i];
    }
    if (extra !== 0) for (let i = 0; i < n; ++i) p[i] += extra * vectors[i]; // vectors row 0: the smallest eigenvalue
    return p;
  };
  const lmin = values[0];
  const scale = Math.max(1, Math.abs(values[n - 1]));
  let lambda: number;
  let p: Float64Array;
  if (lmin > 1e-14 * scale && norm(0) <= radius) {
    lambda = 0;
    p = build(0);
  } else {
    let lo = Math.max(0, -lmin);
    // The hard case: g has no component along the lowest eigenvector and even at λ = −λ_min the step is short.
    const gNorm = Math.hypot(...Array.from(c));
    const hard = Math.abs(c[0]) <= 1e-12 * Math.max(gNorm, 1e-300) && lmin <= 0;
    if (hard) {
      let s = 0;
      for (let k = 1; k < n; ++k) if (values[k] + lo !== 0) s += (c[k] / (values[k] + lo)) ** 2;
      if (Math.sqrt(s) <= radius) {
        const tau = Math.sqrt(Math.max(0, radius * radius - s));
        p = build(lo, tau);
        return finish(g, B, p, lo, true);
      }
    }
    let hi = lo + gNorm / radius + scale;
    while (norm(hi) > radius) hi *= 2;
    if (lmin <= 0) lo += 1e-15 * scale;
    for (let it = 0; it < 200; ++it) {
      const mid = 0.5 * (lo + hi);
      if (norm(mid) > radius) lo = mid;
      else hi = mid;
      if (hi - lo <= 1e-14 * Math.max(1, hi)) break;
    }
    lambda = hi;
    p = build(lambda);
  }
  return finish(g, B, p, lambda, lambda > 0);
}

function finish(g: ArrayLike<number>, B: ArrayLike<number>, p: Float64Array, lambda: number, onBoundary: boolean): TrustRegionStep {
  const n = p.length;
  let lin = 0, quad = 0;
  for (let i = 0; i < n; ++i) {
    lin += g[i] * p[i];
    let bp = 0;
    for (let j = 0; j < n; ++j) bp += B[i * n + j] * p[j];
    quad += p[i] * bp;
  }
  return { p, lambda, onBoundary, predictedDecrease: -(lin + 0.5 * quad) };
}

/** The trust-region solutions for each radius: the curved path from −g's direction to the Newton step. */
export function trustRegionPath(g: ArrayLike<number>, B: ArrayLike<number>, radii: ArrayLike<number>): Float64Array[] {
  return Array.from(radii, (r) => trustRegionStep(g, B, r).p);
}

export interface TrustRegionOptions {
  steps: number;
  /** The first radius Δ₀ (default 1). */
  radius?: number;
  /** The largest radius (default 10·Δ₀). */
  maxRadius?: number;
  /** Accept a step when actual/predicted decrease > eta (default 0.1), in [0, 0.25). */
  eta?: number;
  /** Stop once ‖∇f‖ ≤ gradTol (default 0: run every iteration). */
  gradTol?: number;
}

export interface TrustRegionRun {
  dim: number;
  /** Accepted positions, row-major; row 0 is x0. */
  x: Float64Array;
  loss: Float64Array;
  /** The radius used at each iteration (accepted or not). */
  radius: Float64Array;
  /** r = actual / predicted decrease at each iteration. */
  ratio: Float64Array;
  accepted: Uint8Array;
  /** Accepted steps. */
  steps: number;
  /** Iterations run (accepted or not): fewer than options.steps when gradTol stopped it. */
  iterations: number;
}

/**
 * The basic trust-region method with the exact Hessian (Nocedal & Wright,
 * Alg. 4.1): solve the subproblem, compare the actual decrease with the
 * model's, r = (f(x) − f(x + p))/(m(0) − m(p)); shrink Δ by 4 when r < ¼,
 * double it (up to maxRadius) when r > ¾ and the step hit the boundary; accept
 * the step when r > eta. Bad options get a RangeError naming them.
 */
export function minimizeTrustRegion(objective: Objective, x0: ArrayLike<number>, options: TrustRegionOptions): TrustRegionRun {
  if (!objective.hessian) throw new TypeError(`minimizeTrustRegion: ${objective.name} has no hessian`);
  const owner = "minimizeTrustRegion";
  rejectUnknownKeys(owner, options, ["steps", "radius", "maxRadius", "eta", "gradTol"]);
  const dim = objective.dim;
  requireSameLength(owner, "x0", x0.length, dim);
  const iterations = requireInteger(owner, "steps", options.steps, 0, 1e6);
  let radius = requireInRange(owner, "radius", options.radius ?? 1, 0, Infinity, { loOpen: true, hiOpen: true });
  const maxRadius = requireInRange(owner, "maxRadius", options.maxRadius ?? 10 * radius, radius, Infinity, { hiOpen: true });
  const eta = requireInRange(owner, "eta", options.eta ?? 0.1, 0, 0.25, { hiOpen: true });
  const gradTol = requireInRange(owner, "gradTol", options.gradTol ?? 0, 0, Infinity);
  const xs: number[] = Array.from(x0);
  const losses: number[] = [];
  const radii = new Float64Array(iterations), ratio = new Float64Array(iterations), accepted = new Uint8Array(iterations);
  const p = Float64Array.from(x0);
  const g = new Float64Array(dim), H = new Float64Array(dim * dim), trial = new Float64Array(dim);
  let f = objective.value(p);
  losses.push(f);
  let done = 0;
  for (let k = 0; k < iterations; ++k) {
    objective.grad(p, g);
    if (Math.hypot(...g) <= gradTol) break;
    done = k + 1;
    objective.hessian(p, H);
    radii[k] = radius;
    const step = trustRegionStep(g, H, radius);
    for (let i = 0; i < dim; ++i) trial[i] = p[i] + step.p[i];
    const fTrial = objective.value(trial);
    const rho = step.predictedDecrease > 0 ? (f - fTrial) / step.predictedDecrease : 0;
    ratio[k] = rho;
    if (rho < 0.25) radius *= 0.25;
    else if (rho > 0.75 && step.onBoundary) radius = Math.min(2 * radius, maxRadius);
    if (rho > eta) {
      p.set(trial);
      f = fTrial;
      accepted[k] = 1;
      xs.push(...p);
      losses.push(f);
    }
  }
  return { dim, x: Float64Array.from(xs), loss: Float64Array.from(losses), radius: radii.subarray(0, done), ratio: ratio.subarray(0, done), accepted: accepted.subarray(0, done), steps: losses.length - 1, iterations: done };
}
