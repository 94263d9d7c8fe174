/**
 * The race: every racer of an `ArenaConfig` run from the same start for the
 * same number of steps, and what the arena reports about each run — the
 * steps it took to reach the target loss, its final and best loss, and
 * whether (and when) it diverged. Pure: no DOM, no clock.
 */
import type { Objective } from "../types.js";
import { minimize, type Trajectory } from "../run.js";
import { optimizerInfo, type OptimizerName } from "../optimizers/registry.js";
import { arenaObjective, optimizerOf, type ArenaConfig, type RacerConfig } from "./config.js";

export interface RaceRun {
  readonly name: OptimizerName;
  /** The optimizer's title, e.g. "Adam". */
  readonly title: string;
  readonly trajectory: Trajectory;
  /** The step from which the loss stays ≤ the target to the end of the run (see `stepsToTarget`), or null. */
  readonly stepsToTarget: number | null;
  readonly finalLoss: number;
  readonly bestLoss: number;
}

/**
 * The step from which the run stays at or below the target loss to its end:
 * the smallest i with loss[j] ≤ target for every kept step j ≥ i, or null if
 * the last kept loss is above the target. A run that only passes through the
 * target (a lucky bounce) has not arrived. Step 0 counts.
 */
export function stepsToTarget(trajectory: Trajectory, target: number): number | null {
  const loss = trajectory.loss;
  let i = loss.length;
  while (i > 0 && loss[i - 1] <= target) --i;
  return i === loss.length ? null : i;
}

/** The first step whose loss is ≤ target (it may leave again), or null. */
export function firstHit(trajectory: Trajectory, target: number): number | null {
  const loss = trajectory.loss;
  for (let i = 0; i < loss.length; ++i) if (loss[i] <= target) return i;
  return null;
}

/** The smallest loss along the run. */
export function bestLoss(trajectory: Trajectory): number {
  let best = Infinity;
  for (const v of trajectory.loss) if (v < best) best = v;
  return best;
}

/** One racer's run on `objective` from `start`. */
export function runRacer(
  objective: Objective,
  racer: RacerConfig,
  start: readonly number[],
  steps: number,
  target: number,
  record = false
): RaceRun {
  const info = optimizerInfo(racer.name);
  const trajectory = minimize(objective, optimizerOf(info, racer.hyper), start, { steps, record });
  return {
    name: racer.name,
    title: info.title,
    trajectory,
    stepsToTarget: stepsToTarget(trajectory, target),
    finalLoss: trajectory.loss[trajectory.steps],
    bestLoss: bestLoss(trajectory),
  };
}

/** Every racer of the configuration, in order. `record` copies the optimizers' state buffers every step. */
export function race(config: ArenaConfig, record = false): RaceRun[] {
  const objective = arenaObjective(config);
  return config.racers.map((r) => runRacer(objective, r, config.start, config.steps, config.target, record));
}

/**
 * Orders two runs for "who won": a run that reached the target beats one that
 * did not, and among those the fewer steps win; a run that did not reach it
 * beats one that diverged; otherwise the lower final loss wins. Negative when
 * `a` is better.
 */
export function compareRuns(a: RaceRun, b: RaceRun): number {
  const ra = a.stepsToTarget !== null, rb = b.stepsToTarget !== null;
  if (ra !== rb) return ra ? -1 : 1;
  if (ra && rb) return a.stepsToTarget! - b.stepsToTarget!;
  const da = a.trajectory.diverged, db = b.trajectory.diverged;
  if (da !== db) return da ? 1 : -1;
  if (da && db) return b.trajectory.divergedAt! - a.trajectory.divergedAt!; // later divergence is better
  return a.finalLoss - b.finalLoss;
}

/** The runs from best to worst (a new array). */
export function standings(runs: readonly RaceRun[]): RaceRun[] {
  return [...runs].sort(compareRuns);
}

/**
 * The runs' positions at step `at`, clamped to each run's last kept row
 * (a diverged run stays where it was last finite).
 */
export function positionsAt(runs: readonly RaceRun[], at: number): Array<[number, number]> {
  return runs.map(({ trajectory: t }) => {
    const i = Math.max(0, Math.min(t.steps, Math.floor(at)));
    return [t.x[i * t.dim], t.x[i * t.dim + 1]];
  });
}
