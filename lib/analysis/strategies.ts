/**
 * Numerics for the "More strategies" chapter: annealed gradient noise
 * (Neelakantan et al., 2015) and the epoch where early stopping with patience
 * halts. The example orders for curricula are in ./example-order.ts.
 */
import { random, type Random } from "../random.js";
import type { DenseDataset } from "../datasets.js";
import type { Objective, Optimizer, OptimizerState } from "../types.js";
import { minimize } from "../run.js";
import { rejectUnknownKeys, requireInRange, requireInteger } from "../validate.js";

/** σ_t² = η / (1 + t)^γ, the annealed variance of Neelakantan et al. (t is the 1-based step). */
export function noiseVariance(eta: number, gamma: number, t: number): number {
  return eta / (1 + t) ** gamma;
}

export interface GradientNoiseOptions {
  /** η of the noise schedule (not the learning rate); the paper tries 0.01, 0.3 and 1. */
  eta: number;
  /** γ, the decay exponent; 0.55 in the paper. */
  gamma?: number;
  /** Seeds the noise (default 0). */
  seed?: number;
}

export interface NoisyState<S extends OptimizerState> extends OptimizerState {
  /** The wrapped optimizer's state. */
  readonly inner: S;
  /** The noisy gradient of the last step (g + noise). */
  readonly noisy: Float64Array;
  /** The generator of the noise. */
  readonly rng: Random;
}

/**
 * Wraps an optimizer so that every gradient it receives carries annealed
 * Gaussian noise (Neelakantan et al. 2015):
 *
 * $$\tilde g_t = g_t + \mathcal N(0, \sigma_t^2 I),\qquad \sigma_t^2 = \frac{\eta}{(1+t)^{\gamma}}$$
 *
 * with t the 1-based step. The wrapper works with `minimize` and `train` alike.
 * `eta = 0` is the wrapped optimizer exactly.
 */
export function withGradientNoise<S extends OptimizerState, H extends object>(
  optimizer: Optimizer<S, H>,
  options: GradientNoiseOptions
): Optimizer<NoisyState<S>, H & { noiseEta: number; noiseGamma: number }> {
  rejectUnknownKeys("withGradientNoise", options, ["eta", "gamma", "seed"]);
  const eta = requireInRange("withGradientNoise", "eta", options.eta, 0, Infinity);
  const gamma = requireInRange("withGradientNoise", "gamma", options.gamma ?? 0.55, 0, Infinity);
  const seed = requireInteger("withGradientNoise", "seed", options.seed ?? 0, -(2 ** 53), 2 ** 53);
  const hyper = Object.freeze({ ...optimizer.hyper, noiseEta: eta, noiseGamma: gamma });
  return {
    name: `${optimizer.name}+noise`,
    hyper,
    init(dim: number): NoisyState<S> {
      return { t: 0, dim, inner: optimizer.init(dim), noisy: new Float64Array(dim), rng: random(seed) };
    },
    step(params, grad, state) {
      if (grad.length !== state.dim) throw new RangeError(`withGradientNoise: grad has length ${grad.length}, expected ${state.dim}`);
      const t = state.t + 1;
      const sigma = Math.sqrt(noiseVariance(eta, gamma, t));
      const { noisy, rng } = state;
      for (let i = 0; i < grad.length; ++i) noisy[i] = grad[i] + (sigma > 0 ? sigma * rng.normal() : 0);
      optimizer.step(params, noisy, state.inner);
      state.t = t;
    },
    with(changes) {
      const { noiseEta, noiseGamma, ...rest } = changes as Partial<H & { noiseEta: number; noiseGamma: number }>;
      return withGradientNoise(optimizer.with(rest as Partial<H>), { eta: noiseEta ?? eta, gamma: noiseGamma ?? gamma, seed });
    },
  };
}

export interface EscapeResult {
  /** Final positions, one per seed (first coordinate for a 1-D objective; all coordinates flattened otherwise). */
  readonly finals: Float64Array;
  /** Final values f(x_T). */
  readonly values: Float64Array;
  /** Fraction of the seeds whose final value is within `tol` of the global minimum value. */
  readonly globalFraction: number;
  readonly meanValue: number;
}

/**
 * Runs `make()` wrapped in gradient noise from `x0`, once per seed, and counts
 * how often it ends at the global minimum. To tell which minimum a run ended
 * in despite the last noisy steps, `polish` noiseless steps of `make()`
 * (default 200) follow from its final point; the value reached is `values[s]`,
 * and a hit is a value within `tol` of `objective.minValue`. Seed s uses noise
 * seed s; `eta = 0` is the noiseless run.
 */
