/**
 * Build-time numbers for the parallel chapter (src/parallel.md): the seeded
 * measurements that do not depend on the reader's controls, so the page draws
 * them at once instead of simulating for seconds (issue 20).
 * - `delay`: delayTolerantComparison at 64 workers with stragglers (k = 32),
 *   with one-worker SGD and AdaGrad rows (what the delays cost each rate).
 * - `sweep`: speedupSweep at the page's default controls (k = 8, η = 1,
 *   exponential delays, no latency); the page recomputes it only when a
 *   control leaves its default. Speedups interpolate the time to the target
 *   between evaluation points (timeToLoss).
 */
import { sparseLeastSquares } from "../../lib/parallel/problem.js";
import { delayTolerantComparison, speedupSweep } from "../../lib/parallel/comparisons.js";

export const SETTINGS = {
  seeds: [0, 1, 2],
  delay: { n: 5000, d: 2000, k: 32, workers: 64, grads: 15000, delay: { kind: "straggler", p: 0.1, factor: 10 } },
  sweep: { n: 5000, d: 2000, k: 8, lr: 1, grads: 15000, delay: { kind: "exponential" }, latency: 0, workerCounts: [1, 2, 4, 8, 16, 32, 64] },
} as const;

const { seeds } = SETTINGS;
const dp = SETTINGS.delay;
const delay = delayTolerantComparison(sparseLeastSquares({ n: dp.n, d: dp.d, k: dp.k, seed: 0 }), { workers: dp.workers, grads: dp.grads, delay: dp.delay, latency: 0, evalEvery: dp.grads / 10 }, seeds);
const sw = SETTINGS.sweep;
const sweep = speedupSweep(sparseLeastSquares({ n: sw.n, d: sw.d, k: sw.k, seed: 0 }), { lr: sw.lr, grads: sw.grads, delay: sw.delay, latency: sw.latency, evalEvery: sw.grads / 30 }, seeds, sw.workerCounts);
process.stdout.write(JSON.stringify({ settings: SETTINGS, delay, sweep }));
