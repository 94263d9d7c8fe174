/**
 * The playground's race on sparse data: a reader's optimizer against library
 * rivals on a comparison task (the sentences' logistic regression), each
 * entrant trained under several seeds, with the training loss and the
 * held-out (test) loss recorded along the way.
 *
 * ```
 * fit, validation = validationSplit(task.train, fraction)     # the fair comparison's split
 * for every entrant e and seed s (s orders the minibatches; and seeds the
 *                                   initialization, which is zero for this model):
 *   θ = train(model, fit, e.make(s), {epochs, batchSize, seed: s})
 *   every evalEvery examples: record L_fit(θ) and L_test(θ)
 * per entrant: final training and test loss, median and range over seeds
 * ```
 *
 * The rivals' `make(s)` is the fair comparison's contender at the learning
 * rate its validation split selected *for seed s* (lib/analysis/fair-comparison.ts),
 * so a rival's final test loss here is the one "Choosing an optimizer" ranks.
 * Training on `fit` (not the whole training set) keeps that identity.
 *
 * A run that diverges stops there (`diverged`, `divergedAt`); its loss counts
 * as +∞ from that point on. An entrant whose optimizer throws keeps the error
 * message; one that runs past `budgetMs` is stopped and says so.
 */
import type { Dataset } from "../datasets.js";
import type { ComparisonTask } from "../compare.js";
import { now } from "../event-loop.js";
import { withGradientCopy } from "../gradient-copy.js";
import { random } from "../random.js";
import { trainSteps } from "../train.js";
import type { Optimizer, OptimizerState } from "../types.js";
import { requireInRange, requireInteger } from "../validate.js";
import { validationSplit, type FairContenderResult } from "./fair-comparison.js";
import { compareSpreads, seedSpread, type SeedSpread } from "./seed-spread.js";

export interface RaceEntrant {
  readonly name: string;
  readonly label: string;
  /** The optimizer for seed `seed` (a rival's η may differ per seed: its validation-selected one). */
  make(seed: number): Optimizer<OptimizerState, object>;
  /** The learning rate used per seed, for the legend (optional). */
  readonly lrs?: readonly number[];
}

export interface RacePoint {
  /** Epochs so far (examples / fit size). */
  readonly epoch: number;
  /** Mean loss over the fit set. */
  readonly train: number;
  /** Mean loss over the test set. */
  readonly test: number;
}

export interface RaceSeedRun {
  readonly seed: number;
  readonly curve: readonly RacePoint[];
  readonly diverged: boolean;
  /** The epoch (fractional) where the run diverged, or null. */
  readonly divergedAt: number | null;
  /** Final losses (+∞ when the run diverged, threw or was stopped). */
  readonly train: number;
  readonly test: number;
}

export interface RaceEntry {
  readonly name: string;
  readonly label: string;
  readonly lrs?: readonly number[];
  readonly runs: readonly RaceSeedRun[];
  readonly train: SeedSpread;
  readonly test: SeedSpread;
  /** Seeds whose run diverged. */
  readonly diverged: number;
  /** The optimizer threw (message), or ran past the time budget. */
  readonly error?: string;
  /** True when the error is the time budget running out (slow code or a busy machine), not a throw. */
  readonly stopped?: boolean;
}

export interface RaceOptions {
  /** Seeds (default [0, 1, 2], the fair comparison's). */
  seeds?: readonly number[];
  /** Fraction of the training set held out for validation, as in the fair comparison (default 0.2). */
  validationFraction?: number;
  /** Curve points per epoch (default 8). */
  pointsPerEpoch?: number;
  /** Milliseconds an entrant may train in total before it is stopped (default ∞). */
  budgetMs?: number;
}

