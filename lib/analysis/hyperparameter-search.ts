/**
 * Hyperparameter search on a real training task: grid search against random
 * search (Bergstra & Bengio, "Random Search for Hyper-Parameter Optimization",
 * JMLR 13, 2012), both on a log scale.
 *
 * The task: ridge regression (linear regression with an L2 penalty ½λ‖w‖² on the
 * weights, not the bias) trained by minibatch SGD with the library's `train`
 * loop for a fixed budget; the score is the unpenalized validation loss
 * mean ½(ŷ − y)². Two hyperparameters: the learning rate η, which decides
 * everything, and λ, which on 1,200 examples and 5 features barely matters.
 * With n trials a grid tests only √n distinct values of η; random search tests n.
 */
import type { DenseDataset } from "../datasets.js";
import { linearRegression } from "../models/linear-regression.js";
import type { Model } from "../models/model.js";
import { sgd } from "../optimizers/sgd.js";
import { random } from "../random.js";
import { train } from "../train.js";

/** Linear regression with the penalty ½λ‖w‖² on the d weights (the bias is not penalized). */
export function ridgeRegression(d: number, lambda: number): Model<DenseDataset> {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`ridgeRegression: lambda must be a finite number ≥ 0, got ${lambda}`);
  const base = linearRegression(d);
  const penalty = (params: Float64Array) => {
    let s = 0;
    for (let j = 0; j < d; ++j) s += params[j] * params[j];
    return 0.5 * lambda * s;
  };
  return {
    name: "ridgeRegression",
    dim: base.dim,
    init: (rng) => base.init(rng),
    loss: (params, data, indices, start, end) => base.loss(params, data, indices, start, end) + penalty(params),
    grad(params, data, indices, out, start, end) {
      const loss = base.grad(params, data, indices, out, start, end);
      for (let j = 0; j < d; ++j) out[j] += lambda * params[j];
      return loss + penalty(params);
    },
  };
}

/** A box of log10 ranges: `[[lo₁, hi₁], [lo₂, hi₂]]` means 10^lo ≤ value ≤ 10^hi. */
export type LogBox = readonly (readonly [number, number])[];

export interface Trial {
  /** The hyperparameter values (not their logs). */
  values: number[];
  /** The score (lower is better); Infinity for a run that diverged. */
  score: number;
}

/**
 * A grid of k points per axis (k^dims points), evenly spaced in log10 on each
 * axis. `offset` in [0, 1) places the points: 0 puts them at the ends of each
 * range, like numpy's logspace (k = 1: the low end); any other offset shifts
 * a grid of spacing (hi − lo)/k by `offset` cells from lo, wrapping around.
 */
export function logGrid(box: LogBox, k: number, offset?: number): number[][] {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`logGrid: k must be an integer ≥ 1, got ${k}`);
  const axes = box.map(([lo, hi]) =>
    Array.from({ length: k }, (_, i) => {
      if (offset === undefined || offset === 0) return 10 ** (k === 1 ? lo : lo + ((hi - lo) * i) / (k - 1));
      const u = (i + offset) / k;
      return 10 ** (lo + (hi - lo) * (u - Math.floor(u)));
    })
  );
  let points: number[][] = [[]];
  for (const axis of axes) points = points.flatMap((p) => axis.map((v) => [...p, v]));
  return points;
}

/** n points drawn uniformly in log10 on each axis, seeded. */
export function logRandom(box: LogBox, n: number, seed: number): number[][] {
  const rng = random(seed);
  return Array.from({ length: n }, () => box.map(([lo, hi]) => 10 ** rng.between(lo, hi)));
}

/** The running minimum of the scores, trial by trial. */
export function bestSoFar(trials: readonly Trial[]): number[] {
  let best = Infinity;
  return trials.map((t) => (best = Math.min(best, t.score)));
}

export interface RidgeTask {
  train: DenseDataset;
  validation: DenseDataset;
  /** Epochs of minibatch SGD (default 1). */
  epochs?: number;
  /** Default 10. */
  batchSize?: number;
  /** Seeds the initialization and the shuffling (default 0). */
  seed?: number;
}

/**
 * Trains ridge regression with SGD at `[eta, lambda]` and returns the
 * validation loss mean ½(ŷ − y)² (without the penalty), or Infinity if the run diverged.
 */
export function ridgeScore(task: RidgeTask, [eta, lambda]: readonly number[]): number {
  const d = task.train.d;
  const model = ridgeRegression(d, lambda);
  const result = train(model, task.train, sgd({ lr: eta }), {
    epochs: task.epochs ?? 1,
    batchSize: task.batchSize ?? 10,
    seed: task.seed ?? 0,
    evalEvery: Infinity,
  });
  if (result.diverged) return Infinity;
  const score = linearRegression(d).loss(result.params, task.validation);
  return Number.isFinite(score) ? score : Infinity;
}

/** Scores every point. */
export function runTrials(points: readonly number[][], score: (values: readonly number[]) => number): Trial[] {
  return points.map((values) => ({ values, score: score(values) }));
}
