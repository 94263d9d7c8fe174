/**
 * The playground's adapter: the reader's code returns
 * `{factory, hyper, asSgd?}` — a factory of hyperparameters that makes an
 * optimizer (the library's init/step contract), the settings to race with, and
 * optionally the settings under which it should be plain SGD. The adapter
 * races it against library optimizers on a surface and on the housing
 * regression, runs the checklist, and records the reader's optimizer's state
 * at every step of its race on the surface (state-record.ts) for the page's
 * state panel. With `params.sparse` it also races on the sentences' sparse
 * logistic regression (lib/analysis/sparse-race.ts) against rivals at the
 * learning rates the fair comparison selected, and adds a checklist item
 * from that run. The reader may return `sparseHyper` to race there with other
 * settings than `hyper`.
 */
import { type DenseJSON, parseDenseJSON, standardize } from "../../../lib/datasets.js";
import { linearRegression } from "../../../lib/models/linear-regression.js";
import { quadratic } from "../../../lib/objectives/quadratic.js";
import { optimizerInfo } from "../../../lib/optimizers/registry.js";
import { sgd } from "../../../lib/optimizers/sgd.js";
import { random } from "../../../lib/random.js";
import { sparseRace, type RaceEntrant, type RaceResult } from "../../../lib/analysis/sparse-race.js";
import { defaultContenders, sentencesTask } from "../../../lib/compare.js";
import { validationSplit } from "../../../lib/analysis/fair-comparison.js";
import { num } from "../../format.js";
import type { SentencesJSON } from "../../../lib/datasets.js";
import { minimize } from "../../../lib/run.js";
import { train, type TrainPoint } from "../../../lib/train.js";
import type { Optimizer, OptimizerState } from "../../../lib/types.js";
import { adaptOptimizer, asOptimizer, ShapeError, type CompareSpec, type Run } from "./adapters.js";
import { recordingOptimizer, type StateRecord } from "./state-record.js";

export interface Check {
  name: string;
  status: "pass" | "fail" | "skip";
  detail: string;
}

export interface TrainingRun {
  label: string;
  curve: TrainPoint[];
  diverged: boolean;
  finalLoss: number;
}

export interface PlaygroundResult {
  runs: Run[];
  training: TrainingRun[];
  checks: Check[];
  /** The reader's optimizer's state after each step of its race on the (first) surface, or null if it keeps none. */
  state: StateRecord | null;
  /** The race on the sparse sentences task (when params.sparse is given); the reader's entry is named "yours". */
  sparse?: RaceResult;
}

/** What the page passes for the sparse race. */
export interface SparseParams {
  sentences: SentencesJSON;
  /** Library rivals with the learning rate selected per seed (in the order of `seeds`). */
  rivals: { name: string; label: string; lrs: number[] }[];
  seeds: number[];
  validationFraction: number;
  /** Milliseconds the reader's optimizer may train on this task (all seeds together). */
  budgetMs: number;
}

type Factory = (hyper: Record<string, unknown>) => Optimizer<OptimizerState, Record<string, unknown>>;

function readSubmission(value: unknown): { factory: Factory; hyper: Record<string, unknown>; asSgd?: Record<string, unknown>; sparseHyper?: Record<string, unknown> } {
  if (value === undefined) throw new ShapeError("The code returned nothing. End it with `return {factory, hyper, asSgd}`.");
  const v = value as { factory?: unknown; hyper?: unknown; asSgd?: unknown; sparseHyper?: unknown };
  if (value === null || typeof value !== "object" || typeof v.factory !== "function") {
    throw new ShapeError("Return an object {factory, hyper, asSgd}: factory is a function (hyper) → optimizer, hyper the settings to race with, asSgd (optional) the settings that make it plain SGD.");
  }
  if (v.hyper !== undefined && (v.hyper === null || typeof v.hyper !== "object")) throw new ShapeError("hyper must be an object of hyperparameters, e.g. {lr: 0.1}.");
  if (v.asSgd !== undefined && (v.asSgd === null || typeof v.asSgd !== "object" || typeof (v.asSgd as { lr?: unknown }).lr !== "number")) {
    throw new ShapeError("asSgd must be an object of hyperparameters with a numeric lr, e.g. {lr: 0.1, beta: 0}.");
  }
  if (v.sparseHyper !== undefined && (v.sparseHyper === null || typeof v.sparseHyper !== "object")) throw new ShapeError("sparseHyper (optional) must be an object of hyperparameters for the sparse task, e.g. {lr: 0.3, beta: 0.9}.");
  return { factory: v.factory as Factory, hyper: (v.hyper ?? {}) as Record<string, unknown>, asSgd: v.asSgd as Record<string, unknown> | undefined, sparseHyper: v.sparseHyper as Record<string, unknown> | undefined };
}

