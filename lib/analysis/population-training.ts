/**
 * Population-based training (PBT; Jaderberg et al., "Population Based Training
 * of Neural Networks", 2017) against random search at the same compute, on the
 * ridge-regression task of `hyperparameter-search.ts`.
 *
 * PBT: P workers, each with its own learning rate η drawn log-uniformly in
 * [10^lo, 10^hi], train for R rounds of `epochsPerRound` epochs of minibatch SGD.
 * After every round but the last, rank the workers by validation loss; each
 * worker in the bottom `fraction` (⌊fraction·P⌋ of them, at least 1)
 * **exploits**: it copies the weights *and* η of a worker drawn from the top
 * `fraction`; then it **explores**: η ← 0.8η or 1.2η, each with probability ½
 * (truncation selection with perturbation, as in the paper). A diverged worker
 * scores Infinity and so is always in the bottom.
 *
 * Random search at equal compute: P independent runs, each of R·epochsPerRound
 * epochs, with the *same* P initial learning rates, so the comparison isolates
 * what exploit/explore adds.
 *
 * Three data sets: `train` for the SGD steps, `validation` for every selection
 * (PBT's ranking between rounds, and the choice of the final worker in both
 * methods), and `test`, never looked at during the search, for the reported
 * loss of the chosen worker. Reporting the best *validation* loss instead would
 * be biased: it is a minimum over noisy scores on the very data used to select,
 * and PBT's final population crowds around copies of its leader, so it takes
 * that minimum over many near-identical draws.
 * Compute: P·R·epochsPerRound epochs each (validation passes not counted).
 */
import type { DenseDataset } from "../datasets.js";
import { linearRegression } from "../models/linear-regression.js";
import { sgd } from "../optimizers/sgd.js";
import { random } from "../random.js";
import { train } from "../train.js";
import { ridgeRegression } from "./hyperparameter-search.js";

export interface PbtTask {
  train: DenseDataset;
  /** Used for every selection: PBT's ranking and the choice of the final worker. */
  validation: DenseDataset;
  /** Held out from the search: only the chosen worker's loss on it is reported. */
  test: DenseDataset;
  /** Batch size of the SGD steps (default 10). */
  batchSize?: number;
  /** Ridge penalty ω (default 0). */
  penalty?: number;
}

export interface PbtOptions {
  /** Number of workers P (integer ≥ 2). */
  population: number;
  /** Number of rounds R (integer ≥ 1); exploit/explore happens between rounds. */
  rounds: number;
  /** Epochs each worker trains per round (integer ≥ 1, default 1). */
  epochsPerRound?: number;
  /** log10 range of the initial learning rates (default [−4, 0]). */
  logRange?: readonly [number, number];
  /** Share of the population that is replaced / copied from (default 0.2). */
  fraction?: number;
  /** Seeds the initial rates, the choice of donors, the perturbations, the inits and the shuffling. */
  seed: number;
}

export interface PbtWorkerRound {
  /** η used during this round. */
  eta: number;
  /** Validation loss at the end of the round (Infinity if diverged). */
  score: number;
  /** Index of the worker copied from after this round, or −1 if none. */
  copiedFrom: number;
}

export interface PbtResult {
  /** history[w][r]: worker w in round r. */
  history: PbtWorkerRound[][];
  /** The lowest final validation loss in the population (the selection score; biased low). */
  best: number;
  /** The test loss of that worker (the number to report). */
  bestTest: number;
  /** The η the chosen worker used in the last round. */
  bestEta: number;
  /** The initial learning rates (shared with `randomSearchEqualCompute`). */
  initialEtas: number[];
  /** Epochs of SGD spent in all (P · R · epochsPerRound). */
  epochs: number;
}

function check(name: string, v: number, ok: boolean, range: string): void {
  if (!ok) throw new RangeError(`populationBasedTraining: ${name} must be ${range}, got ${v}`);
}

function validate(o: PbtOptions) {
  const epochsPerRound = o.epochsPerRound ?? 1;
  const [lo, hi] = o.logRange ?? [-4, 0];
  const fraction = o.fraction ?? 0.2;
  check("population", o.population, Number.isInteger(o.population) && o.population >= 2, "an integer ≥ 2");
  check("rounds", o.rounds, Number.isInteger(o.rounds) && o.rounds >= 1, "an integer ≥ 1");
  check("epochsPerRound", epochsPerRound, Number.isInteger(epochsPerRound) && epochsPerRound >= 1, "an integer ≥ 1");
  check("fraction", fraction, fraction > 0 && fraction <= 0.5, "in (0, 0.5]");
  check("seed", o.seed, Number.isInteger(o.seed), "an integer");
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new RangeError(`populationBasedTraining: logRange must be [lo, hi] with lo < hi, got [${lo}, ${hi}]`);
  return { epochsPerRound, lo, hi, fraction };
}

/** The P initial learning rates 10^u, u uniform in [lo, hi], from `seed`. */
export function initialRates(population: number, seed: number, [lo, hi]: readonly [number, number] = [-4, 0]): number[] {
  const rng = random(seed);
  return Array.from({ length: population }, () => 10 ** rng.between(lo, hi));
}

/** Trains a copy of `params` (or a fresh init when undefined) for `epochs` epochs at rate `eta`; returns the new params, or null if it diverged. */
function segment(task: PbtTask, params: Float64Array | undefined, eta: number, epochs: number, seed: number): Float64Array | null {
  const model = ridgeRegression(task.train.d, task.penalty ?? 0);
  const r = train(model, task.train, sgd({ lr: eta }), { epochs, batchSize: task.batchSize ?? 10, seed, init: params, evalEvery: Infinity });
  return r.diverged || !r.params.every(Number.isFinite) ? null : r.params;
}

