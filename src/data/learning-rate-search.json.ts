/**
 * Build-time numbers for the learning-rate chapter's grid-vs-random search:
 * ridge regression on the housing data (lib/analysis/hyperparameter-search.ts),
 * trained by lib's `train` loop. Two things too slow to compute in the page:
 * - `landscape`: the validation loss on a fine log grid of (η, λ), the map the
 *   searches are drawn on;
 * - `budgets`: for n = k² trials, the best loss found by the plain grid, and the
 *   median and 10th/90th percentiles over 50 seeds of random search and of a
 *   grid shifted by a random offset.
 * The page recomputes the trials it draws with the same functions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDenseCSV, standardize, trainTestSplit } from "../../lib/datasets.js";
import { logGrid, logRandom, ridgeScore, type LogBox } from "../../lib/analysis/hyperparameter-search.js";
import { random } from "../../lib/random.js";

export const BOX: LogBox = [
  [-4, 0],
  [-5, -1],
];
const csv = readFileSync(join(process.cwd(), "data", "housing.csv"), "utf8");
const { data } = standardize(parseDenseCSV(csv, { target: "MedHouseVal", ignore: ["row"] }), { target: true });
const split = trainTestSplit(data, 0.2, 0);
const task = { train: split.train, validation: split.test, epochs: 1, batchSize: 10, seed: 0 };
const score = (v: readonly number[]) => ridgeScore(task, v);

const nx = 61, ny = 21;
const etaLogs = Array.from({ length: nx }, (_, i) => BOX[0][0] + ((BOX[0][1] - BOX[0][0]) * i) / (nx - 1));
const lambdaLogs = Array.from({ length: ny }, (_, j) => BOX[1][0] + ((BOX[1][1] - BOX[1][0]) * j) / (ny - 1));
const scores: number[] = [];
let best = Infinity;
for (const l of lambdaLogs) {
  for (const e of etaLogs) {
    const s = score([10 ** e, 10 ** l]);
    scores.push(Number.isFinite(s) ? s : -1);
    best = Math.min(best, s);
  }
}

const SEEDS = 50;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const offsets = random(2012);
const budgets = [2, 3, 4, 5, 6, 7].map((k) => {
  const n = k * k;
  const bestOf = (points: number[][]) => Math.min(...points.map(score));
  const grid = bestOf(logGrid(BOX, k));
  const randomBest: number[] = [], shiftedBest: number[] = [];
  for (let s = 0; s < SEEDS; ++s) {
    randomBest.push(bestOf(logRandom(BOX, n, s)));
    shiftedBest.push(bestOf(logGrid(BOX, k, offsets.uniform())));
  }
  for (const v of [...randomBest, ...shiftedBest]) best = Math.min(best, v);
  randomBest.sort((a, b) => a - b);
  shiftedBest.sort((a, b) => a - b);
  const summary = (xs: number[]) => ({ q10: quantile(xs, 0.1), median: quantile(xs, 0.5), q90: quantile(xs, 0.9) });
  return { n, k, grid, random: summary(randomBest), shifted: summary(shiftedBest) };
});

process.stdout.write(
  JSON.stringify({
    box: BOX,
    task: { epochs: task.epochs, batchSize: task.batchSize, seed: task.seed, nTrain: split.train.n, nValidation: split.test.n, testFraction: 0.2, splitSeed: 0 },
    seeds: SEEDS,
    landscape: { etaLogs, lambdaLogs, scores },
    budgets,
    best,
  })
);
