/**
 * The "Choosing an optimizer" comparison as a fair measurement.
 *
 * For one task and one contender (an optimizer with a grid centre `lr0`):
 *
 * ```
 * fit, validation = split(task.train, 20 % held out, fixed seed)
 * grid = { lr0 · 10^(k/2) : k = −K..K }
 * for every grid point and every seed s (s seeds initialization and example order):
 *   θ = train(model, fit, optimizer(lr), {epochs, batchSize, seed: s})
 *   record validation loss, test loss (and accuracy), final training loss
 * selected(s) = argmin over the grid of the validation loss of seed s
 * while some seed's selected k is an end of the grid: add the next half-decade there
 * ```
 *
 * A diverged run has validation and test loss +∞ (never selected unless every
 * run diverged). The result is ranked by the *test* loss at the selected η,
 * a set the selection never saw; over seeds it is reported as median and range.
 *
 * **Tuning budget.** With a budget of N runs drawn in random order from the
 * grid (without replacement), one keeps the run with the lowest validation loss
 * among the N. Averaged over all orders, the rank-r run (0-based, by validation
 * loss among G points) is the one kept with probability
 *
 * $$P(r) = \binom{G-1-r}{N-1} \Big/ \binom{G}{N},$$
 *
 * so the expected test loss is $\sum_r P(r)\,L^{test}_r$, exactly. Each run's
 * value is capped at the test loss of the initialization, the value of
 * "nothing learnt": a run that diverged (past the trainer's blow-up threshold)
 * and a run that blew up to a finite but huge loss then count the same, and
 * one exploded run cannot dominate the average.
 */
import type { Dataset } from "../datasets.js";
import { trainTestSplit } from "../datasets.js";
import { random } from "../random.js";
import { train } from "../train.js";
import type { ComparisonTask, Contender } from "../compare.js";
import { requireInteger, requireInRange } from "../validate.js";

export interface FairOptions {
  /** Seeds of initialization and example order (default [0, 1, 2]). */
  seeds?: readonly number[];
  /** Half-decades on each side of lr0 to start with (default 5). */
  halfDecades?: number;
  /** Fraction of the training set held out for validation (default 0.2). */
  validationFraction?: number;
  /** At most this many half-decades added on each side (default 10). */
  maxExtend?: number;
}

/** One training run: a grid point under one seed. */
export interface FairRun {
  readonly k: number;
  readonly lr: number;
  readonly seed: number;
  readonly diverged: boolean;
  /** Final mean training loss on the fit set (+∞ when diverged). */
  readonly trainLoss: number;
  readonly validationLoss: number;
  readonly testLoss: number;
  /** Test accuracy for classifiers. */
  readonly accuracy?: number;
}

/** Median and range over seeds. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface FairContenderResult {
  readonly task: string;
  readonly contender: string;
  readonly seeds: readonly number[];
  /** Grid offsets k, ascending (lr = lr0 · 10^(k/2)). */
  readonly ks: readonly number[];
  readonly lr0: number;
  readonly runs: readonly FairRun[];
  /** Per seed: the validation-selected run. */
  readonly selected: readonly FairRun[];
  /** True when every seed's selected k is strictly inside the grid. */
  readonly interior: boolean;
  /** Test loss at the initialization, per seed (the value of "nothing learnt"). */
  readonly initialTestLoss: readonly number[];
  /** Test loss of the validation-selected run, over seeds. */
  readonly testLoss: Spread;
  /** Test accuracy of the validation-selected run, over seeds (classifiers). */
  readonly accuracy?: Spread;
  /** budget[N − 1]: expected test loss after N random tuning runs, mean over seeds. */
  readonly budget: readonly number[];
}

/** The median and range of finite-or-not numbers (an even count takes the mean of the middle two). */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError("spread: needs at least one value");
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  const median = s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; ++i) c = (c * (n - k + i)) / i;
  return c;
}

/**
 * Expected test loss after N = 1 … G runs drawn in random order (averaged over
 * all orders exactly, see the module comment), each run's test loss capped at
 * `initialTestLoss`. `runs` are one seed's grid.
 */
export function budgetCurve(runs: readonly Pick<FairRun, "validationLoss" | "testLoss">[], initialTestLoss: number): number[] {
  const G = runs.length;
  const sorted = [...runs].sort((a, b) => a.validationLoss - b.validationLoss);
  const value = sorted.map((r) => (Number.isFinite(r.validationLoss) ? Math.min(r.testLoss, initialTestLoss) : initialTestLoss));
  const out: number[] = [];
  for (let N = 1; N <= G; ++N) {
    const total = binomial(G, N);
    let e = 0;
    for (let r = 0; r <= G - N; ++r) e += (binomial(G - 1 - r, N - 1) / total) * value[r];
    out.push(e);
  }
  return out;
}

