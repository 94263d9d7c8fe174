/**
 * Stochastic gradient descent on a quadratic with noisy gradients: the
 * smallest model of why SGD needs a decaying learning rate.
 *
 *   f(x) = ½ Σᵢ λᵢ xᵢ²,   g_t = ∇f(x_{t−1}) + σ ξ_t,   ξ_t ~ N(0, I),
 *   x_t = x_{t−1} − η_t g_t.
 *
 * Coordinate i moves by x ← (1 − ηλᵢ) x − ησξ, so its second moment
 * mᵢ = E[xᵢ²] follows exactly
 *
 *   mᵢ(t) = (1 − η_t λᵢ)² mᵢ(t − 1) + η_t² σ²,
 *
 * and E f(x_t) = ½ Σᵢ λᵢ mᵢ(t). With a constant rate η (stable: ηλᵢ < 2)
 * mᵢ settles at ησ²/(λᵢ(2 − ηλᵢ)), so the loss stops falling at the floor
 *
 *   E f(x_∞) = Σᵢ ησ² / (2(2 − ηλᵢ))  ≈  dim · ησ²/4  for small η:
 *
 * proportional to η, whatever the starting point. Only a rate that goes to
 * zero takes the loss to zero.
 */
import { random } from "../random.js";
import type { Schedule } from "../types.js";
import { requireFunction, requireInRange, requireInteger } from "../validate.js";

export interface NoisyQuadratic {
  /** The curvatures λᵢ > 0 (f = ½ Σ λᵢ xᵢ²). The seeds' 0.1·x₁² + 2·x₂² is [0.2, 4]. */
  lambdas: readonly number[];
  /** The standard deviation σ ≥ 0 of the noise added to each gradient coordinate. */
  sigma: number;
  /** The starting point. */
  x0: readonly number[];
}

export interface NoisyRun {
  /** f(x_t) for t = 0 … steps (shorter when the run diverged). */
  loss: Float64Array;
  /** The final point. */
  x: Float64Array;
  diverged: boolean;
  /** The step where the loss passed the limit, or null. */
  divergedAt: number | null;
}

const LIMIT = 1e12;

function check(owner: string, problem: NoisyQuadratic, schedule: Schedule, steps: number): void {
  const { lambdas, sigma, x0 } = problem;
  if (!Array.isArray(lambdas) || lambdas.length === 0) throw new RangeError(`${owner}: lambdas must be a non-empty array of positive numbers`);
  lambdas.forEach((l, i) => requireInRange(owner, `lambdas[${i}]`, l, 0, Infinity, { loOpen: true }));
  requireInRange(owner, "sigma", sigma, 0, Infinity);
  if (!Array.isArray(x0) || x0.length !== lambdas.length) throw new RangeError(`${owner}: x0 must have ${lambdas.length} coordinates, like lambdas`);
  requireFunction(owner, "schedule", schedule);
  requireInteger(owner, "steps", steps, 0, 1e7);
}

function value(lambdas: readonly number[], x: Float64Array): number {
  let f = 0;
  for (let i = 0; i < x.length; ++i) f += 0.5 * lambdas[i] * x[i] * x[i];
  return f;
}

/** One sample path of SGD with rates `schedule(t)` and seeded gradient noise. */
export function noisySgd(problem: NoisyQuadratic, schedule: Schedule, steps: number, seed = 0): NoisyRun {
  check("noisySgd", problem, schedule, steps);
  const { lambdas, sigma } = problem;
  const rng = random(seed);
  const x = Float64Array.from(problem.x0);
  const loss = new Float64Array(steps + 1);
  loss[0] = value(lambdas, x);
  for (let t = 1; t <= steps; ++t) {
    const eta = schedule(t);
    for (let i = 0; i < x.length; ++i) x[i] -= eta * (lambdas[i] * x[i] + sigma * rng.normal());
    const f = value(lambdas, x);
    if (!(f <= LIMIT)) return { loss: loss.slice(0, t), x, diverged: true, divergedAt: t };
    loss[t] = f;
  }
  return { loss, x, diverged: false, divergedAt: null };
}

/** The exact expected loss E f(x_t), t = 0 … steps, by the second-moment recursion (no sampling). */
export function expectedLoss(problem: NoisyQuadratic, schedule: Schedule, steps: number): NoisyRun {
  check("expectedLoss", problem, schedule, steps);
  const { lambdas, sigma } = problem;
  const m = Float64Array.from(problem.x0, (v) => v * v);
  const loss = new Float64Array(steps + 1);
  const f = () => m.reduce((s, mi, i) => s + 0.5 * lambdas[i] * mi, 0);
  loss[0] = f();
  for (let t = 1; t <= steps; ++t) {
    const eta = schedule(t);
    for (let i = 0; i < m.length; ++i) m[i] = (1 - eta * lambdas[i]) ** 2 * m[i] + eta * eta * sigma * sigma;
    const ft = f();
    if (!(ft <= LIMIT)) return { loss: loss.slice(0, t), x: m.map(Math.sqrt), diverged: true, divergedAt: t };
    loss[t] = ft;
  }
  return { loss, x: m.map(Math.sqrt), diverged: false, divergedAt: null };
}

/**
 * The floor Σᵢ ησ²/(2(2 − ηλᵢ)) where a constant rate η leaves E f; Infinity
 * when ηλᵢ ≥ 2 for some i (the iterates diverge).
 */
export function noiseFloor(lambdas: readonly number[], sigma: number, eta: number): number {
  requireInRange("noiseFloor", "sigma", sigma, 0, Infinity);
  requireInRange("noiseFloor", "eta", eta, 0, Infinity);
  let floor = 0;
  for (const l of lambdas) {
    if (eta * l >= 2) return Infinity;
    floor += (eta * sigma * sigma) / (2 * (2 - eta * l));
  }
  return floor;
}

/** The mean of `values` over its last `count` entries (the level where a curve has settled). */
export function tailMean(values: ArrayLike<number>, count: number): number {
  requireInteger("tailMean", "count", count, 1);
  const n = values.length;
  const k = Math.min(count, n);
  let s = 0;
  for (let i = n - k; i < n; ++i) s += values[i];
  return s / k;
}
