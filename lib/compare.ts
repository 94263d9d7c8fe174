/**
 * A measured comparison of optimizers on real tasks, fair by construction:
 * every contender gets the same learning-rate search (a log grid around its
 * own default, the same number of points), the same epochs, batch size,
 * initialization and example order, and is judged by the final training loss.
 *
 * ```
 * for each task, for each contender c, for each k in −K..K:
 *   lr = c.lr0 · 10^(k/2)                       # half-decade grid
 *   run = train(task.model, task.train, c.make(lr, steps), {epochs, batchSize, seed})
 *   record final training loss, test loss / accuracy, time
 * best(task, c) = the lr with the lowest final training loss, rerun to draw its curve
 * ```
 *
 * `comparisonSteps` is a generator (yields after every epoch of every run, so a
 * caller can draw progress); `compareAsync` drives it in slices of `budgetMs`
 * and yields to the event loop in between, so a page stays responsive.
 */
import type { Dataset, DenseJSON, SentencesJSON, SplitJSON } from "./datasets.js";
import { parseDenseJSON, parseDenseSplitJSON, parseSentencesJSON, standardize, trainTestSplit } from "./datasets.js";
import type { Classifier, Model } from "./models/model.js";
import { linearRegression } from "./models/linear-regression.js";
import { logisticRegression } from "./models/logistic-regression.js";
import { mlp } from "./models/mlp.js";
import { adadelta, adagrad, adam, adamax, adamw, amsgrad, momentum, nadam, nesterov, rmsprop, sgd } from "./optimizers/index.js";
import { now, yieldToEventLoop } from "./event-loop.js";
import { cosine } from "./schedules.js";
import { trainSteps, type TrainPoint } from "./train.js";
import type { Optimizer, OptimizerState } from "./types.js";
import { requireInRange, requireInteger } from "./validate.js";

/** One task of the comparison: a model, its data, and the training budget. */
export interface ComparisonTask<D extends Dataset = Dataset> {
  readonly name: string;
  readonly title: string;
  readonly model: Model<D> & Partial<Pick<Classifier<D>, "accuracy">>;
  readonly train: D;
  readonly test: D;
  readonly epochs: number;
  readonly batchSize: number;
}

/** An optimizer in the comparison: its grid is centred on `lr0`. */
export interface Contender {
  readonly name: string;
  readonly label: string;
  /** The family it belongs to on the evolutionary map (for colours and filters). */
  readonly family: "sgd" | "momentum" | "adaptive" | "adam";
  /** The centre of the learning-rate grid: the library's (torch's) default. */
  readonly lr0: number;
  /** The optimizer for a learning rate, knowing the run's total number of steps (for annealing). */
  make(lr: number, totalSteps: number): Optimizer<OptimizerState, object>;
}

/** The result of one run of the grid. */
export interface RunRecord {
  readonly task: string;
  readonly contender: string;
  /** Grid offset k: lr = lr0 · 10^(k/2). */
  readonly k: number;
  readonly lr: number;
  /** Final mean training loss (Infinity when the run diverged). */
  readonly loss: number;
  readonly diverged: boolean;
  readonly testLoss: number;
  /** Test accuracy for classifiers, undefined otherwise. */
  readonly accuracy?: number;
  /** Milliseconds of training steps (evaluation excluded). */
  readonly time: number;
}

/** The tuned run of a contender on a task, with its loss curve. */
export interface BestRun extends RunRecord {
  readonly curve: readonly TrainPoint[];
}

export interface ComparisonResult {
  readonly runs: RunRecord[];
  readonly best: BestRun[];
  /** Units of work done and in total (one unit per epoch of every run, reruns included). */
  readonly done: number;
  readonly total: number;
  /** The task and contender being run, or null when finished. */
  readonly current: { task: string; contender: string } | null;
  readonly finished: boolean;
}

export interface CompareOptions {
  /** Grid points on each side of lr0, half a decade apart (default 5: 11 points over 5 decades). */
  halfDecades?: number;
  /** Seeds initialization and order; the same for every run (default 0). */
  seed?: number;
  /** Curve points per epoch in the rerun of the best learning rate (default 4). */
  pointsPerEpoch?: number;
}

/** The half-decade grid lr0 · 10^(k/2), k = −K..K. */
export function lrGrid(lr0: number, halfDecades = 5): { k: number; lr: number }[] {
  requireInRange("lrGrid", "lr0", lr0, 0, Infinity, { loOpen: true });
  const K = requireInteger("lrGrid", "halfDecades", halfDecades, 0, 20);
  return Array.from({ length: 2 * K + 1 }, (_, j) => ({ k: j - K, lr: lr0 * 10 ** ((j - K) / 2) }));
}

/**
 * The contenders: every framework optimizer of the library at torch's defaults
 * (lr aside), and plain SGD with cosine annealing, "what many papers use". SGD
 * has no default learning rate in torch; its grid is centred on 0.1, and
 * momentum's and Nesterov's on 0.01, the same effective step η/(1 − μ) with μ = 0.9.
 */
