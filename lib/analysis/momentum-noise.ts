/**
 * Momentum with noisy gradients on a quadratic: the noise floor against β
 * (G. Goh, "Why Momentum Really Works", Distill 2017, last section).
 *
 *   f(x) = ½ Σᵢ λᵢ xᵢ²,  g_t = ∇f(x_{t−1}) + σξ_t,  ξ_t ~ N(0, I),
 *   v_t = βv_{t−1} + g_t,  x_t = x_{t−1} − ηv_t   (PyTorch's form).
 *
 * In one coordinate the iterates follow the AR(2) recursion
 * x_t = (1 + β − ηλ)x_{t−1} − βx_{t−2} − ησξ_t, whose stationary variance
 * (a standard AR(2) result, stable iff 0 < ηλ < 2 + 2β) is
 *
 *   Var x = (1 + β)·η²σ² / ((1 − β)·((1 + β)² − (1 + β − ηλ)²))
 *         = (1 + β)·ησ² / ((1 − β)·λ·(2 + 2β − ηλ)).
 *
 * The loss floor is E f = Σᵢ ½λᵢ Var xᵢ = Σᵢ (1 + β)ησ² / (2(1 − β)(2 + 2β − ηλᵢ)).
 * For small ηλ that is ≈ Σᵢ ησ²/(4(1 − β)): the floor of plain SGD with the
 * step η/(1 − β) (noiseFloor in noisy-quadratic.ts: ησ²/(2(2 − ηλ)) per
 * coordinate). Momentum at a fixed η raises the floor by 1/(1 − β); at a fixed
 * effective step η/(1 − β) it leaves it where SGD has it. It averages the
 * noise no better than a larger plain step would.
 */
import { random } from "../random.js";
import { requireInRange, requireInteger } from "../validate.js";

/** The stationary E f of momentum with noisy gradients; Infinity when some ηλᵢ ≥ 2 + 2β. */
export function momentumNoiseFloor(lambdas: readonly number[], sigma: number, lr: number, beta: number): number {
  requireInRange("momentumNoiseFloor", "sigma", sigma, 0, Infinity);
  requireInRange("momentumNoiseFloor", "lr", lr, 0, Infinity);
  requireInRange("momentumNoiseFloor", "beta", beta, 0, 1, { hiOpen: true });
  let floor = 0;
  for (const l of lambdas) {
    requireInRange("momentumNoiseFloor", "lambda", l, 0, Infinity, { loOpen: true });
    if (lr * l >= 2 + 2 * beta) return Infinity;
    floor += ((1 + beta) * lr * sigma * sigma) / (2 * (1 - beta) * (2 + 2 * beta - lr * l));
  }
  return floor;
}

/** One seeded sample path of momentum with noisy gradients: f(x_t) for t = 0 … steps (shorter if it diverged past 1e12). */
export function noisyMomentum(
  lambdas: readonly number[],
  sigma: number,
  x0: readonly number[],
  lr: number,
  beta: number,
  steps: number,
  seed = 0,
): Float64Array {
  requireInRange("noisyMomentum", "sigma", sigma, 0, Infinity);
  requireInRange("noisyMomentum", "lr", lr, 0, Infinity);
  requireInRange("noisyMomentum", "beta", beta, 0, 1, { hiOpen: true });
  requireInteger("noisyMomentum", "steps", steps, 0, 1e7);
  if (x0.length !== lambdas.length) throw new RangeError(`noisyMomentum: x0 must have ${lambdas.length} coordinates, like lambdas, got ${x0.length}`);
  const rng = random(seed);
  const x = Float64Array.from(x0), v = new Float64Array(x.length);
  const f = () => x.reduce((s, xi, i) => s + 0.5 * lambdas[i] * xi * xi, 0);
  const loss = new Float64Array(steps + 1);
  loss[0] = f();
  for (let t = 1; t <= steps; ++t) {
    for (let i = 0; i < x.length; ++i) {
      v[i] = beta * v[i] + lambdas[i] * x[i] + sigma * rng.normal();
      x[i] -= lr * v[i];
    }
    const ft = f();
    if (!(ft <= 1e12)) return loss.slice(0, t);
    loss[t] = ft;
  }
  return loss;
}

/** The measured floor over seeds: the mean of f over the last `tail` steps of each seed's run. */
export interface MeasuredFloor {
  readonly beta: number;
  readonly lr: number;
  /** One tail mean per seed (NaN for a run that diverged). */
  readonly perSeed: number[];
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** The closed form momentumNoiseFloor. */
  readonly predicted: number;
}

/** Measures the noise floor for one (η, β) over `seeds` sample paths of `steps` steps, averaging the last `tail`. */
export function measureNoiseFloor(
  lambdas: readonly number[],
  sigma: number,
  x0: readonly number[],
  lr: number,
  beta: number,
  { steps = 4000, tail = 2000, seeds = 5 }: { steps?: number; tail?: number; seeds?: number } = {},
): MeasuredFloor {
  requireInteger("measureNoiseFloor", "tail", tail, 1, steps);
  requireInteger("measureNoiseFloor", "seeds", seeds, 1, 1000);
  const perSeed: number[] = [];
  for (let s = 0; s < seeds; ++s) {
    const loss = noisyMomentum(lambdas, sigma, x0, lr, beta, steps, s);
    if (loss.length < steps + 1) { perSeed.push(NaN); continue; }
    let sum = 0;
    for (let t = steps - tail + 1; t <= steps; ++t) sum += loss[t];
    perSeed.push(sum / tail);
  }
  const ok = perSeed.filter(Number.isFinite);
  const mean = ok.length === perSeed.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
  return { beta, lr, perSeed, mean, min: Math.min(...perSeed), max: Math.max(...perSeed), predicted: momentumNoiseFloor(lambdas, sigma, lr, beta) };
}
