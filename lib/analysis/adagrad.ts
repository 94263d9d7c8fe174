/**
 * Numerics for the Adagrad chapter (src/adagrad.md): the test problems it
 * needs beyond lib/objectives, and small helpers to look inside a run.
 *
 * - `noisyRavine`: the seeds' ravine 0.1·x₁² + 2·x₂² with Gaussian noise added
 *   to every gradient, so that the squared gradients do not die out and Adagrad's
 *   sum s_t grows linearly (the regime where its step falls like t^−½).
 * - `longSlope`: f(x) = √(1 + x²) − 1, a 1-D slope whose gradient stays near ±1
 *   for |x| ≫ 1; the optimizer has a long way to walk, and Adagrad's shrinking
 *   step makes the walk last ~ (distance / 2η)² steps.
 * - `capturing(optimizer)`: the same optimizer, with a handle on the state it
 *   creates, so a page can read Adagrad's `s` after `train` has run.
 * - `documentFrequency(data)`: in how many examples each feature occurs.
 * - `firstStep(optimizer, g)`: the size of an optimizer's first step on a
 *   gradient g (per coordinate), to compare ε conventions.
 */
import type { SparseDataset } from "../datasets.js";
import { quadratic, type Quadratic } from "../objectives/quadratic.js";
import { random } from "../random.js";
import type { Objective, Optimizer, OptimizerState } from "../types.js";
import { rejectUnknownKeys, requireInRange, requireInteger } from "../validate.js";

export interface NoisyRavineOptions {
  /** Standard deviation σ of the noise added to each gradient coordinate (default 1). */
  sigma?: number;
  /** Seed of the noise (default 0): the noise at step t is the same in every run. */
  seed?: number;
}

/**
 * The ravine f(x) = 0.1·x₁² + 2·x₂² whose gradient at step t is
 * (0.2·x₁ + σξ_{t,1}, 4·x₂ + σξ_{t,2}), ξ standard normal, fixed by the seed and t.
 * `value` is the noise-free f. Without t (a plain call) the gradient is exact.
 */
export function noisyRavine(options: NoisyRavineOptions = {}): Objective {
  rejectUnknownKeys("noisyRavine", options, ["sigma", "seed"]);
  const sigma = requireInRange("noisyRavine", "sigma", options.sigma ?? 1, 0, Infinity);
  const seed = requireInteger("noisyRavine", "seed", options.seed ?? 0, 0, 2 ** 32 - 1);
  const rng = random(seed);
  let noise = new Float64Array(0);
  const noiseAt = (t: number, i: number): number => {
    const k = 2 * (t - 1) + i;
    if (k >= noise.length) {
      const grown = new Float64Array(Math.max(2 * noise.length, k + 2, 1024));
      grown.set(noise);
      for (let j = noise.length; j < grown.length; ++j) grown[j] = rng.normal();
      noise = grown;
    }
    return noise[k];
  };
  return {
    name: "noisy-ravine",
    dim: 2,
    value: (x) => 0.1 * x[0] * x[0] + 2 * x[1] * x[1],
    grad(x, out, t) {
      const exact = t === undefined || !(t >= 1) || sigma === 0;
      out[0] = 0.2 * x[0] + (exact ? 0 : sigma * noiseAt(Math.floor(t), 0));
      out[1] = 4 * x[1] + (exact ? 0 : sigma * noiseAt(Math.floor(t), 1));
      return out;
    },
    domain: [
      [-6, 2],
      [-3, 3],
    ],
    minima: [[0, 0]],
    minValue: 0,
  };
}

/** f(x) = √(1 + x²) − 1 in one dimension: f′(x) = x/√(1 + x²), which is ≈ ±1 far from 0. */
export function longSlope(): Objective {
  return {
    name: "long-slope",
    dim: 1,
    value: (x) => Math.sqrt(1 + x[0] * x[0]) - 1,
    grad(x, out) {
      out[0] = x[0] / Math.sqrt(1 + x[0] * x[0]);
      return out;
    },
    hessian(x, out) {
      out[0] = 1 / (1 + x[0] * x[0]) ** 1.5;
      return out;
    },
    domain: [[-2, 100]],
    minima: [[0]],
    minValue: 0,
  };
}

