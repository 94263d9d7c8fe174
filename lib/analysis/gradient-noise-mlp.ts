/**
 * The claim of Neelakantan et al. (2015), tested on the digits: a deep MLP
 * with a poor initialization, trained by SGD with and without annealed
 * Gaussian gradient noise σ_t² = η/(1 + t)^γ (γ = 0.55, t the 1-based step;
 * see `withGradientNoise`). Each seed s sets the initialization and the
 * example order (`train`'s seed s) and the noise (seed 1000 + s), so the
 * runs with and without noise start from the same weights.
 *
 * With noise the training loss bounces from epoch to epoch (the noise is
 * annealed but not gone after a few epochs), so besides the final epoch's
 * loss each run is summarized by its mean over the last `lastEpochs` epochs,
 * L̄ = (1/k) Σ_{e=E−k+1}^{E} L_e, which one unlucky last epoch cannot swing.
 */
import type { DenseDataset } from "../datasets.js";
import { mlp } from "../models/mlp.js";
import { sgd } from "../optimizers/sgd.js";
import { random } from "../random.js";
import { train } from "../train.js";
import { requireInRange, requireInteger } from "../validate.js";
import { scaleWeightMatrices, withGradientNoise } from "./strategies.js";
import { seedSpread, type SeedSpread } from "./seed-spread.js";

export interface DeepNoiseOptions {
  /** Hidden layers (default 6). */
  depth?: number;
  /** Units per hidden layer (default 32). */
  width?: number;
  /** Every weight matrix of torch's default initialization multiplied by this (default 0.5: the poor initialization). */
  initScale?: number;
  /** SGD's learning rate (default 0.1). */
  lr?: number;
  epochs?: number;
  batchSize?: number;
  /** The noise η values to try; 0 is plain SGD (default [0, 0.01, 0.3, 1], the paper's grid plus none). */
  etas?: readonly number[];
  gamma?: number;
  seeds?: number;
  /** How many final epochs `lastLoss` averages (default 3, at most `epochs`). */
  lastEpochs?: number;
}

export interface DeepNoiseRun {
  readonly seed: number;
  readonly diverged: boolean;
  /** Training loss (all training examples) after each epoch. */
  readonly lossPerEpoch: readonly number[];
  readonly testAccuracy: number;
}

export interface DeepNoiseResult {
  readonly eta: number;
  readonly runs: readonly DeepNoiseRun[];
  /** Final training loss over the seeds (a diverged run counts as +∞). */
  readonly finalLoss: SeedSpread;
  /** Each seed's mean training loss over the last `lastEpochs` epochs, over the seeds (a diverged run counts as +∞). */
  readonly lastLoss: SeedSpread;
  /** Test accuracy over the seeds (a diverged run counts as 0). */
  readonly accuracy: SeedSpread;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function deepNoiseExperiment(trainSet: DenseDataset, testSet: DenseDataset, options: DeepNoiseOptions = {}): { settings: Required<DeepNoiseOptions>; results: DeepNoiseResult[] } {
  const settings: Required<DeepNoiseOptions> = {
    depth: requireInteger("deepNoiseExperiment", "depth", options.depth ?? 6, 1),
    width: requireInteger("deepNoiseExperiment", "width", options.width ?? 32, 1),
    initScale: requireInRange("deepNoiseExperiment", "initScale", options.initScale ?? 0.5, 0, Infinity, { loOpen: true }),
    lr: requireInRange("deepNoiseExperiment", "lr", options.lr ?? 0.1, 0, Infinity, { loOpen: true }),
    epochs: requireInteger("deepNoiseExperiment", "epochs", options.epochs ?? 10, 1),
    batchSize: requireInteger("deepNoiseExperiment", "batchSize", options.batchSize ?? 32, 1),
    etas: options.etas ?? [0, 0.01, 0.3, 1],
    gamma: requireInRange("deepNoiseExperiment", "gamma", options.gamma ?? 0.55, 0, Infinity),
    seeds: requireInteger("deepNoiseExperiment", "seeds", options.seeds ?? 5, 1),
    lastEpochs: 0,
  };
  settings.lastEpochs = requireInteger("deepNoiseExperiment", "lastEpochs", options.lastEpochs ?? Math.min(3, settings.epochs), 1, settings.epochs);
  const classes = 1 + Math.max(...Array.from(trainSet.y));
  const model = mlp([trainSet.d, ...Array(settings.depth).fill(settings.width), classes]);
  const results = settings.etas.map((eta) => {
    requireInRange("deepNoiseExperiment", "etas[i]", eta, 0, Infinity);
    const runs = Array.from({ length: settings.seeds }, (_, seed) => {
      const init = scaleWeightMatrices(model, model.init(random(seed)), settings.initScale);
      const opt = eta === 0 ? sgd({ lr: settings.lr }) : withGradientNoise(sgd({ lr: settings.lr }), { eta, gamma: settings.gamma, seed: 1000 + seed });
      const r = train(model, trainSet, opt, { epochs: settings.epochs, batchSize: settings.batchSize, evalEvery: Infinity, init, seed });
      return { seed, diverged: r.diverged, lossPerEpoch: Array.from(r.lossPerEpoch), testAccuracy: r.diverged ? 0 : model.accuracy(r.params, testSet) };
    });
    return {
      eta,
      runs,
      finalLoss: seedSpread(runs.map((r) => (r.diverged ? Infinity : r.lossPerEpoch[r.lossPerEpoch.length - 1]))),
      lastLoss: seedSpread(runs.map((r) => (r.diverged ? Infinity : mean(r.lossPerEpoch.slice(-settings.lastEpochs))))),
      accuracy: seedSpread(runs.map((r) => r.testAccuracy)),
    };
  });
  return { settings, results };
}