export function defaultContenders(): Contender[] {
  return [
    { name: "sgd", label: "SGD", family: "sgd", lr0: 0.1, make: (lr) => sgd({ lr }) },
    { name: "sgdCosine", label: "SGD + cosine annealing", family: "sgd", lr0: 0.1, make: (lr, T) => sgd({ lr: cosine(lr, T) }) },
    { name: "momentum", label: "Momentum", family: "momentum", lr0: 0.01, make: (lr) => momentum({ lr }) },
    { name: "nesterov", label: "Nesterov", family: "momentum", lr0: 0.01, make: (lr) => nesterov({ lr }) },
    { name: "adagrad", label: "Adagrad", family: "adaptive", lr0: 0.01, make: (lr) => adagrad({ lr }) },
    { name: "rmsprop", label: "RMSprop", family: "adaptive", lr0: 0.01, make: (lr) => rmsprop({ lr }) },
    { name: "adadelta", label: "Adadelta", family: "adaptive", lr0: 1, make: (lr) => adadelta({ lr }) },
    { name: "adam", label: "Adam", family: "adam", lr0: 1e-3, make: (lr) => adam({ lr }) },
    { name: "adamax", label: "AdaMax", family: "adam", lr0: 2e-3, make: (lr) => adamax({ lr }) },
    { name: "nadam", label: "NAdam", family: "adam", lr0: 2e-3, make: (lr) => nadam({ lr }) },
    { name: "amsgrad", label: "AMSGrad", family: "adam", lr0: 1e-3, make: (lr) => amsgrad({ lr }) },
    { name: "adamw", label: "AdamW", family: "adam", lr0: 1e-3, make: (lr) => adamw({ lr }) },
  ];
}

/** The JSON the course's data loaders write (`data/housing.json`, `sentences.json`, `digits.json`). */
export interface ComparisonData {
  housing: DenseJSON;
  sentences: SentencesJSON;
  digits: SplitJSON<DenseJSON>;
}

/**
 * The three tasks of the chapter: least squares on housing (dense, convex,
 * well conditioned after standardization), logistic regression on a bag of
 * words (sparse, convex), and a 64–32–10 MLP on the 8×8 digits (non-convex).
 */
export function comparisonTasks(json: ComparisonData): ComparisonTask[] {
  const housingRaw = parseDenseJSON(json.housing);
  const split = trainTestSplit(housingRaw, 0.2, 0);
  const { data: housingTrain, stats } = standardize(split.train, { target: true });
  const { data: housingTest } = standardize(split.test, { target: true, stats });
  const digits = parseDenseSplitJSON(json.digits);
  const { data: digitsTrain, stats: dStats } = standardize(digits.train);
  const { data: digitsTest } = standardize(digits.test, { stats: dStats });
  return [
    { name: "housing", title: "Housing: linear regression (dense, convex)", model: linearRegression(housingTrain.d), train: housingTrain, test: housingTest, epochs: 4, batchSize: 10 },
    sentencesTask(json.sentences),
    { name: "digits", title: "Digits: MLP 64–32–10 (non-convex)", model: mlp([64, 32, 10]), train: digitsTrain, test: digitsTest, epochs: 2, batchSize: 16 },
  ] as ComparisonTask[];
}

/** The sentences task alone (logistic regression on a bag of words), as in `comparisonTasks`. */
export function sentencesTask(json: SentencesJSON): ComparisonTask {
  const sentences = parseSentencesJSON(json);
  return { name: "sentences", title: "Sentences: logistic regression (sparse, convex)", model: logisticRegression(sentences.train.d), train: sentences.train, test: sentences.test, epochs: 3, batchSize: 16 } as ComparisonTask;
}

function record(task: ComparisonTask, c: Contender, k: number, lr: number, result: { params: Float64Array; diverged: boolean; time: number; lossPerEpoch: Float64Array }): RunRecord {
  const diverged = result.diverged;
  const loss = diverged ? Infinity : result.lossPerEpoch[result.lossPerEpoch.length - 1];
  const testLoss = diverged ? Infinity : task.model.loss(result.params, task.test);
  const accuracy = !diverged && task.model.accuracy ? task.model.accuracy(result.params, task.test) : undefined;
  return { task: task.name, contender: c.name, k, lr, loss, diverged, testLoss, ...(accuracy !== undefined ? { accuracy } : {}), time: result.time };
}

/** The best record (lowest final training loss) among `runs`; the first on ties; undefined when all diverged. */
export function bestOf(runs: readonly RunRecord[]): RunRecord | undefined {
  let best: RunRecord | undefined;
  for (const r of runs) if (Number.isFinite(r.loss) && (!best || r.loss < best.loss)) best = r;
  return best;
}

/**
 * The comparison as a generator: yields a snapshot after every epoch of every
 * run and returns the final result. Deterministic, times aside.
 */
