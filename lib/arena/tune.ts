/**
 * A fair race: before racing, give every optimizer its best learning rate on
 * the chosen surface, start and step budget. The search is a grid on a log
 * scale over the learning-rate control's whole range (`pointsPerDecade` per
 * factor of 10), then a finer grid between the best point's neighbours (every
 * learning rate rounded to 3 significant digits).
 *
 * Each learning rate is tried from several starts — the race's own start and
 * `starts − 1` others nearby (offsets of TUNING_OFFSET = 5 % of the surface's extent, fixed,
 * so the search is deterministic) — and judged by the **median** over them:
 * the median steps to reach the target (a start that never reaches it counts
 * as never), then the fewest diverged starts, then the median final loss. A
 * rate that wins only by a lucky jump from one exact start (straight into the
 * minimum in one step) does not win from its neighbours, so it does not win.
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
import { arenaObjective } from "./config.js";
import { runRacer, type RaceRun } from "./race.js";

export interface TunePoint {
  readonly lr: number;
  /** Median over the starts of the steps to the target (null when the median start never reaches it). */
  readonly stepsToTarget: number | null;
  /** Median over the starts of the final loss. */
  readonly finalLoss: number;
  /** True when most starts diverged. */
  readonly diverged: boolean;
  /** How many of the starts diverged, and how many were tried. */
  readonly divergedStarts: number;
  readonly starts: number;
}

export interface TuneProgress {
  /** Runs done and planned so far (the refinement adds its runs once the grid is done). */
  readonly done: number;
  readonly total: number;
  readonly point: TunePoint;
}

export interface TuneResult {
  readonly lr: number;
  /** The race from the race's own start at the chosen lr (what the arena replays). */
  readonly run: RaceRun;
  /** The chosen lr judged over the tuning starts (what "fair race" rankings use). */
  readonly point: TunePoint;
  /** Every learning rate tried, sorted by lr: the sensitivity curve. */
  readonly points: readonly TunePoint[];
}

export interface TuneOptions {
  /** Grid points per factor of 10 (default 4). */
  pointsPerDecade?: number;
  /** Points added between the best grid point's neighbours (default 8). */
  refine?: number;
  /** How many starts each learning rate is tried from, the race's own included (default 3). */
  starts?: number;
}

export const POINTS_PER_DECADE = 4;
export const REFINE_POINTS = 8;
export const TUNING_STARTS = 3;
/** How far the extra starts lie from the race's start, as a fraction of the domain's extent. */
export const TUNING_OFFSET = 0.05;

/**
 * The starts a learning rate is judged from: `start` itself, then points
 * offset by 5 % of the domain's extent along fixed directions (alternating
 * signs, turning by 137.5° each time), so no two share a direction.
 */
export function tuningStarts(objective: Objective, start: readonly number[], count: number): number[][] {
  requireInteger("tuningStarts", "count", count, 1, 32);
  const out = [[...start]];
  for (let k = 1; k < count; ++k) {
    const angle = (k * 137.5 * Math.PI) / 180;
    out.push(start.map((v, i) => {
      const [lo, hi] = objective.domain[i] ?? [-1, 1];
      const direction = i % 2 === 0 ? Math.cos(angle) : Math.sin(angle);
      return v + TUNING_OFFSET * (hi - lo) * direction;
    }));
  }
  return out;
}

/** The median of numbers (Infinity allowed). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Orders two tuning points, best first: reaching the target (at the median
 * start) beats not reaching it, and fewer median steps win; then fewer
 * diverged starts; then the lower median final loss.
 */
export function compareTunePoints(a: TunePoint, b: TunePoint): number {
  const ra = a.stepsToTarget !== null, rb = b.stepsToTarget !== null;
  if (ra !== rb) return ra ? -1 : 1;
  if (ra && rb && a.stepsToTarget !== b.stepsToTarget) return a.stepsToTarget! - b.stepsToTarget!;
  if (a.divergedStarts !== b.divergedStarts) return a.divergedStarts - b.divergedStarts;
  return a.finalLoss - b.finalLoss;
}

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

/** The point of one learning rate from its runs (one per start). */
function pointOf(runs: RaceRun[], lr: number): TunePoint {
  const steps = median(runs.map((r) => r.stepsToTarget ?? Infinity));
  const divergedStarts = runs.filter((r) => r.trajectory.diverged).length;
  return {
    lr,
    stepsToTarget: Number.isFinite(steps) ? steps : null,
    finalLoss: median(runs.map((r) => (r.trajectory.diverged ? Infinity : r.finalLoss))),
    diverged: 2 * divergedStarts > runs.length,
    divergedStarts,
    starts: runs.length,
  };
}

/** How `racer` with learning rate `lr` does from the tuning starts around `start` (the median judgement the search uses). */
export function tunePointAt(objective: Objective, racer: RacerConfig, lr: number, start: readonly number[], steps: number, target: number, starts = TUNING_STARTS): TunePoint {
  const runs = tuningStarts(objective, start, starts).map((s) => runRacer(objective, { name: racer.name, hyper: { ...racer.hyper, lr } }, s, steps, target));
  return pointOf(runs, lr);
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
  const { pointsPerDecade = POINTS_PER_DECADE, refine = REFINE_POINTS, starts: startCount = TUNING_STARTS } = options;
  requireInteger("tuneLearningRate", "pointsPerDecade", pointsPerDecade, 1, 100);
  requireInteger("tuneLearningRate", "refine", refine, 0, 100);
  const starts = tuningStarts(objective, start, startCount);
  const spec = optimizerInfo(racer.name).hyper.find((h) => h.name === "lr")!;
  const decades = Math.log10(spec.max / spec.min);
  // Learning rates rounded to 3 significant digits: what runs is what the control and the link show.
  const grid = round3(logGrid(spec.min, spec.max, Math.max(2, Math.round(decades * pointsPerDecade) + 1)));
  let total = grid.length + refine;
  let done = 0;
  // run: the race's own start (starts[0]); point: the median over every start
  const tried: Array<{ lr: number; run: RaceRun; point: TunePoint }> = [];
  const attempt = (lr: number) => {
    const runs = starts.map((s) => runRacer(objective, { name: racer.name, hyper: { ...racer.hyper, lr } }, s, steps, target));
    const point = pointOf(runs, lr);
    tried.push({ lr, run: runs[0], point });
    done += 1;
    return { done, total, point };
  };
  for (const lr of grid) yield attempt(lr);

  const best = (list: typeof tried) => list.reduce((a, b) => (compareTunePoints(b.point, a.point) < 0 ? b : a));
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
    point: winner.point,
    points: tried.map(({ point }) => point).sort((a, b) => a.lr - b.lr),
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
  const objective = arenaObjective(config);
  return config.racers.map((racer) => {
    const result = complete(tuneLearningRate(objective, racer, config.start, config.steps, config.target, options));
    return { racer: { name: racer.name, hyper: { ...racer.hyper, lr: result.lr } }, result };
  });
}