/**
 * Adagrad's distance after t steps under a constant gradient magnitude:
 * Σ_{k=1}^{t} η/√k (ε neglected), ≈ 2η√t.
 */
export function adagradDistance(lr: number, t: number): number {
  requireInteger("adagradDistance", "t", t, 0);
  let d = 0;
  for (let k = 1; k <= t; ++k) d += lr / Math.sqrt(k);
  return d;
}

/** The smallest t at which adagradDistance(lr, t) ≥ distance. */
export function adagradStepsToTravel(lr: number, distance: number): number {
  requireInRange("adagradStepsToTravel", "lr", lr, 0, Infinity, { loOpen: true });
  requireInRange("adagradStepsToTravel", "distance", distance, 0, 1e9);
  let d = 0;
  let t = 0;
  while (d < distance) d += lr / Math.sqrt(++t);
  return t;
}

/**
 * Wraps an optimizer so that the state it creates can be read afterwards:
 * `const c = capturing(adagrad({lr}))`, train with `c.optimizer`, then `c.state()`
 * is the state of the last run (null before any). Steps are delegated unchanged.
 */
export function capturing<S extends OptimizerState, H extends object>(
  optimizer: Optimizer<S, H>
): { optimizer: Optimizer<S, H>; state: () => S | null } {
  let last: S | null = null;
  const wrap = (inner: Optimizer<S, H>): Optimizer<S, H> => ({
    name: inner.name,
    hyper: inner.hyper,
    init(dim: number): S {
      last = inner.init(dim);
      return last;
    },
    step: (params, grad, state) => inner.step(params, grad, state),
    with: (changes) => wrap(inner.with(changes)),
  });
  return { optimizer: wrap(optimizer), state: () => last };
}

/** For each feature (column) of a sparse dataset, the number of examples in which it is nonzero. */
export function documentFrequency(data: SparseDataset): Float64Array {
  const counts = new Float64Array(data.d);
  const { indices, indptr, n } = data;
  for (let p = 0; p < indptr[n]; ++p) counts[indices[p]] += 1;
  return counts;
}

/**
 * How sparse a bag-of-words dataset is, as the playground's sparse race
 * describes it: the mean number of nonzero features per example, and the
 * "upper median" document frequency m = sorted(df)[⌊d/2⌋], chosen so that
 * more than half of the d features (at least ⌊d/2⌋ + 1 of them) occur in at
 * most m examples — the sentence "more than half of the words occur in at
 * most m sentences" is then true by construction.
 */
export function sparsityFacts(data: SparseDataset): { featuresPerExample: number; medianDocumentFrequency: number } {
  const df = documentFrequency(data);
  const sorted = Float64Array.from(df).sort();
  return {
    featuresPerExample: data.indptr[data.n] / data.n,
    medianDocumentFrequency: sorted[Math.floor(data.d / 2)],
  };
}

/** |Δθ| of an optimizer's first step from θ = 0 on the gradient g (one coordinate per entry of g). */
export function firstStep(optimizer: Optimizer<any, any>, g: ArrayLike<number>): Float64Array {
  const n = g.length;
  const params = new Float64Array(n);
  const grad = Float64Array.from(g);
  optimizer.step(params, grad, optimizer.init(n));
  return params.map(Math.abs);
}

/**
 * The ravine 0.1·x₁² + 2·x₂² turned by `angle` radians about its minimum:
 * f(x) = ½xᵀAx with A = R diag(0.2, 4) Rᵀ. Its Hessian is no longer diagonal
 * (for angle = π/4, A = [[2.1, −1.9], [−1.9, 2.1]]): both coordinates feel both
 * curvatures, so a per-coordinate step size cannot separate them.
 */
export function rotatedRavine(angle: number): Quadratic {
  requireInRange("rotatedRavine", "angle", angle, -Math.PI, Math.PI);
  const c = Math.cos(angle), s = Math.sin(angle);
  const l1 = 0.2, l2 = 4;
  const A = [
    [l1 * c * c + l2 * s * s, (l1 - l2) * c * s],
    [(l1 - l2) * c * s, l1 * s * s + l2 * c * c],
  ];
  return quadratic(A, [0, 0], { name: `ravine rotated ${Math.round((angle * 180) / Math.PI)}°`, domain: [[-6, 6], [-6, 6]] });
}