function score(task: PbtTask, params: Float64Array | null, data: DenseDataset = task.validation): number {
  if (params === null) return Infinity;
  const s = linearRegression(task.train.d).loss(params, data);
  return Number.isFinite(s) ? s : Infinity;
}

/** Runs PBT; see the module comment for the rules. */
export function populationBasedTraining(task: PbtTask, options: PbtOptions): PbtResult {
  const { epochsPerRound, lo, hi, fraction } = validate(options);
  const { population: P, rounds: R, seed } = options;
  const rng = random(seed * 7919 + 1);
  const initialEtas = initialRates(P, seed, [lo, hi]);
  const etas = initialEtas.slice();
  // Every worker starts from the same initialization rule (train's init from its seed).
  let params: (Float64Array | null | undefined)[] = Array.from({ length: P }, () => undefined);
  const history: PbtWorkerRound[][] = Array.from({ length: P }, () => []);
  const k = Math.max(1, Math.floor(fraction * P));
  for (let r = 0; r < R; ++r) {
    const scores = params.map((p, w) => {
      const next = p === null ? null : segment(task, p, etas[w], epochsPerRound, seed * 1000 + r * P + w);
      params[w] = next;
      return score(task, next);
    });
    const entries = scores.map((s, w) => ({ eta: etas[w], score: s, copiedFrom: -1 }));
    if (r < R - 1) {
      const order = scores.map((_, w) => w).sort((a, b) => scores[a] - scores[b] || a - b);
      const top = order.slice(0, k), bottom = order.slice(P - k);
      const copies = params.slice();
      for (const w of bottom) {
        const donor = top[Math.floor(rng.uniform() * top.length)];
        copies[w] = params[donor] === null ? null : (params[donor] as Float64Array).slice();
        etas[w] = etas[donor] * (rng.uniform() < 0.5 ? 0.8 : 1.2);
        entries[w].copiedFrom = donor;
      }
      params = copies;
    }
    entries.forEach((e, w) => history[w].push(e));
  }
  const finals = history.map((h) => h[R - 1].score);
  const bestW = finals.reduce((b, s, w) => (s < finals[b] ? w : b), 0);
  return { history, best: finals[bestW], bestTest: score(task, params[bestW] ?? null, task.test), bestEta: history[bestW][R - 1].eta, initialEtas, epochs: P * R * epochsPerRound };
}

export interface RandomSearchResult {
  /** Final validation loss of each run (Infinity if diverged). */
  scores: number[];
  /** The lowest of `scores` (the selection score; biased low). */
  best: number;
  /** The test loss of the run with the lowest validation loss (the number to report). */
  bestTest: number;
  bestEta: number;
  epochs: number;
}

/** P independent runs of R·epochsPerRound epochs at PBT's initial rates (same seed ⇒ same rates): equal compute. */
export function randomSearchEqualCompute(task: PbtTask, options: PbtOptions): RandomSearchResult {
  const { epochsPerRound, lo, hi } = validate(options);
  const { population: P, rounds: R, seed } = options;
  const etas = initialRates(P, seed, [lo, hi]);
  const params = etas.map((eta, w) => segment(task, undefined, eta, R * epochsPerRound, seed * 1000 + w));
  const scores = params.map((p) => score(task, p));
  const bestW = scores.reduce((b, s, w) => (s < scores[b] ? w : b), 0);
  return { scores, best: scores[bestW], bestTest: score(task, params[bestW], task.test), bestEta: etas[bestW], epochs: P * R * epochsPerRound };
}

export interface PbtComparison {
  seeds: number[];
  /** Per seed, the test loss of the worker each method chose by validation loss. */
  pbt: number[];
  random: number[];
  /** Median, min and max of each (test losses). */
  summary: { pbt: { median: number; min: number; max: number }; random: { median: number; min: number; max: number } };
  /** Seeds on which PBT's chosen worker has the lower test loss. */
  pbtWins: number;
  /** The selection scores (best validation loss) per seed, and the seeds on which PBT's is lower. */
  validation: { pbt: number[]; random: number[]; pbtWins: number };
  /**
   * "pbt" or "random" when every seed's result of one lies below every seed's of the other
   * (the ranges do not overlap), else "overlap".
   */
  verdict: "pbt" | "random" | "overlap";
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** PBT against random search over several seeds, on the test loss of each method's chosen worker (median, range, a verdict only when the ranges separate). */
export function comparePbtRandom(task: PbtTask, options: Omit<PbtOptions, "seed">, seeds: readonly number[]): PbtComparison {
  if (seeds.length < 1) throw new RangeError("comparePbtRandom: seeds must not be empty");
  const pbtRuns = seeds.map((seed) => populationBasedTraining(task, { ...options, seed }));
  const rndRuns = seeds.map((seed) => randomSearchEqualCompute(task, { ...options, seed }));
  const pbt = pbtRuns.map((r) => r.bestTest), rnd = rndRuns.map((r) => r.bestTest);
  const pbtVal = pbtRuns.map((r) => r.best), rndVal = rndRuns.map((r) => r.best);
  const sum = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  const summary = { pbt: sum(pbt), random: sum(rnd) };
  const verdict = summary.pbt.max < summary.random.min ? "pbt" : summary.random.max < summary.pbt.min ? "random" : "overlap";
  const validation = { pbt: pbtVal, random: rndVal, pbtWins: pbtVal.filter((v, i) => v < rndVal[i]).length };
  return { seeds: seeds.slice(), pbt, random: rnd, summary, pbtWins: pbt.filter((v, i) => v < rnd[i]).length, validation, verdict };
}
