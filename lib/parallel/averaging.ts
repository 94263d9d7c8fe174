/**
 * Averaging against summing: the final excess loss L(x) − L(x̂) of the
 * centre/server of several parallel algorithms at equal work, over several
 * seeds — the measurement behind the parallel chapter's elastic-averaging
 * section. With P workers and the same total number of gradients:
 * - "one worker" takes grads/P steps (the same simulated time as the others);
 * - Downpour pushes every τ steps and fetches every τ steps: the server *sums*
 *   the workers' progress;
 * - EASGD at each elasticity α: the centre is pulled toward the workers and
 *   so tracks their *average*;
 * - FedAvg with τ local steps per round: the centre *is* the workers' average.
 *
 * All runs share the number of gradients, not the wall-clock time: a FedAvg
 * round waits for its slowest worker, so with latency or stragglers FedAvg's
 * simulated time is longer than the others' (and longer than "one worker,
 * same time", whose budget is grads / P).
 */
import { requireInteger } from "../validate.js";
import { leastSquaresMinimum, type SparseProblem } from "./problem.js";
import { simulate, type SimulationOptions } from "./simulate.js";

export interface AveragingOptions {
  workers: number;
  tau: number;
  alphas: readonly number[];
  seeds: readonly number[];
  /** Everything else the simulations share (lr, grads, delay, latency). */
  common: Omit<SimulationOptions, "algorithm" | "workers" | "seed" | "tau" | "alpha" | "nFetch" | "nPush">;
}

export interface AveragingRow {
  label: string;
  /** Final excess loss per seed (Infinity when a run diverged). */
  excess: number[];
  median: number;
  min: number;
  max: number;
}

function row(label: string, excess: number[]): AveragingRow {
  const sorted = [...excess].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { label, excess, median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Runs every algorithm on every seed; returns the minimum loss L(x̂) and one row per algorithm (EASGD: one per α). */
export function averagingComparison(problem: SparseProblem, options: AveragingOptions): { floor: number; rows: AveragingRow[] } {
  const P = requireInteger("averagingComparison", "workers", options.workers, 1);
  const tau = requireInteger("averagingComparison", "tau", options.tau, 1);
  if (options.seeds.length === 0) throw new RangeError("averagingComparison: seeds must list at least one seed");
  const floor = leastSquaresMinimum(problem).loss;
  const excess = (loss: number) => (Number.isFinite(loss) ? Math.max(0, loss - floor) : Infinity);
  const over = (run: (seed: number) => number) => options.seeds.map((seed) => excess(run(seed)));
  const { common } = options;
  const rows = [
    row("one worker, same time", over((seed) => simulate(problem, { ...common, algorithm: "hogwild", workers: 1, seed, grads: Math.max(1, Math.round(common.grads / P)) }).finalLoss)),
    row(`Downpour, push and fetch every ${tau}`, over((seed) => simulate(problem, { ...common, algorithm: "downpour", workers: P, seed, nFetch: tau, nPush: tau }).finalLoss)),
    ...options.alphas.map((alpha) => row(`EASGD, α = ${alpha}`, over((seed) => simulate(problem, { ...common, algorithm: "easgd", workers: P, seed, tau, alpha }).finalLoss))),
    row(`FedAvg, ${tau} local steps`, over((seed) => simulate(problem, { ...common, algorithm: "fedavg", workers: P, seed, tau }).finalLoss)),
  ];
  return { floor, rows };
}