/** A convex quadratic in 10 dimensions with curvatures from 0.1 to 1 and a seeded rotation. */
function convexQuadratic() {
  const n = 10;
  const rng = random(7);
  const M = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal()));
  // Gram–Schmidt: an orthonormal basis Q; A = Q diag(λ) Qᵀ.
  const Q: number[][] = [];
  for (const v of M) {
    const w = v.slice();
    for (const q of Q) {
      const d = w.reduce((s, x, i) => s + x * q[i], 0);
      for (let i = 0; i < n; ++i) w[i] -= d * q[i];
    }
    const norm = Math.hypot(...w);
    Q.push(w.map((x) => x / norm));
  }
  const lambda = Array.from({ length: n }, (_, k) => 0.1 + (0.9 * k) / (n - 1));
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Q.reduce((s, q, k) => s + lambda[k] * q[i] * q[j], 0)));
  return quadratic(A, undefined, { name: "convex quadratic (10-D)" });
}

function runChecks(factory: Factory, hyper: Record<string, unknown>, asSgd?: Record<string, unknown>): Check[] {
  const checks: Check[] = [];
  const f = convexQuadratic();
  const x0 = new Array(f.dim).fill(1);
  let optimizer: Optimizer<OptimizerState, Record<string, unknown>>;
  try {
    optimizer = asOptimizer(factory(hyper));
    checks.push({ name: "factory(hyper) makes an optimizer", status: "pass", detail: "It has init(dim) and step(params, grad, state)." });
  } catch (error) {
    checks.push({ name: "factory(hyper) makes an optimizer", status: "fail", detail: (error as Error).message });
    return checks;
  }
  const run = minimize(f, optimizer, x0, { steps: 300 });
  const first = run.loss[0];
  const last = run.loss[run.steps];
  const descends = !run.diverged && last < 0.5 * first;
  checks.push({
    name: "descends on a convex quadratic",
    status: descends ? "pass" : "fail",
    detail: run.diverged
      ? `It diverged at step ${run.divergedAt} (${run.reason}).`
      : `Over 300 steps on a 10-D quadratic with curvatures 0.1…1, the loss went from ${num(first)} to ${num(last)}${descends ? "." : " — less than halved. Is the step going downhill (x − η·g, not x + η·g)?"}`,
  });
  const state = optimizer.init(f.dim) as OptimizerState;
  const before = state.t;
  try {
    optimizer.step(new Float64Array(x0), new Float64Array(f.dim).fill(0.1), state);
    const counts = typeof state.t === "number" && state.t === (before ?? 0) + 1;
    checks.push({ name: "counts its steps in state.t", status: counts ? "pass" : "fail", detail: counts ? "state.t goes up by one per step, so schedules and bias corrections can use it." : `After one step state.t is ${String(state.t)}; the contract keeps the 1-based step count there.` });
  } catch (error) {
    checks.push({ name: "counts its steps in state.t", status: "fail", detail: (error as Error).message });
  }
  if (!asSgd) {
    checks.push({ name: "matches SGD when its hyperparameters reduce to SGD", status: "skip", detail: "Return asSgd (e.g. {lr: 0.1, beta: 0}) to run this check." });
  } else {
    try {
      const mine = asOptimizer(factory(asSgd));
      const reference = sgd({ lr: asSgd.lr as number });
      const a = minimize(f, mine, x0, { steps: 50 });
      const b = minimize(f, reference, x0, { steps: 50 });
      let gap = 0;
      for (let i = 0; i < Math.min(a.x.length, b.x.length); ++i) gap = Math.max(gap, Math.abs(a.x[i] - b.x[i]));
      const same = a.steps === b.steps && gap <= 1e-12;
      checks.push({
        name: "matches SGD when its hyperparameters reduce to SGD",
        status: same ? "pass" : "fail",
        detail: same ? `With ${JSON.stringify(asSgd)} its 50 steps equal sgd({lr: ${asSgd.lr}}) to within ${num(1e-12)}.` : `With ${JSON.stringify(asSgd)} it strays from sgd({lr: ${asSgd.lr}}) by up to ${num(gap)} in 50 steps.`,
      });
    } catch (error) {
      checks.push({ name: "matches SGD when its hyperparameters reduce to SGD", status: "fail", detail: (error as Error).message });
    }
  }
  return checks;
}

function trainingRuns(factory: Factory, hyper: Record<string, unknown>, label: string, params: Record<string, unknown>): TrainingRun[] {
  const json = params.housing as DenseJSON | undefined;
  if (!json) return [];
  const { data } = standardize(parseDenseJSON(json), { target: true });
  const model = linearRegression(data.d);
  const options = { epochs: 3, batchSize: 10, seed: 0, evalEvery: 100 };
  const one = (name: string, optimizer: Optimizer<OptimizerState, Record<string, unknown>>): TrainingRun => {
    const result = train(model, data, optimizer, options);
    return { label: name, curve: result.curve, diverged: result.diverged, finalLoss: result.curve.at(-1)?.loss ?? NaN };
  };
  const runs = [one(label, asOptimizer(factory(hyper)))];
  for (const spec of (params.compare as CompareSpec[] | undefined) ?? []) {
    const info = optimizerInfo(spec.name);
    runs.push(one(spec.label ?? info.name, info.factory(spec.hyper ?? {})));
  }
  return runs;
}

