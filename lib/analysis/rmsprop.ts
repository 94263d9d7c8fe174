/**
 * Numerics for the RMSprop and Adadelta chapter (src/rmsprop-adadelta.md).
 *
 * - `leakyWeights(gamma, t)`: the weight each past squared gradient carries in
 *   RMSprop's E[g²]_t = γ E[g²]_{t−1} + (1 − γ) g_t², E[g²]_0 = 0: the gradient
 *   of step t − τ carries (1 − γ)γ^τ (τ = 0..t−1), and the weights sum to 1 − γᵗ.
 * - `hintonMinibatches`: Hinton's example of why Rprop fails with minibatches,
 *   as an online objective: the gradient is +small on nine minibatches out of
 *   ten and −large on the tenth, so that it averages to zero over a period.
 */
import { periodicLinear } from "../objectives/periodic-linear.js";
import type { Dataset } from "../datasets.js";
import type { Model } from "../models/model.js";
import { train } from "../train.js";
import type { Objective, Optimizer } from "../types.js";
import { rejectUnknownKeys, requireInRange, requireInteger } from "../validate.js";

/** The weights (1 − γ)γ^τ, τ = 0..t−1, of g²_{t−τ} in RMSprop's leaky average after t steps. */
export function leakyWeights(gamma: number, t: number): Float64Array {
  requireInRange("leakyWeights", "gamma", gamma, 0, 1, { hiOpen: true });
  requireInteger("leakyWeights", "t", t, 0);
  const w = new Float64Array(t);
  let p = 1 - gamma;
  for (let tau = 0; tau < t; ++tau, p *= gamma) w[tau] = p;
  return w;
}

export interface HintonMinibatchesOptions {
  /** The gradient on the ordinary minibatches (default 0.1). */
  small?: number;
  /** The gradient on the last minibatch of each period (default −0.9). */
  large?: number;
  /** Minibatches per period (default 10): steps t ≡ 0 (mod period) get `large`. */
  period?: number;
}

/**
 * f_t(x) = g_t·x with g_t = small, except g_t = large when t ≡ 0 (mod period):
 * Hinton's weight that "gets a gradient of +0.1 on nine minibatches and −0.9 on
 * the tenth". With the defaults the gradient sums to 0 over each period, so SGD
 * comes back to where it started every ten steps. Without t, `value` is the
 * period's mean loss (0 with the defaults).
 */
export function hintonMinibatches(options: HintonMinibatchesOptions = {}): Objective {
  rejectUnknownKeys("hintonMinibatches", options, ["small", "large", "period"]);
  const small = requireInRange("hintonMinibatches", "small", options.small ?? 0.1, -1e6, 1e6);
  const large = requireInRange("hintonMinibatches", "large", options.large ?? -0.9, -1e6, 1e6);
  const period = requireInteger("hintonMinibatches", "period", options.period ?? 10, 1);
  return periodicLinear("hinton-minibatches", { period, phase: 0, rare: large, usual: small });
}

/**
 * The largest |x_i| of coordinate i over steps from … to (inclusive) of a
 * recorded trajectory (positions row-major, `dim` per step): the amplitude of
 * the jitter an optimizer keeps around a minimum at 0. RMSprop's steps do not
 * shrink near the minimum — the gradient and its RMS shrink together — so on a
 * quadratic with γ well below 1 it ends in a 2-cycle x ↔ −x whose steps have
 * length η: the amplitude is η/2, whatever the curvature.
 */
export function tailAmplitude(x: ArrayLike<number>, dim: number, coordinate: number, from: number, to: number): number {
  requireInteger("tailAmplitude", "coordinate", coordinate, 0, dim - 1);
  requireInteger("tailAmplitude", "from", from, 0);
  requireInteger("tailAmplitude", "to", to, from, x.length / dim - 1);
  let a = 0;
  for (let s = from; s <= to; ++s) a = Math.max(a, Math.abs(x[s * dim + coordinate]));
  return a;
}

export interface TunedMethod {
  readonly label: string;
  /** The optimizer at a given value of the tuned hyperparameter (η, or ε for Adadelta). */
  readonly make: (value: number) => Optimizer<any, any>;
  /** The values to try. */
  readonly grid: readonly number[];
}

export interface TunedResult {
  readonly label: string;
  /** The grid value with the lowest final training loss under the first seed. */
  readonly best: number;
  /** Whether `best` is at an end of the grid (then the grid should be wider). */
  readonly atEdge: boolean;
  /** Final training loss at `best`, one per seed. */
  readonly losses: readonly number[];
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

/**
 * A fair comparison of optimizers on a training task: each method's
 * hyperparameter is tuned on its grid (final training loss, first seed), then
 * the tuned setting is re-run under every seed (which reshuffles the
 * minibatches). A diverged run counts as +∞.
 */
export function tunedComparison<D extends Dataset>(
  model: Model<D>,
  data: D,
  methods: readonly TunedMethod[],
  options: { epochs: number; batchSize: number; seeds: readonly number[] }
): TunedResult[] {
  requireInteger("tunedComparison", "batchSize", options.batchSize, 1);
  if (options.seeds.length < 1) throw new RangeError("tunedComparison: seeds must hold at least one seed");
  const finalLoss = (opt: Optimizer<any, any>, seed: number): number => {
    const r = train(model, data, opt, { epochs: options.epochs, batchSize: options.batchSize, evalEvery: Infinity, seed });
    return r.diverged ? Infinity : r.lossPerEpoch[r.lossPerEpoch.length - 1];
  };
  return methods.map(({ label, make, grid }) => {
    if (grid.length < 1) throw new RangeError(`tunedComparison: the grid of ${label} is empty`);
    const tuning = grid.map((value) => finalLoss(make(value), options.seeds[0]));
    const k = tuning.indexOf(Math.min(...tuning));
    const best = grid[k];
    const losses = options.seeds.map((seed, i) => (i === 0 ? tuning[k] : finalLoss(make(best), seed)));
    const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
    return { label, best, atEdge: grid.length > 1 && (k === 0 || k === grid.length - 1), losses, mean, min: Math.min(...losses), max: Math.max(...losses) };
  });
}
