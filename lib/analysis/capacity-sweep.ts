/**
 * Hyperparameters against model capacity: the digits MLP 64–h–10 trained by
 * minibatch SGD for a fixed number of epochs, for every hidden width h and
 * learning rate η, over several seeds. Each run records the training loss and
 * the validation loss (mean cross-entropy) after every epoch, so the sweep shows
 * (a) which η is best at each width, (b) how the best validation loss and the
 * train–validation gap change with capacity, and (c) the epoch at which the
 * validation loss was lowest, the epoch early stopping would keep.
 */
import type { DenseDataset } from "../datasets.js";
import { mlp } from "../models/mlp.js";
import { sgd } from "../optimizers/sgd.js";
import { train } from "../train.js";
import { requireInteger } from "../validate.js";

export interface CapacityRun {
  width: number;
  lr: number;
  seed: number;
  /** Training loss after the last epoch (Infinity if diverged). */
  trainLoss: number;
  /** Validation loss after the last epoch (Infinity if diverged). */
  validationLoss: number;
  /** The lowest validation loss over the epochs, and its 1-based epoch. */
  bestValidationLoss: number;
  bestEpoch: number;
  validationAccuracy: number;
  diverged: boolean;
}

export interface CapacityOptions {
  widths: readonly number[];
  lrs: readonly number[];
  seeds: readonly number[];
  epochs: number;
  batchSize: number;
}

/** Every width × rate × seed; see the module comment. */
export function capacitySweep(data: DenseDataset, validation: DenseDataset, { widths, lrs, seeds, epochs, batchSize }: CapacityOptions): CapacityRun[] {
  requireInteger("capacitySweep", "epochs", epochs, 1);
  requireInteger("capacitySweep", "batchSize", batchSize, 1, data.n);
  widths.forEach((w, i) => requireInteger("capacitySweep", `widths[${i}]`, w, 1));
  lrs.forEach((lr, i) => {
    if (!(lr > 0 && Number.isFinite(lr))) throw new RangeError(`capacitySweep: lrs[${i}] must be a finite number > 0, got ${lr}`);
  });
  if (seeds.length < 1) throw new RangeError("capacitySweep: seeds must not be empty");
  const classes = data.classes ?? 10;
  const out: CapacityRun[] = [];
  for (const width of widths) {
    const model = mlp([data.d, width, classes]);
    for (const lr of lrs) {
      for (const seed of seeds) {
        const r = train(model, data, sgd({ lr }), { epochs, batchSize, seed, evalEvery: Infinity, validation });
        const val = r.validationLoss ?? new Float64Array(0);
        const trainLoss = r.lossPerEpoch[r.lossPerEpoch.length - 1];
        const diverged = r.diverged || r.epochs < epochs || !Number.isFinite(trainLoss);
        let bestEpoch = 0, bestVal = Infinity;
        val.forEach((v, e) => {
          if (v < bestVal) (bestVal = v), (bestEpoch = e + 1);
        });
        out.push({
          width,
          lr,
          seed,
          trainLoss: diverged ? Infinity : trainLoss,
          validationLoss: diverged ? Infinity : val[val.length - 1],
          bestValidationLoss: bestVal,
          bestEpoch,
          validationAccuracy: diverged ? 0 : model.accuracy(r.params, validation),
          diverged,
        });
      }
    }
  }
  return out;
}

export interface CapacityCell {
  width: number;
  lr: number;
  /** Medians over seeds (a diverged run counts as Infinity). */
  trainLoss: number;
  validationLoss: number;
  /** Min and max of the final validation loss over seeds. */
  validationMin: number;
  validationMax: number;
  bestEpoch: number;
  validationAccuracy: number;
}

export interface CapacitySummary {
  cells: CapacityCell[];
  /** Per width, the cell with the lowest median final validation loss. */
  best: CapacityCell[];
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Medians over seeds per (width, η), and the best η per width by median validation loss. */
export function summarizeCapacity(runs: readonly CapacityRun[]): CapacitySummary {
  const widths = [...new Set(runs.map((r) => r.width))];
  const lrs = [...new Set(runs.map((r) => r.lr))];
  const cells: CapacityCell[] = [];
  for (const width of widths) {
    for (const lr of lrs) {
      const rs = runs.filter((r) => r.width === width && r.lr === lr);
      if (!rs.length) continue;
      const v = rs.map((r) => r.validationLoss);
      cells.push({
        width,
        lr,
        trainLoss: median(rs.map((r) => r.trainLoss)),
        validationLoss: median(v),
        validationMin: Math.min(...v),
        validationMax: Math.max(...v),
        bestEpoch: median(rs.map((r) => r.bestEpoch)),
        validationAccuracy: median(rs.map((r) => r.validationAccuracy)),
      });
    }
  }
  const best = widths.map((w) => cells.filter((c) => c.width === w).reduce((a, c) => (c.validationLoss < a.validationLoss ? c : a)));
  return { cells, best };
}
