/**
 * The parallel chapter's seeded measurements, each as median and range over
 * seeds (so a winner is named only when every seed agrees):
 *
 * - {@link delayTolerantComparison}: where delays are large, the final loss
 *   after the same work of plain asynchronous SGD (Hogwild!), the
 *   staleness-scaled step η/τ, DC-ASGD, asynchronous AdaGrad (Downpour's
 *   Adagrad server with n_fetch = n_push = 1) and AdaptiveRevision, against
 *   one worker doing the same work with SGD and with AdaGrad (what the delays
 *   cost each kind of rate). Each method
 *   gets its best step from its own grid (best median), so that no method
 *   loses merely by an unlucky step. The step is chosen on the same seeds
 *   that are reported, which favours every method alike.
 * - {@link speedupSweep}: the speedup time(1 worker) / time(P workers) to
 *   reach a target loss, Hogwild! and synchronous all-reduce, per seed (each
 *   seed's P-worker run against the same seed's one-worker run).
 */
import type { SparseProblem } from "./problem.js";
import { simulate, timeToLoss, type SimulationOptions } from "./simulate.js";

export interface Spread {
  /** One value per seed (Infinity for a run that diverged or never reached the target). */
  values: number[];
  median: number;
  min: number;
  max: number;
}

/** Median, minimum and maximum of per-seed values. */
export function spread(values: number[]): Spread {
  if (values.length === 0) throw new RangeError("spread: values must hold at least one value");
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { values, median, min: s[0], max: s[s.length - 1] };
}

/** "below", "above", or null when the two ranges overlap (within the seed-to-seed spread). */
export function separated(a: Spread, b: Spread): "below" | "above" | null {
  return a.max < b.min ? "below" : a.min > b.max ? "above" : null;
}

export type Shared = Omit<SimulationOptions, "algorithm" | "lr" | "seed" | "correction">;

export interface DelayMethod {
  label: string;
  options: Partial<SimulationOptions>;
  /** The step grid (η for SGD-like methods, α for AdaGrad-like ones). */
  steps: number[];
}

export const DELAY_METHODS: DelayMethod[] = [
  { label: "1 worker, sequential SGD (same work)", options: { algorithm: "hogwild", workers: 1 }, steps: [0.5, 1, 1.5] },
  { label: "1 worker, sequential AdaGrad (same work)", options: { algorithm: "hogwild", workers: 1, correction: "adagrad" }, steps: [0.5, 1, 2] },
  { label: "plain asynchronous SGD (Hogwild!)", options: { algorithm: "hogwild" }, steps: [0.5, 1, 1.5] },
  { label: "staleness-scaled step η/τ", options: { algorithm: "hogwild", correction: "staleness" }, steps: [1, 4, 16, 64] },
  { label: "DC-ASGD (λ = 1)", options: { algorithm: "hogwild", correction: "delay-compensated", lambda: 1 }, steps: [0.5, 1, 1.5] },
  { label: "asynchronous AdaGrad (Downpour's Adagrad server)", options: { algorithm: "hogwild", correction: "adagrad" }, steps: [0.5, 1, 2] },
  { label: "AdaptiveRevision", options: { algorithm: "hogwild", correction: "adaptive-revision" }, steps: [0.5, 1, 2] },
];

export interface DelayRow extends Spread {
  label: string;
  /** The step with the best median final loss. */
  step: number;
  /** Median final loss at every step of the grid. */
  byStep: { step: number; median: number }[];
}

/** Final loss of every method at its best step, over `seeds`; see the module comment. */
export function delayTolerantComparison(problem: SparseProblem, shared: Shared, seeds: readonly number[], methods: DelayMethod[] = DELAY_METHODS): DelayRow[] {
  if (seeds.length === 0) throw new RangeError("delayTolerantComparison: seeds must list at least one seed");
  return methods.map((m) => {
    const runs = m.steps.map((lr) => spread(seeds.map((seed) => simulate(problem, { ...shared, ...m.options, algorithm: m.options.algorithm ?? "hogwild", lr, seed } as SimulationOptions).finalLoss)));
    let best = 0;
    runs.forEach((r, i) => { if (r.median < runs[best].median) best = i; });
    return { label: m.label, step: m.steps[best], byStep: runs.map((r, i) => ({ step: m.steps[i], median: r.median })), ...runs[best] };
  });
}

export interface SpeedupRow extends Spread {
  P: number;
  algorithm: "hogwild" | "sync";
  /** Per seed: did the run diverge? (A run that never reached the target has speedup 0.) */
  diverged: boolean[];
}

/** Speedup to reach `targetFraction` × the initial loss, per worker count and algorithm, over seeds. */
export function speedupSweep(problem: SparseProblem, shared: Omit<Shared, "workers"> & { lr: number }, seeds: readonly number[], workerCounts: readonly number[], targetFraction = 1e-2): SpeedupRow[] {
  return [...speedupSweepRows(problem, shared, seeds, workerCounts, targetFraction)];
}

/** The rows of {@link speedupSweep} one at a time, so a page can draw them as they come. */
export function* speedupSweepRows(problem: SparseProblem, shared: Omit<Shared, "workers"> & { lr: number }, seeds: readonly number[], workerCounts: readonly number[], targetFraction = 1e-2): Generator<SpeedupRow> {
  if (seeds.length === 0) throw new RangeError("speedupSweep: seeds must list at least one seed");
  const ones = seeds.map((seed) => simulate(problem, { ...shared, algorithm: "hogwild", workers: 1, seed }));
  for (const P of workerCounts) {
    for (const algorithm of ["hogwild", "sync"] as const) {
      const runs = seeds.map((seed) => simulate(problem, { ...shared, algorithm, workers: P, seed }));
      const speed = runs.map((r, s) => {
        const target = ones[s].curve[0].loss * targetFraction;
        return timeToLoss(ones[s], target) / timeToLoss(r, target);
      });
      yield { P, algorithm, diverged: runs.map((r) => r.diverged), ...spread(speed.map((v) => (Number.isFinite(v) ? v : 0))) };
    }
  }
}