/**
 * Logistic regression's curvature and its gradient-based proxy, per feature j,
 * at the parameters `params` ([w, b] as `logisticRegression`):
 *
 * - Hessian diagonal  H_jj = (1/n) Σᵢ σ(zᵢ)(1 − σ(zᵢ)) x_ij²
 * - empirical Fisher  F_jj = (1/n) Σᵢ (σ(zᵢ) − yᵢ)² x_ij²,
 *   the mean squared per-example gradient — what Adagrad's s_j/t estimates
 *   (up to the minibatch averaging).
 *
 * For a model whose predicted probabilities are calibrated, E[(σ − y)² | x] =
 * σ(1 − σ), so F_jj ≈ H_jj: the squared gradient *is* a curvature estimate
 * (the Fisher information). Also returns each feature's document count.
 * σ(1 − σ) is computed from e^{−|z|}, so it stays positive until |z| ≳ 745;
 * beyond that a feature's H_jj can still be 0 and F_jj/H_jj undefined.
 */
export function fisherHessianDiagonal(params: ArrayLike<number>, data: SparseDataset): { fisher: Float64Array; hessian: Float64Array; count: Float64Array } {
  const { indptr, indices, values, y, n, d } = data;
  if (params.length !== d + 1) throw new RangeError(`fisherHessianDiagonal: params has length ${params.length}, expected d + 1 = ${d + 1}`);
  const fisher = new Float64Array(d), hessian = new Float64Array(d), count = new Float64Array(d);
  for (let i = 0; i < n; ++i) {
    let z = params[d];
    for (let p = indptr[i]; p < indptr[i + 1]; ++p) z += params[indices[p]] * (values ? values[p] : 1);
    // σ(1 − σ) = e^{−|z|}/(1 + e^{−|z|})², which does not round to 0 for |z| up to ~745
    // (1 − σ computed as a difference would be 0 once σ rounds to 1, near |z| ≈ 37).
    const e = Math.exp(-Math.abs(z));
    const h = e / ((1 + e) * (1 + e));
    const sig = z >= 0 ? 1 / (1 + e) : e / (1 + e), oneMinus = z >= 0 ? e / (1 + e) : 1 / (1 + e);
    const r = y[i] === 1 ? oneMinus : y[i] === 0 ? sig : sig - y[i];
    const r2 = r * r;
    for (let p = indptr[i]; p < indptr[i + 1]; ++p) {
      const x2 = values ? values[p] * values[p] : 1;
      fisher[indices[p]] += (r2 * x2) / n;
      hessian[indices[p]] += (h * x2) / n;
      count[indices[p]] += 1;
    }
  }
  return { fisher, hessian, count };
}

/**
 * The accumulated sum s_t of an Adagrad run, recovered from its recorded
 * effective learning rate η/(√s_t + ε): s_t = (η/eff − ε)². `t` is 1-based.
 */
export function adagradSum(effectiveLr: ArrayLike<number>, dim: number, coordinate: number, t: number, lr: number, eps = 1e-10): number {
  requireInteger("adagradSum", "t", t, 1, effectiveLr.length / dim);
  return (lr / effectiveLr[(t - 1) * dim + coordinate] - eps) ** 2;
}

/**
 * How much Adagrad's effective learning rate falls between steps t₁ < t₂ when
 * the gradients are a decaying exact part plus noise of variance σ²:
 * s_t ≈ s_early + σ²t, so the ratio is √((s_early + σ²t₂)/(s_early + σ²t₁)).
 * It approaches √(t₂/t₁) only once σ²t₁ ≫ s_early.
 */
export function noisyAdagradDecay(sEarly: number, sigma: number, t1: number, t2: number): number {
  requireInRange("noisyAdagradDecay", "sEarly", sEarly, 0, Infinity);
  requireInRange("noisyAdagradDecay", "sigma", sigma, 0, Infinity);
  return Math.sqrt((sEarly + sigma * sigma * t2) / (sEarly + sigma * sigma * t1));
}
