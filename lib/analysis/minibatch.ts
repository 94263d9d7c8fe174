/**
 * Measurements for the minibatch chapter: how noisy a minibatch gradient is,
 * what an epoch costs in time, and polynomial features for an over-fitting
 * experiment. The example orders (sorted, curriculum) are in ./example-order.ts.
 *
 * The minibatch gradient g_B = (1/B) Σ_{i∈B} ∇ℓᵢ is an unbiased estimate of the
 * full gradient g = (1/n) Σᵢ ∇ℓᵢ. With σ² = (1/n) Σᵢ ‖∇ℓᵢ − g‖² the spread of
 * the per-example gradients, a batch of B distinct examples drawn at random
 * (as one shuffled epoch gives) has
 *
 *   E ‖g_B − g‖² = (σ²/B) · (n − B)/(n − 1),
 *
 * σ²/B as for independent draws, times the finite-population correction
 * (n − B)/(n − 1), which is 0 for the full batch.
 */
import type { Dataset, DenseDataset } from "../datasets.js";
import { standardize } from "../datasets.js";
import type { Model } from "../models/model.js";
import { random, type Random } from "../random.js";
import type { Optimizer, OptimizerState } from "../types.js";
import { requireInRange, requireInteger } from "../validate.js";

export interface GradientSpread {
  batchSize: number;
  /** The mean of ‖g_B − g‖² over the sampled batches. */
  measured: number;
  /** (σ²/B)·(n − B)/(n − 1). */
  predicted: number;
  /** How many batches were drawn. */
  samples: number;
}

/** σ² = (1/n) Σᵢ ‖∇ℓᵢ(params) − g‖², with g the full gradient. Also returns g. */
export function perExampleSpread<D extends Dataset>(model: Model<D>, data: D, params: Float64Array): { sigma2: number; grad: Float64Array } {
  const n = data.n;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const g = new Float64Array(model.dim);
  model.grad(params, data, all, g);
  const gi = new Float64Array(model.dim);
  let sigma2 = 0;
  for (let i = 0; i < n; ++i) {
    model.grad(params, data, all, gi, i, i + 1);
    for (let j = 0; j < gi.length; ++j) sigma2 += (gi[j] - g[j]) ** 2;
  }
  return { sigma2: sigma2 / n, grad: g };
}

/**
 * Measures E‖g_B − g‖² at `params` for each batch size: draws `samples` batches
 * (or more, up to `examples`/B, so small batches, whose estimate is noisiest,
 * get more draws) of B distinct examples (a fresh random order, its first B), as the training
 * loop's shuffled batches are, and compares with (σ²/B)(n − B)/(n − 1).
 */
export function gradientSpread<D extends Dataset>(
  model: Model<D>,
  data: D,
  params: Float64Array,
  batchSizes: readonly number[],
  options: { samples?: number; examples?: number; seed?: number } = {}
): { sigma2: number; rows: GradientSpread[] } {
  const minSamples = requireInteger("gradientSpread", "samples", options.samples ?? 400, 1);
  const examples = requireInteger("gradientSpread", "examples", options.examples ?? 0, 0);
  const rng = random(options.seed ?? 0);
  const n = data.n;
  batchSizes.forEach((B, i) => requireInteger("gradientSpread", `batchSizes[${i}]`, B, 1, n));
  const { sigma2, grad: g } = perExampleSpread(model, data, params);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const gb = new Float64Array(model.dim);
  const rows = batchSizes.map((B) => {
    const samples = Math.max(minSamples, Math.ceil(examples / B));
    let total = 0;
    for (let s = 0; s < samples; ++s) {
      // A partial Fisher–Yates shuffle: the first B entries are a uniform random B-subset.
      for (let k = 0; k < B; ++k) {
        const j = k + rng.int(n - k);
        const tmp = order[k];
        order[k] = order[j];
        order[j] = tmp;
      }
      model.grad(params, data, order, gb, 0, B);
      for (let j = 0; j < gb.length; ++j) total += (gb[j] - g[j]) ** 2;
    }
    return { batchSize: B, measured: total / samples, predicted: ((sigma2 / B) * (n - B)) / (n - 1), samples };
  });
  return { sigma2, rows };
}

