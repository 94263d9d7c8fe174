/**
 * Schedules at an equal budget on a real model (as D2L §12.11 does): the same
 * optimizer, batch size, epochs and peak rate; only the schedule differs.
 * Each run records the training and test loss at every epoch's end.
 */
import type { Dataset } from "../datasets.js";
import type { Model } from "../models/model.js";
import { sgd } from "../optimizers/sgd.js";
import { constant, cosine, linearWarmup, sequence, stepDecay } from "../schedules.js";
import { train } from "../train.js";
import type { Schedule } from "../types.js";
import { requireInRange, requireInteger } from "../validate.js";

export interface RaceRun {
  label: string;
  seed: number;
  /** Training loss at the end of epochs 1 … E (shorter when diverged). */
  trainLoss: number[];
  /** Test loss at the end of epochs 1 … E (shorter when diverged). */
  testLoss: number[];
  diverged: boolean;
}

/**
 * The four schedules of the comparison over a budget of `steps` steps, all
 * peaking at `peak`: constant; step decay ×0.1 at a third and two thirds of
 * the run; cosine to 0; linear warmup over `warmup` steps, then cosine to 0.
 */
export function raceSchedules(peak: number, steps: number, warmup: number): { label: string; schedule: Schedule }[] {
  requireInRange("raceSchedules", "peak", peak, 0, Infinity, { loOpen: true });
  requireInteger("raceSchedules", "steps", steps, 2);
  requireInteger("raceSchedules", "warmup", warmup, 1, steps - 1);
  return [
    { label: "constant", schedule: constant(peak) },
    { label: "step ×0.1 at T/3, 2T/3", schedule: stepDecay(peak, 0.1, Math.round(steps / 3)) },
    { label: "cosine", schedule: cosine(peak, steps) },
    { label: `warmup (${warmup} steps) + cosine`, schedule: sequence([linearWarmup(peak, warmup), cosine(peak, steps - warmup)], [warmup]) },
  ];
}

/** Every schedule × seed, plain SGD with minibatches of `batchSize` for `epochs` epochs. */
export function scheduleRace<D extends Dataset>(
  model: Model<D>, data: D, test: D,
  { schedules, batchSize, epochs, seeds }: { schedules: readonly { label: string; schedule: Schedule }[]; batchSize: number; epochs: number; seeds: readonly number[] }
): RaceRun[] {
  const out: RaceRun[] = [];
  for (const { label, schedule } of schedules) {
    for (const seed of seeds) {
      const r = train(model, data, sgd({ lr: schedule(1) }), { batchSize, epochs, seed, schedule, evalEvery: Infinity, validation: test });
      out.push({ label, seed, trainLoss: Array.from(r.lossPerEpoch), testLoss: Array.from(r.validationLoss ?? []), diverged: r.diverged });
    }
  }
  return out;
}