export function escapeStatistics(
  objective: Objective,
  make: () => Optimizer<OptimizerState, object>,
  x0: readonly number[],
  options: { eta: number; gamma?: number; seeds: number; steps: number; tol?: number; polish?: number }
): EscapeResult {
  const seeds = requireInteger("escapeStatistics", "seeds", options.seeds, 1);
  const steps = requireInteger("escapeStatistics", "steps", options.steps, 1);
  const tol = options.tol ?? 1e-2;
  const polish = requireInteger("escapeStatistics", "polish", options.polish ?? 200, 0);
  const min = objective.minValue ?? 0;
  const dim = objective.dim;
  const finals = new Float64Array(seeds * dim);
  const values = new Float64Array(seeds);
  let hits = 0;
  for (let s = 0; s < seeds; ++s) {
    const opt = withGradientNoise(make() as Optimizer<OptimizerState, Record<string, unknown>>, { eta: options.eta, gamma: options.gamma ?? 0.55, seed: s });
    const run = minimize(objective, opt, x0, { steps });
    const last = run.steps;
    for (let j = 0; j < dim; ++j) finals[s * dim + j] = run.x[last * dim + j];
    if (run.diverged) values[s] = Infinity;
    else if (polish === 0) values[s] = run.loss[last];
    else {
      // which minimum did the noisy run end in? a few noiseless steps settle it
      const settle = minimize(objective, make(), Array.from(finals.subarray(s * dim, s * dim + dim)), { steps: polish });
      values[s] = settle.diverged ? Infinity : settle.loss[settle.steps];
    }
    if (values[s] - min <= tol) hits++;
  }
  let mean = 0;
  for (const v of values) mean += v;
  return { finals, values, globalFraction: hits / seeds, meanValue: mean / seeds };
}

/**
 * Where early stopping with `patience` halts on a validation curve (losses
 * after epochs 1, 2, …): it stops after `patience` epochs without an
 * improvement larger than `minDelta`. The same rule as `train`'s `earlyStopping`.
 * Returns 1-based epochs; `stopEpoch` is null if patience never runs out.
 */
export function earlyStopPoint(validation: ArrayLike<number>, patience: number, minDelta = 0): { bestEpoch: number; stopEpoch: number | null; bestLoss: number } {
  requireInteger("earlyStopPoint", "patience", patience, 1);
  requireInRange("earlyStopPoint", "minDelta", minDelta, 0, Infinity);
  let best = Infinity;
  let bestEpoch = 0;
  let since = 0;
  for (let e = 0; e < validation.length; ++e) {
    if (validation[e] < best - minDelta) {
      best = validation[e];
      bestEpoch = e + 1;
      since = 0;
    } else if (++since >= patience) {
      return { bestEpoch, stopEpoch: e + 1, bestLoss: best };
    }
  }
  return { bestEpoch, stopEpoch: null, bestLoss: best };
}

/**
 * A copy of `params` with every weight matrix multiplied by `c` and nothing
 * else (biases, batch norm's γ and β untouched): the "poor initialization" of
 * the batch-norm experiment, the same for the plain and the normalized
 * network. Works for `mlp` and `mlpBatchNorm` (a model with `sizes`, and
 * `layout` for the latter).
 */
export function scaleWeightMatrices(model: { sizes: readonly number[]; layout?: readonly { W: number }[] }, params: Float64Array, c: number): Float64Array {
  requireInRange("scaleWeightMatrices", "c", c, 0, Infinity, { loOpen: true });
  const out = params.slice();
  const { sizes } = model;
  let offset = 0;
  for (let l = 0; l < sizes.length - 1; ++l) {
    const size = sizes[l] * sizes[l + 1];
    // mlp: W_l then b_l; mlpBatchNorm: its layout says where W_l starts
    const W = model.layout ? model.layout[l].W : offset;
    for (let j = W; j < W + size; ++j) out[j] *= c;
    offset += size + sizes[l + 1];
  }
  return out;
}

/**
 * Test accuracy of a trained batch-norm network under four ways of
 * normalizing at test time: the running averages (eval mode, what torch
 * deploys), and — in train mode — the statistics of the whole test set, of
 * test batches of `batch` examples, and of each example alone.
 */
export function batchNormTestAccuracy(
  model: { mode: "train" | "eval"; accuracy(params: Float64Array, data: DenseDataset, indices?: ArrayLike<number>): number },
  params: Float64Array,
  test: DenseDataset,
  batch = 8
): { running: number; wholeSet: number; batches: number; single: number } {
  requireInteger("batchNormTestAccuracy", "batch", batch, 1);
  const before = model.mode;
  try {
    model.mode = "eval";
    const running = model.accuracy(params, test);
    model.mode = "train";
    const wholeSet = model.accuracy(params, test);
    const chunked = (size: number) => {
      let right = 0;
      for (let a = 0; a < test.n; a += size) {
        const idx = Array.from({ length: Math.min(size, test.n - a) }, (_, k) => a + k);
        right += model.accuracy(params, test, idx) * idx.length;
      }
      return right / test.n;
    };
    return { running, wholeSet, batches: chunked(batch), single: chunked(1) };
  } finally {
    model.mode = before;
  }
}