export function* comparisonSteps(
  tasks: readonly ComparisonTask[],
  contenders: readonly Contender[],
  options: CompareOptions = {}
): Generator<ComparisonResult, ComparisonResult, "stop" | undefined> {
  const K = options.halfDecades ?? 5;
  const seed = options.seed ?? 0;
  const pointsPerEpoch = requireInteger("comparisonSteps", "pointsPerEpoch", options.pointsPerEpoch ?? 4, 1);
  const gridSize = lrGrid(1, K).length;
  const total = tasks.reduce((s, t) => s + t.epochs * (gridSize + 1) * contenders.length, 0);
  const runs: RunRecord[] = [];
  const best: BestRun[] = [];
  let done = 0;
  const snapshot = (current: ComparisonResult["current"], finished = false): ComparisonResult => ({
    runs: runs.slice(),
    best: best.slice(),
    done,
    total,
    current,
    finished,
  });

  for (const task of tasks) {
    const n = task.train.n;
    const totalSteps = task.epochs * Math.ceil(n / task.batchSize);
    for (const c of contenders) {
      const current = { task: task.name, contender: c.name };
      const mine: RunRecord[] = [];
      for (const { k, lr } of lrGrid(c.lr0, K)) {
        const run = trainSteps(task.model, task.train, c.make(lr, totalSteps), { epochs: task.epochs, batchSize: task.batchSize, seed, evalEvery: Infinity });
        let epochsSeen = 0;
        let next = run.next();
        while (!next.done) {
          if (next.value.examples > 0) {
            epochsSeen++;
            done++;
            if ((yield snapshot(current)) === "stop") return snapshot(null, true);
          }
          next = run.next();
        }
        done += task.epochs - epochsSeen; // a diverged run skips its remaining epochs
        const r = record(task, c, k, lr, next.value);
        runs.push(r);
        mine.push(r);
      }
      const b = bestOf(mine);
      if (b) {
        const evalEvery = Math.max(1, Math.ceil(n / pointsPerEpoch));
        const run = trainSteps(task.model, task.train, c.make(b.lr, totalSteps), { epochs: task.epochs, batchSize: task.batchSize, seed, evalEvery });
        let next = run.next();
        let epochsSeen = 0;
        while (!next.done) {
          if (next.value.examples > 0 && next.value.examples % n === 0) {
            epochsSeen++;
            done++;
            if ((yield snapshot(current)) === "stop") return snapshot(null, true);
          }
          next = run.next();
        }
        done += task.epochs - epochsSeen;
        best.push({ ...b, time: next.value.time > 0 ? Math.min(b.time, next.value.time) : b.time, curve: next.value.curve });
      } else {
        done += task.epochs;
      }
      yield snapshot(current);
    }
  }
  return snapshot(null, true);
}

/**
 * Runs the comparison in slices of about `budgetMs` (default 15), yielding to
 * the event loop in between; calls `onProgress` with a snapshot at most every
 * `progressMs` (default 250) and once at the end. An aborted `signal` stops it
 * at the next epoch; the result then has `finished: true` with what was done.
 */
export async function compareAsync(
  tasks: readonly ComparisonTask[],
  contenders: readonly Contender[],
  options: CompareOptions & { budgetMs?: number; progressMs?: number; signal?: AbortSignal; onProgress?: (r: ComparisonResult) => void } = {}
): Promise<ComparisonResult> {
  const { budgetMs = 15, progressMs = 250, signal, onProgress, ...rest } = options;
  const run = comparisonSteps(tasks, contenders, rest);
  let slice = now();
  let lastProgress = -Infinity;
  let next = run.next();
  while (!next.done) {
    if (now() - lastProgress >= progressMs) {
      onProgress?.(next.value);
      lastProgress = now();
    }
    if (now() - slice >= budgetMs) {
      await yieldToEventLoop();
      slice = now();
    }
    next = run.next(signal?.aborted ? "stop" : undefined);
  }
  onProgress?.(next.value);
  return next.value;
}

/** Per contender on one task: best lr and loss, loss at the default, and how wide the good range is. */
export interface ContenderSummary {
  readonly contender: string;
  readonly best?: RunRecord;
  /** The run at lr0 (grid offset 0). */
  readonly atDefault?: RunRecord;
  /** Final loss at lr0 divided by the best final loss (1: the default was the best). */
  readonly defaultRegret: number;
  /** Decades of learning rate whose loss is within (1 + tol) of the best loss (grid points × 0.5). */
  readonly goodDecades: number;
  /** Grid points that diverged. */
  readonly divergedCount: number;
}

/** Summaries of every contender on `task` (contenders with no record yet are left out). */
export function summarize(runs: readonly RunRecord[], task: string, tol = 0.5): ContenderSummary[] {
  const byContender = new Map<string, RunRecord[]>();
  for (const r of runs) if (r.task === task) byContender.set(r.contender, [...(byContender.get(r.contender) ?? []), r]);
  return [...byContender].map(([contender, rs]) => {
    const best = bestOf(rs);
    const atDefault = rs.find((r) => r.k === 0);
    const good = best ? rs.filter((r) => Number.isFinite(r.loss) && r.loss <= best.loss * (1 + tol)).length : 0;
    return {
      contender,
      ...(best ? { best } : {}),
      ...(atDefault ? { atDefault } : {}),
      defaultRegret: best && atDefault ? atDefault.loss / best.loss : NaN,
      goodDecades: good * 0.5,
      divergedCount: rs.filter((r) => r.diverged).length,
    };
  });
}
