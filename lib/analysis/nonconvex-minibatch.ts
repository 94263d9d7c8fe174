/**
 * Minibatch SGD on a non-convex model: the 64–32–10 MLP on the 8×8 digits.
 * Every other real-data experiment of Part I is convex least squares; here the
 * loss has many minima, and the batch size changes which one SGD finds.
 *
 * - `sharpness`: λ_max of the full-batch Hessian at given weights, by power
 *   iteration on Hessian–vector products taken as central differences of the
 *   exact gradient, Hv ≈ (∇f(w + εv) − ∇f(w − εv)) / (2ε). Full-batch GD is
 *   stable near those weights only for η < 2/λ_max (chapter 2's edge).
 * - `batchRateGrid`: the training loss after a fixed number of epochs for
 *   every (batch size, learning rate), over several seeds.
 * - `equalStepsComparison`: minibatch and full-batch GD with the same rate and
 *   the same number of steps, over several seeds: training loss, test
 *   accuracy and the sharpness where each run ends.
 */
import type { DenseDataset } from "../datasets.js";
import type { Classifier } from "../models/model.js";
import { sgd } from "../optimizers/sgd.js";
import { random } from "../random.js";
import { train } from "../train.js";
import { requireInteger } from "../validate.js";

/** The largest Hessian eigenvalue of the full-batch loss at `params` (power iteration, `iterations` HVPs). */
export function sharpness(model: Classifier<DenseDataset>, data: DenseDataset, params: Float64Array, { iterations = 20, eps = 1e-4, seed = 0 } = {}): number {
  requireInteger("sharpness", "iterations", iterations, 1, 10000);
  const dim = model.dim;
  const all = Int32Array.from({ length: data.n }, (_, i) => i);
  const rng = random(seed);
  let v = Float64Array.from({ length: dim }, () => rng.normal());
  const plus = new Float64Array(dim), minus = new Float64Array(dim), gp = new Float64Array(dim), gm = new Float64Array(dim);
  const normalize = (x: Float64Array) => {
    let s = 0;
    for (let j = 0; j < dim; ++j) s += x[j] * x[j];
    const n = Math.sqrt(s);
    for (let j = 0; j < dim; ++j) x[j] /= n;
    return n;
  };
  normalize(v);
  let lambda = 0;
  for (let k = 0; k < iterations; ++k) {
    for (let j = 0; j < dim; ++j) { plus[j] = params[j] + eps * v[j]; minus[j] = params[j] - eps * v[j]; }
    model.grad(plus, data, all, gp, 0, data.n);
    model.grad(minus, data, all, gm, 0, data.n);
    const hv = new Float64Array(dim);
    let rayleigh = 0;
    for (let j = 0; j < dim; ++j) { hv[j] = (gp[j] - gm[j]) / (2 * eps); rayleigh += hv[j] * v[j]; }
    lambda = rayleigh;
    normalize(hv);
    v = hv;
  }
  return lambda;
}

export interface GridCell {
  batchSize: number;
  lr: number;
  seed: number;
  /** The training loss after the last epoch (Infinity when it is not finite or the run was stopped for diverging). */
  loss: number;
  /** The run blew up: it was stopped for diverging, or its final training loss exceeds its initial one. */
  diverged: boolean;
}

/** The final training loss of minibatch SGD for every batch size × rate × seed, `epochs` epochs each; a run whose final loss exceeds its initial loss counts as diverged. */
export function batchRateGrid(model: Classifier<DenseDataset>, data: DenseDataset, { batchSizes, lrs, seeds, epochs }: { batchSizes: readonly number[]; lrs: readonly number[]; seeds: readonly number[]; epochs: number }): GridCell[] {
  const out: GridCell[] = [];
  for (const batchSize of batchSizes) {
    for (const lr of lrs) {
      for (const seed of seeds) {
        const r = train(model, data, sgd({ lr }), { batchSize: Math.min(batchSize, data.n), epochs, seed, evalEvery: Infinity });
        const last = r.lossPerEpoch[r.lossPerEpoch.length - 1];
        const stopped = r.diverged || !Number.isFinite(last);
        const initial = r.curve[0].loss;
        out.push({ batchSize, lr, seed, loss: stopped ? Infinity : last, diverged: stopped || last > initial });
      }
    }
  }
  return out;
}

export interface EqualStepsRun {
  label: string;
  batchSize: number;
  seed: number;
  /** The training loss every `every` steps, from step 0. */
  curve: { step: number; loss: number }[];
  trainLoss: number;
  testAccuracy: number;
  /** λ_max of the full-batch Hessian where the run ends. */
  sharpness: number;
  diverged: boolean;
}

/**
 * Minibatch SGD (batch `batchSize`) and full-batch GD, both with rate `lr`
 * for `steps` steps from the same initial weights (one per seed).
 */
export function equalStepsComparison(model: Classifier<DenseDataset>, data: DenseDataset, test: DenseDataset, options: { batchSize: number; lr: number; steps: number; seeds: readonly number[]; every?: number }): EqualStepsRun[] {
  const it = equalStepsProgress(model, data, test, options);
  let next = it.next();
  while (!next.done) next = it.next();
  return next.value;
}

/**
 * `equalStepsComparison` as a generator: it yields the fraction done (0 … 1)
 * after every recorded point, so a page can keep the tab responsive and show
 * progress, and returns the runs.
 */
export function* equalStepsProgress(model: Classifier<DenseDataset>, data: DenseDataset, test: DenseDataset, { batchSize, lr, steps, seeds, every = 25 }: { batchSize: number; lr: number; steps: number; seeds: readonly number[]; every?: number }): Generator<number, EqualStepsRun[]> {
  requireInteger("equalStepsComparison", "batchSize", batchSize, 1, data.n);
  requireInteger("equalStepsComparison", "steps", steps, 1, 1e7);
  const out: EqualStepsRun[] = [];
  const all = Int32Array.from({ length: data.n }, (_, i) => i);
  // Work per run ∝ examples touched: full-batch steps cost n/B minibatch steps.
  const total = seeds.length * 2;
  let finished = 0;
  for (const seed of seeds) {
    for (const [label, B] of [[`minibatch, B = ${batchSize}`, batchSize], [`full batch, B = ${data.n}`, data.n]] as const) {
      const params = model.init(random(seed));
      const grad = new Float64Array(model.dim);
      const rng = random(seed + 1000);
      const order = all.slice();
      let position = data.n; // reshuffle before the first batch
      const curve = [{ step: 0, loss: model.loss(params, data) }];
      let diverged = false;
      for (let t = 1; t <= steps; ++t) {
        // Batches of B consecutive indices of a shuffled order; a new shuffle once the order is used up.
        if (position + B > data.n) { rng.shuffle(order); position = 0; }
        model.grad(params, data, order, grad, position, position + B);
        position += B;
        for (let j = 0; j < params.length; ++j) params[j] -= lr * grad[j];
        if (t % every === 0 || t === steps) {
          const loss = model.loss(params, data);
          if (!Number.isFinite(loss)) { diverged = true; break; }
          curve.push({ step: t, loss });
          yield (finished + t / steps) / total;
        }
      }
      out.push({
        label, batchSize: B, seed, curve,
        trainLoss: diverged ? Infinity : curve[curve.length - 1].loss,
        testAccuracy: diverged ? NaN : model.accuracy(params, test),
        sharpness: diverged ? NaN : sharpness(model, data, params, { iterations: 15 }),
        diverged,
      });
      finished += 1;
      yield finished / total;
    }
  }
  return out;
}