/** The name of the reader's entry in the sparse race. */
export const YOURS = "yours";

/** The race on the sentences: the reader's optimizer (with `hyper`) and the rivals, each under every seed. */
export function sparseRun(factory: Factory, hyper: Record<string, unknown>, label: string, sparse: SparseParams): RaceResult {
  const task = sentencesTask(sparse.sentences);
  // The run's total steps, as the fair comparison gives its contenders (for annealed rivals).
  const steps = task.epochs * Math.ceil(validationSplit(task.train, sparse.validationFraction).fit.n / task.batchSize);
  const contenders = defaultContenders();
  const mine: RaceEntrant = { name: YOURS, label, make: () => asOptimizer(factory(hyper)) };
  const rivals: RaceEntrant[] = sparse.rivals.map((r) => {
    const c = contenders.find((x) => x.name === r.name);
    if (!c) throw new RangeError(`sparse race: unknown rival ${JSON.stringify(r.name)}`);
    if (r.lrs.length !== sparse.seeds.length) throw new RangeError(`sparse race: rival ${r.name} needs one learning rate per seed (${sparse.seeds.length}), got ${r.lrs.length}`);
    return { name: r.name, label: r.label, lrs: r.lrs, make: (seed: number) => c.make(r.lrs[sparse.seeds.indexOf(seed)], steps) };
  });
  const race = sparseRace(task, [mine], { seeds: sparse.seeds, validationFraction: sparse.validationFraction, budgetMs: sparse.budgetMs });
  const others = sparseRace(task, rivals, { seeds: sparse.seeds, validationFraction: sparse.validationFraction });
  return { ...race, entries: [...race.entries, ...others.entries] };
}

const fmt = (x: number) => num(x);

/** The checklist item of the sparse race, generated from the reader's entry. */
export function sparseCheck(race: RaceResult): Check {
  const name = "trains the sparse task without diverging and ends below the untrained loss";
  const mine = race.entries.find((e) => e.name === YOURS);
  if (!mine) return { name, status: "skip", detail: "The sparse race did not run." };
  const where = `${race.epochs} epochs of minibatches of ${race.batchSize} on ${race.fit} sentences, ${race.seeds.length} seeds`;
  if (mine.stopped) return { name, status: "skip", detail: `Not finished on the sentences (${where}): ${mine.error} — a slow step, or a busy machine. Run it again.` };
  if (mine.error !== undefined) return { name, status: "fail", detail: `On the sentences (${where}) it did not finish: ${mine.error}.` };
  if (mine.diverged > 0) {
    const at = mine.runs.filter((r) => r.diverged).map((r) => (r.divergedAt === null ? "a non-finite loss" : `epoch ${fmt(r.divergedAt)}`));
    return { name, status: "fail", detail: `On the sentences (${where}) it diverged on ${mine.diverged} of ${race.seeds.length} seeds (${at.join(", ")}). Try a smaller learning rate (sparseHyper sets the hyperparameters for this task).` };
  }
  const below = mine.train.max < race.initial.train;
  const losses = `its final training loss (${fmt(mine.train.min)}–${fmt(mine.train.max)} over the seeds)`;
  const worse = mine.train.min > race.initial.train;
  return {
    name,
    status: below ? "pass" : "fail",
    detail: below
      ? `On the sentences (${where}) its final training loss is ${fmt(mine.train.min)}–${fmt(mine.train.max)} over the seeds, below the untrained model's ${fmt(race.initial.train)}.`
      : worse
      ? `On the sentences (${where}) ${losses} is worse than the untrained model's ${fmt(race.initial.train)} on every seed: the steps are most likely too large — try a smaller η (sparseHyper sets the hyperparameters for this task).`
      : `On the sentences (${where}) ${losses} is not below the untrained model's ${fmt(race.initial.train)} on every seed.`,
  };
}

export function adaptPlayground(value: unknown, params: Record<string, unknown>): PlaygroundResult {
  const { factory, hyper, asSgd, sparseHyper } = readSubmission(value);
  const checks = runChecks(factory, hyper, asSgd);
  if (checks[0].status === "fail") return { runs: [], training: [], checks, state: null };
  const optimizer = asOptimizer(factory(hyper));
  const label = optimizer.name;
  const recorder = recordingOptimizer(optimizer, 20_000);
  const { runs } = adaptOptimizer(recorder.optimizer, params);
  const result: PlaygroundResult = { runs, training: trainingRuns(factory, hyper, label, params), checks, state: recorder.record() };
  if (params.sparse) {
    result.sparse = sparseRun(factory, sparseHyper ?? hyper, label, params.sparse as SparseParams);
    checks.push(sparseCheck(result.sparse));
  }
  return result;
}
