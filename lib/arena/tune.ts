/**
 * A fair race: before racing, give every optimizer its best learning rate on
 * the chosen surface, start and step budget. The search is a grid on a log
 * scale over the learning-rate control's whole range (`pointsPerDecade` per
 * factor of 10), then a finer grid between the best point's neighbours (every
 * learning rate rounded to 3 significant digits); runs
 * are compared by `compareRuns` (reach the target in the fewest steps; failing
 * that, do not diverge; failing that, the lowest final loss).
 *
 * The search is a generator that yields after every run, so a page can spread
 * it over frames and show progress without ever freezing the tab:
 *
 * ```ts
 * const search = tuneLearningRate(objective, racer, start, steps, target);
 * for (let r = search.next(); !r.done; r = search.next()) progress(r.value);
 * ```
 *
 * Tuning on the very problem you then race on is the best case for every
 * optimizer; that is the point (nobody loses for a badly chosen η), and also
 * its limit (on a real problem you tune on a validation set, with noise).
 */
import type { Objective } from "../types.js";
import { optimizerInfo } from "../optimizers/registry.js";
import { requireInteger } from "../validate.js";
import type { ArenaConfig, RacerConfig } from "./config.js";
import { surfaceOf } from "./config.js";
import { compareRuns, runRacer, type RaceRun } from "./race.js";

export interface TunePoint {
  readonly lr: number;
  readonly stepsToTarget: number | null;
  readonly finalLoss: number;
  readonly diverged: boolean;
}

export interface TuneProgress {
  /** Runs done and planned so far (the refinement adds its runs once the grid is done). */
  readonly done: number;
  readonly total: number;
  readonly point: TunePoint;
}

export interface TuneResult {
  readonly lr: number;
  readonly run: RaceRun;
  /** Every learning rate tried, sorted by lr: the sensitivity curve. */
  readonly points: readonly TunePoint[];
}

export interface TuneOptions {
  /** Grid points per factor of 10 (default 4). */
  pointsPerDecade?: number;
  /** Points added between the best grid point's neighbours (default 8). */
  refine?: number;
}

export const POINTS_PER_DECADE = 4;
export const REFINE_POINTS = 8;

/** `count` points spaced evenly in log between lo and hi, both included. */
export function logGrid(lo: number, hi: number, count: number): number[] {
  if (!(lo > 0 && hi >= lo)) throw new RangeError(`logGrid: need 0 < lo ≤ hi, got lo = ${lo}, hi = ${hi}`);
  requireInteger("logGrid", "count", count, 1);
  if (count === 1) return [Math.sqrt(lo * hi)];
  const a = Math.log(lo), b = Math.log(hi);
  return Array.from({ length: count }, (_, k) => Math.exp(a + ((b - a) * k) / (count - 1)));
}

/** Rounds to 3 significant digits and drops repeats. */
function round3(values: number[]): number[] {
  return [...new Set(values.map((v) => Number(v.toPrecision(3))))];
}

function pointOf(run: RaceRun, lr: number): TunePoint {
  return { lr, stepsToTarget: run.stepsToTarget, finalLoss: run.finalLoss, diverged: run.trajectory.diverged };
}

/** Searches the learning rate of `racer` (its other hyperparameters fixed). */
export function* tuneLearningRate(
  objective: Objective,
  racer: RacerConfig,
  start: readonly number[],
  steps: number,
  target: number,
  options: TuneOptions = {}
): Generator<TuneProgress, TuneResult, void> {
  const { pointsPerDecade = POINTS_PER_DECADE, refine = REFINE_POINTS } = options;
  requireInteger("tuneLearningRate", "pointsPerDecade", pointsPerDecade, 1, 100);
  requireInteger("tuneLearningRate", "refine", refine, 0, 100);
  const spec = optimizerInfo(racer.name).hyper.find((h) => h.name === "lr")!;
  const decades = Math.log10(spec.max / spec.min);
  // Learning rates rounded to 3 significant digits: what runs is what the control and the link show.
  const grid = round3(logGrid(spec.min, spec.max, Math.max(2, Math.round(decades * pointsPerDecade) + 1)));
  let total = grid.length + refine;
  let done = 0;
  const tried: Array<{ lr: number; run: RaceRun }> = [];
  const attempt = (lr: number) => {
    const run = runRacer(objective, { name: racer.name, hyper: { ...racer.hyper, lr } }, start, steps, target);
    tried.push({ lr, run });
    done += 1;
    return { done, total, point: pointOf(run, lr) };
  };
  for (const lr of grid) yield attempt(lr);

  const best = (list: typeof tried) => list.reduce((a, b) => (compareRuns(b.run, a.run) < 0 ? b : a));
  const coarse = best(tried);
  const k = grid.indexOf(coarse.lr);
  const lo = grid[Math.max(0, k - 1)], hi = grid[Math.min(grid.length - 1, k + 1)];
  const fine = refine > 0 && hi > lo ? round3(logGrid(lo, hi, refine + 2).slice(1, -1)).filter((lr) => !grid.includes(lr)) : [];
  total = grid.length + fine.length;
  for (const lr of fine) yield attempt(lr);

  const winner = best(tried);
  return {
    lr: winner.lr,
    run: winner.run,
    points: tried.map(({ lr, run }) => pointOf(run, lr)).sort((a, b) => a.lr - b.lr),
  };
}

/** Runs a generator to completion and returns its result (for tests and Node). */
export function complete<T>(search: Generator<unknown, T, void>): T {
  for (;;) {
    const r = search.next();
    if (r.done) return r.value;
  }
}

/** Tunes every racer of `config` (synchronously); the tuned racers, in order, with their results. */
export function tuneAll(config: ArenaConfig, options: TuneOptions = {}): Array<{ racer: RacerConfig; result: TuneResult }> {
  const objective = surfaceOf(config.surface).objective;
  return config.racers.map((racer) => {
    const result = complete(tuneLearningRate(objective, racer, config.start, config.steps, config.target, options));
    return { racer: { name: racer.name, hyper: { ...racer.hyper, lr: result.lr } }, result };
  });
}