/** The fixed fit/validation split of a task's training set. */
export function validationSplit<D extends Dataset>(data: D, fraction = 0.2): { fit: D; validation: D } {
  requireInRange("validationSplit", "fraction", fraction, 0, 1, { loOpen: true, hiOpen: true });
  const { train: fit, test: validation } = trainTestSplit(data, fraction, 12);
  return { fit, validation };
}

function selectedIndex(runs: readonly FairRun[]): number {
  let best = 0;
  for (let i = 1; i < runs.length; ++i) if (runs[i].validationLoss < runs[best].validationLoss) best = i;
  return best;
}

/** One contender on one task: the whole protocol of the module comment. */
export function fairContender(task: ComparisonTask, contender: Contender, options: FairOptions = {}): FairContenderResult {
  const seeds = options.seeds ?? [0, 1, 2];
  if (seeds.length < 1) throw new RangeError("fairContender: seeds must hold at least one seed");
  seeds.forEach((s) => requireInteger("fairContender", "seeds[i]", s, 0, 2 ** 31));
  const K = requireInteger("fairContender", "halfDecades", options.halfDecades ?? 5, 0, 20);
  const maxExtend = requireInteger("fairContender", "maxExtend", options.maxExtend ?? 10, 0, 40);
  const { fit, validation } = validationSplit(task.train, options.validationFraction ?? 0.2);
  const { model, epochs, batchSize } = task;
  const totalSteps = epochs * Math.ceil(fit.n / batchSize);
  const byK = new Map<number, FairRun[]>();

  const runAt = (k: number): FairRun[] => {
    const lr = contender.lr0 * 10 ** (k / 2);
    return seeds.map((seed) => {
      const r = train(model, fit, contender.make(lr, totalSteps), { epochs, batchSize, seed, evalEvery: Infinity });
      const trainLoss = r.diverged ? Infinity : r.lossPerEpoch[r.lossPerEpoch.length - 1];
      const v = r.diverged ? Infinity : model.loss(r.params, validation);
      const t = r.diverged ? Infinity : model.loss(r.params, task.test);
      const ok = !r.diverged && Number.isFinite(v) && Number.isFinite(t);
      const accuracy = ok && model.accuracy ? model.accuracy(r.params, task.test) : undefined;
      return { k, lr, seed, diverged: !ok, trainLoss: ok ? trainLoss : Infinity, validationLoss: ok ? v : Infinity, testLoss: ok ? t : Infinity, ...(accuracy !== undefined ? { accuracy } : {}) };
    });
  };
  for (let k = -K; k <= K; ++k) byK.set(k, runAt(k));

  const seedRuns = (j: number): FairRun[] => [...byK.keys()].sort((a, b) => a - b).map((k) => byK.get(k)![j]);
  let lo = -K;
  let hi = K;
  for (;;) {
    const picks = seeds.map((_, j) => seedRuns(j)[selectedIndex(seedRuns(j))].k);
    const grow = { lo: picks.includes(lo) && lo > -K - maxExtend, hi: picks.includes(hi) && hi < K + maxExtend };
    if (!grow.lo && !grow.hi) break;
    if (grow.lo) byK.set(--lo, runAt(lo));
    if (grow.hi) byK.set(++hi, runAt(hi));
  }

  const ks = [...byK.keys()].sort((a, b) => a - b);
  const runs = ks.flatMap((k) => byK.get(k)!);
  const selected = seeds.map((_, j) => {
    const rs = seedRuns(j);
    return rs[selectedIndex(rs)];
  });
  const initialTestLoss = seeds.map((seed) => model.loss(model.init(random(seed)), task.test));
  const curves = seeds.map((_, j) => budgetCurve(seedRuns(j), initialTestLoss[j]));
  const budget = ks.map((_, i) => curves.reduce((s, c) => s + c[i], 0) / curves.length);
  const accuracies = selected.map((r) => r.accuracy).filter((a): a is number => a !== undefined);
  return {
    task: task.name,
    contender: contender.name,
    seeds: [...seeds],
    ks,
    lr0: contender.lr0,
    runs,
    selected,
    interior: selected.every((r) => r.k > lo && r.k < hi),
    initialTestLoss,
    testLoss: spread(selected.map((r) => r.testLoss)),
    ...(accuracies.length === seeds.length ? { accuracy: spread(accuracies) } : {}),
    budget,
  };
}

/**
 * The leader (lowest median test loss) and who is tied with it: a contender is
 * tied when its range over seeds overlaps the leader's. `clear` is true when
 * nobody is tied (the leader's worst seed beats everyone's best seed).
 */
export function leaderAndTies(results: readonly Pick<FairContenderResult, "contender" | "testLoss">[]): { leader: string; tied: string[]; clear: boolean } {
  if (results.length === 0) throw new RangeError("leaderAndTies: needs at least one result");
  const sorted = [...results].sort((a, b) => a.testLoss.median - b.testLoss.median);
  const lead = sorted[0];
  const tied = sorted.slice(1).filter((r) => r.testLoss.min <= lead.testLoss.max).map((r) => r.contender);
  return { leader: lead.contender, tied, clear: tied.length === 0 };
}