/**
 * Runs `epochs` epochs of minibatch training exactly as `train` does (a fresh
 * shuffle per epoch, then one step per batch), without evaluating any loss,
 * and returns the milliseconds they took: the cost of training alone, timed
 * with one clock reading at each end so the timer's resolution (0.1 ms in
 * some browsers) does not matter once the run is long enough.
 */
export function timeEpochs<D extends Dataset, S extends OptimizerState, H extends object>(
  model: Model<D>,
  data: D,
  optimizer: Optimizer<S, H>,
  batchSize: number,
  epochs: number,
  rng: Random = random(0),
  params: Float64Array = model.init(rng)
): number {
  requireInteger("timeEpochs", "batchSize", batchSize, 1, data.n);
  requireInteger("timeEpochs", "epochs", epochs, 1);
  const n = data.n;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const grad = new Float64Array(model.dim);
  const state = optimizer.init(model.dim);
  const t0 = performance.now();
  for (let e = 0; e < epochs; ++e) {
    rng.shuffle(order);
    for (let s = 0; s < n; s += batchSize) {
      model.grad(params, data, order, grad, s, Math.min(s + batchSize, n));
      optimizer.step(params, grad, state);
    }
  }
  return performance.now() - t0;
}

export interface EpochTiming {
  batchSize: number;
  /** Milliseconds per epoch: the fastest round (the least disturbed by other work on the machine). */
  msPerEpoch: number;
  /** The median round's milliseconds per epoch. */
  medianMs: number;
  /** Nanoseconds per example. */
  nsPerExample: number;
  /** Epochs run in all. */
  epochs: number;
}

/** Resolves after the event loop has had a turn. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Measures the time per epoch of each configuration: first a warm-up round of
 * every configuration (so the JIT has compiled the shared code before anything
 * is timed), which also sizes a round to about `roundMs`; then `rounds` timed
 * rounds, round-robin over the configurations so a slow moment of the machine
 * hits them all alike; the result is each configuration's fastest round (the
 * usual benchmark estimator: other work on the machine only ever adds time),
 * with the median alongside. Yields to
 * the event loop between rounds so a page stays responsive, and yields
 * progress `{ done, total, timings }` as it goes; the last yield has every timing.
 */
export async function* measureEpochTimes<D extends Dataset>(
  model: Model<D>,
  data: D,
  configs: readonly { batchSize: number; optimizer: Optimizer<OptimizerState, object> }[],
  options: { rounds?: number; roundMs?: number; seed?: number } = {}
): AsyncGenerator<{ done: number; total: number; timings: EpochTiming[] }> {
  const rounds = requireInteger("measureEpochTimes", "rounds", options.rounds ?? 5, 1);
  const roundMs = requireInRange("measureEpochTimes", "roundMs", options.roundMs ?? 30, 1, 10000);
  const rng = random(options.seed ?? 0);
  const total = configs.length * (rounds + 1);
  let done = 0;
  const epochs: number[] = [];
  for (const { batchSize, optimizer } of configs) {
    let k = 1;
    while (timeEpochs(model, data, optimizer, batchSize, k, rng) < roundMs && k < 1 << 20) k *= 2;
    epochs.push(k);
    done++;
    yield { done, total, timings: [] };
    await yieldToEventLoop();
  }
  const perEpoch: number[][] = configs.map(() => []);
  for (let round = 0; round < rounds; ++round) {
    configs.forEach(({ batchSize, optimizer }, c) => {
      perEpoch[c].push(timeEpochs(model, data, optimizer, batchSize, epochs[c], rng) / epochs[c]);
    });
    done += configs.length;
    const timings = configs.map(({ batchSize }, c) => {
      const sorted = perEpoch[c].slice().sort((a, b) => a - b);
      const ms = sorted[0];
      return { batchSize, msPerEpoch: ms, medianMs: sorted[Math.floor(sorted.length / 2)], nsPerExample: (ms * 1e6) / data.n, epochs: epochs[c] * sorted.length };
    });
    yield { done, total, timings };
    await yieldToEventLoop();
  }
}