export interface RaceResult {
  readonly task: string;
  readonly seeds: readonly number[];
  readonly fit: number;
  readonly test: number;
  readonly epochs: number;
  readonly batchSize: number;
  /** Optimizer steps per run: epochs · ⌈fit / batchSize⌉. */
  readonly steps: number;
  /** The losses of the initial parameters (seed 0's initialization). */
  readonly initial: { readonly train: number; readonly test: number };
  readonly entries: readonly RaceEntry[];
}

/** Thrown inside a run to stop an entrant that used up its time budget. */
class OverBudget extends Error {}

/** One entrant under every seed (see the module comment). */
function raceEntrant<D extends Dataset>(task: ComparisonTask<D>, fit: D, e: RaceEntrant, seeds: readonly number[], evalEvery: number, budgetMs: number): RaceEntry {
  const { model, epochs, batchSize } = task;
  const started = now();
  const runs: RaceSeedRun[] = [];
  let error: string | undefined;
  let stopped = false;
  for (const seed of seeds) {
    if (error !== undefined) break;
    // trainSteps updates its parameters in place and hands that same array to
    // every optimizer step: capture it there to evaluate the test loss at each
    // point of the curve.
    let params: Float64Array | null = null;
    let inner: Optimizer<OptimizerState, object>;
    try {
      inner = e.make(seed);
    } catch (err) {
      error = (err as Error).message;
      break;
    }
    // The entrant's step gets a copy of the gradient: the sparse model's grad
    // clears only the coordinates it wrote last time (its sparse cost), so a
    // step that writes into its gradient (`g[i] += wd * x[i]`, allowed by the
    // Optimizer contract) would otherwise leak into every later gradient.
    const copying = withGradientCopy(inner);
    const optimizer = {
      name: inner.name,
      hyper: inner.hyper,
      init: (dim: number) => copying.init(dim),
      step(p, g, s) {
        params = p;
        copying.step(p, g, s);
      },
    } as Optimizer<OptimizerState, object>;
    const init = model.init(random(seed)); // what trainSteps starts from
    const curve: RacePoint[] = [];
    let diverged = false;
    let divergedAt: number | null = null;
    try {
      const run = trainSteps(model, fit, optimizer, { epochs, batchSize, seed, evalEvery });
      let next = run.next();
      while (!next.done) {
        const p = next.value;
        const theta = params ?? init;
        curve.push({ epoch: p.epoch, train: p.loss, test: model.loss(theta, task.test) });
        if (now() - started > budgetMs) throw new OverBudget();
        next = run.next();
      }
      diverged = next.value.diverged;
      divergedAt = next.value.divergedAt?.epoch ?? null;
    } catch (err) {
      stopped = err instanceof OverBudget;
      error = stopped ? `stopped after ${Math.round(budgetMs)} ms of training (seed ${seed}, epoch ${(curve.at(-1)?.epoch ?? 0).toFixed(2)})` : (err as Error).message;
      break;
    }
    const last = curve.at(-1);
    const finite = !diverged && last !== undefined && Number.isFinite(last.train) && Number.isFinite(last.test);
    runs.push({ seed, curve, diverged: diverged || !finite, divergedAt: diverged ? divergedAt : null, train: finite ? last!.train : Infinity, test: finite ? last!.test : Infinity });
  }
  const done = runs.length === seeds.length && error === undefined;
  const finals = (k: "train" | "test") => seeds.map((_, j) => (done ? runs[j][k] : Infinity));
  return {
    name: e.name,
    label: e.label,
    ...(e.lrs ? { lrs: [...e.lrs] } : {}),
    runs,
    train: seedSpread(finals("train")),
    test: seedSpread(finals("test")),
    diverged: runs.filter((r) => r.diverged).length,
    ...(error !== undefined ? { error } : {}),
    ...(stopped ? { stopped } : {}),
  };
}