/** True when the ranges over seeds of a and b do not overlap (a difference outside the noise). */
export function separated(a: Spread, b: Spread): boolean {
  return a.max < b.min || b.max < a.min;
}

/** The runs of grid point k (one per seed). */
function at(r: Pick<FairContenderResult, "runs">, k: number): FairRun[] {
  return r.runs.filter((x) => x.k === k);
}

/** Per grid point: validation loss median and range over seeds, and how many seeds diverged. */
export function validationProfile(r: Pick<FairContenderResult, "runs" | "ks">): { k: number; lr: number; validation: Spread; diverged: number }[] {
  return r.ks.map((k) => {
    const rs = at(r, k);
    return { k, lr: rs[0].lr, validation: spread(rs.map((x) => x.validationLoss)), diverged: rs.filter((x) => x.diverged).length };
  });
}

/**
 * Skipping the tuning: test loss at the default η (k = 0) divided by the test
 * loss at the selected η, median over seeds (+∞ when a seed diverged at the default).
 */
export function defaultRatio(r: Pick<FairContenderResult, "runs" | "selected">): number {
  const d = at(r, 0);
  return spread(r.selected.map((s) => d.find((x) => x.seed === s.seed)!.testLoss / s.testLoss)).median;
}

/** Seeds that diverged at the default η (k = 0). */
export function divergedAtDefault(r: Pick<FairContenderResult, "runs">): number {
  return at(r, 0).filter((x) => x.diverged).length;
}

/**
 * How forgiving the learning rate is: the contiguous run of grid points around
 * the best one (lowest median validation loss) whose median validation loss is
 * within (1 + tol) of that best. The grid is half a decade apart, so `points`
 * grid points span `decades` = (points − 1)/2 decades of η (0 when only the
 * best point qualifies); `lo`, `hi` are its ends as grid offsets k.
 */
export function goodSpan(r: Pick<FairContenderResult, "runs" | "ks">, tol = 0.1): { points: number; decades: number; lo: number; hi: number } {
  const p = validationProfile(r);
  let b = 0;
  for (let i = 1; i < p.length; ++i) if (p[i].validation.median < p[b].validation.median) b = i;
  const ok = (i: number) => i >= 0 && i < p.length && p[i].validation.median <= p[b].validation.median * (1 + tol);
  let lo = b;
  let hi = b;
  while (ok(lo - 1)) --lo;
  while (ok(hi + 1)) ++hi;
  const points = hi - lo + 1;
  return { points, decades: (points - 1) / 2, lo: p[lo].k, hi: p[hi].k };
}

/**
 * The items with the lowest and with the highest value, ties kept (in input
 * order): prose that names "the fewest" or "the widest" must name them all.
 * `allTied` is true when every item has the same value (no extreme to name).
 */
export function extremes<T>(items: readonly T[], value: (item: T) => number): { lowest: T[]; highest: T[]; min: number; max: number; allTied: boolean } {
  if (items.length === 0) throw new RangeError("extremes: needs at least one item");
  const v = items.map(value);
  const min = Math.min(...v);
  const max = Math.max(...v);
  return { lowest: items.filter((_, i) => v[i] === min), highest: items.filter((_, i) => v[i] === max), min, max, allTied: min === max };
}

/**
 * How often "outside the noise" happens by chance: if two optimizers' results
 * over n seeds each were independent draws from one continuous distribution,
 * the probability that their ranges do not overlap is 2 / C(2n, n) (all n of
 * one side below all n of the other, either way round): 1/10 for n = 3.
 */
export function chanceSeparated(nSeeds: number): number {
  requireInteger("chanceSeparated", "nSeeds", nSeeds, 1, 500);
  return 2 / binomial(2 * nSeeds, nSeeds);
}

/** The smallest tuning budget N whose expected test loss is within (1 + tol) of the whole grid's. */
export function runsToTune(r: Pick<FairContenderResult, "budget">, tol = 0.05): number {
  const full = r.budget[r.budget.length - 1];
  return r.budget.findIndex((b) => b <= full * (1 + tol)) + 1;
}

/** Selecting by training loss instead: per seed, the run with the lowest final training loss. */
export function trainPicks(r: Pick<FairContenderResult, "runs" | "seeds">): FairRun[] {
  return r.seeds.map((seed) => r.runs.filter((x) => x.seed === seed).reduce((a, b) => (b.trainLoss < a.trainLoss ? b : a)));
}

/**
 * Selecting by training loss instead: per seed the run with the lowest final
 * training loss; its η and test loss (medians over seeds).
 */
export function trainSelected(r: Pick<FairContenderResult, "runs" | "seeds">): { lr: number; testLoss: number; trainLoss: number } {
  const picks = trainPicks(r);
  return { lr: spread(picks.map((p) => p.lr)).median, testLoss: spread(picks.map((p) => p.testLoss)).median, trainLoss: spread(picks.map((p) => p.trainLoss)).median };
}