/**
 * Polynomial features: every monomial of the inputs of degree 1 … `degree`
 * (x₁, x₂, …, x₁², x₁x₂, …), each column standardized. 5 inputs at degree 3
 * give 55 features: enough capacity to over-fit a small training set.
 * Returns the new dataset and the statistics, to apply to other splits.
 */
export function polynomialFeatures(
  data: DenseDataset,
  degree: number,
  stats?: ReturnType<typeof standardize>["stats"]
): { data: DenseDataset; stats: ReturnType<typeof standardize>["stats"] } {
  requireInteger("polynomialFeatures", "degree", degree, 1, 6);
  const { n, d, X } = data;
  const monomials: number[][] = [];
  const grow = (start: number, current: number[]) => {
    if (current.length > 0) monomials.push(current.slice());
    if (current.length === degree) return;
    for (let j = start; j < d; ++j) {
      current.push(j);
      grow(j, current);
      current.pop();
    }
  };
  grow(0, []);
  const D = monomials.length;
  const Z = new Float64Array(n * D);
  for (let i = 0; i < n; ++i) {
    for (let k = 0; k < D; ++k) {
      let v = 1;
      for (const j of monomials[k]) v *= X[i * d + j];
      Z[i * D + k] = v;
    }
  }
  const names = monomials.map((m) => m.map((j) => data.featureNames[j] ?? `x${j}`).join("·"));
  const expanded: DenseDataset = { ...data, X: Z, d: D, featureNames: names };
  return standardize(expanded, stats ? { stats } : {});
}

/**
 * Curvatures of the least-squares loss mean ½((x, 1)·w − y)² of a dense dataset:
 * its Hessian is H = (1/n) Σᵢ aᵢaᵢᵀ with aᵢ = (xᵢ, 1). Returns H's largest
 * eigenvalue λ_max (by power iteration; full-batch GD is stable iff η < 2/λ_max)
 * and the largest single-example curvature max ‖aᵢ‖² (a batch of that one
 * example is stable only for η < 2/‖aᵢ‖²).
 */
export function leastSquaresCurvature(data: DenseDataset): { lambdaMax: number; maxExample: number; meanExample: number } {
  const { n, d, X } = data;
  const m = d + 1;
  const H = new Float64Array(m * m);
  const a = new Float64Array(m);
  let maxExample = 0;
  let meanExample = 0;
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j < d; ++j) a[j] = X[i * d + j];
    a[d] = 1;
    let norm2 = 0;
    for (let p = 0; p < m; ++p) {
      norm2 += a[p] * a[p];
      for (let q = 0; q < m; ++q) H[p * m + q] += (a[p] * a[q]) / n;
    }
    maxExample = Math.max(maxExample, norm2);
    meanExample += norm2 / n;
  }
  let v = new Float64Array(m).fill(1 / Math.sqrt(m));
  let lambda = 0;
  for (let it = 0; it < 1000; ++it) {
    const w = new Float64Array(m);
    for (let p = 0; p < m; ++p) for (let q = 0; q < m; ++q) w[p] += H[p * m + q] * v[q];
    const norm = Math.hypot(...w);
    const next = norm;
    v = w.map((x) => x / norm);
    if (Math.abs(next - lambda) <= 1e-14 * next) {
      lambda = next;
      break;
    }
    lambda = next;
  }
  return { lambdaMax: lambda, maxExample, meanExample };
}

/**
 * The time (ms) at which a training curve first reaches `target`, with the
 * time axis epoch × msPerEpoch; Infinity if it never does.
 */
export function timeToReach(curve: readonly { epoch: number; loss: number }[], target: number, msPerEpoch: number): number {
  for (const p of curve) if (p.loss <= target) return p.epoch * msPerEpoch;
  return Infinity;
}