/** The race of the module comment: every entrant under every seed. */
export function sparseRace<D extends Dataset>(task: ComparisonTask<D>, entrants: readonly RaceEntrant[], options: RaceOptions = {}): RaceResult {
  const seeds = options.seeds ?? [0, 1, 2];
  if (seeds.length < 1) throw new RangeError("sparseRace: seeds must hold at least one seed");
  seeds.forEach((s) => requireInteger("sparseRace", "seeds[i]", s, 0, 2 ** 31));
  const pointsPerEpoch = requireInteger("sparseRace", "pointsPerEpoch", options.pointsPerEpoch ?? 8, 1, 1000);
  const budgetMs = options.budgetMs === undefined ? Infinity : requireInRange("sparseRace", "budgetMs", options.budgetMs, 0, Infinity, { loOpen: true });
  const { fit } = validationSplit(task.train, options.validationFraction ?? 0.2);
  const evalEvery = Math.max(1, Math.ceil(fit.n / pointsPerEpoch));
  const theta0 = task.model.init(random(seeds[0]));
  return {
    task: task.name,
    seeds: [...seeds],
    fit: fit.n,
    test: task.test.n,
    epochs: task.epochs,
    batchSize: task.batchSize,
    steps: task.epochs * Math.ceil(fit.n / task.batchSize),
    initial: { train: task.model.loss(theta0, fit), test: task.model.loss(theta0, task.test) },
    entries: entrants.map((e) => raceEntrant(task, fit, e, seeds, evalEvery, budgetMs)),
  };
}

/** Per curve point (by index) of one entrant: median and range over seeds of the train or test loss; a diverged seed counts as +∞ after it stopped. */
export function curveSpread(entry: Pick<RaceEntry, "runs">, key: "train" | "test"): { epoch: number; spread: SeedSpread }[] {
  const longest = entry.runs.reduce((a, r) => (r.curve.length > a.length ? r.curve : a), [] as readonly RacePoint[]);
  return longest.map((p, i) => ({ epoch: p.epoch, spread: seedSpread(entry.runs.map((r) => r.curve[i]?.[key] ?? Infinity)) }));
}

/** Where one entrant lands among all, by median final test loss, and which others its range over seeds overlaps. */
export interface Standing {
  /** 1-based rank by median test loss (ties in the median share the better rank). */
  readonly rank: number;
  readonly of: number;
  /** Entrants whose test-loss range lies wholly above this one's (it beats them outside the noise). */
  readonly ahead: string[];
  /** Entrants whose range overlaps this one's (within the noise). */
  readonly tied: string[];
  /** Entrants whose range lies wholly below this one's. */
  readonly behind: string[];
}

export function standing(entries: readonly Pick<RaceEntry, "name" | "test">[], name: string): Standing {
  const me = entries.find((e) => e.name === name);
  if (!me) throw new RangeError(`standing: no entrant named ${JSON.stringify(name)}`);
  const others = entries.filter((e) => e !== me);
  const rank = 1 + others.filter((e) => e.test.median < me.test.median).length;
  const by = (v: "lower" | "higher" | "overlap") => others.filter((e) => compareSpreads(me.test, e.test) === v).map((e) => e.name);
  return { rank, of: entries.length, ahead: by("lower"), tied: by("overlap"), behind: by("higher") };
}

/**
 * The learning rate the fair comparison selected for `name` on `task`, per
 * seed (in the order of `seeds`): a rival races under seed s with the η its
 * validation split chose for seed s, not a hand-picked one.
 */
export function selectedRates(results: readonly Pick<FairContenderResult, "task" | "contender" | "selected">[], task: string, name: string, seeds: readonly number[]): number[] {
  const r = results.find((x) => x.task === task && x.contender === name);
  if (!r) throw new RangeError(`selectedRates: the comparison has no result for ${JSON.stringify(name)} on ${JSON.stringify(task)}`);
  return seeds.map((seed) => {
    const s = r.selected.find((x) => x.seed === seed);
    if (!s) throw new RangeError(`selectedRates: ${name} on ${task} has no selected run for seed ${seed}`);
    return s.lr;
  });
}
