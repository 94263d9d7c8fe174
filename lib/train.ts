/**
 * The minibatch training loop: the slides' `train_concise_ch11` (D2L §11.5) in
 * TypeScript.
 *
 * ```
 * params ← model.init(rng)                       # D2L: w ~ N(0, 0.01²)
 * for epoch in 1..epochs:
 *   order ← shuffled 0..n−1                      # per `shuffle`
 *   for each batch B of `batchSize` indices in order (the last may be smaller):
 *     g ← ∇ (1/|B|) Σ_{i∈B} ℓ_i(params)          # model.grad
 *     optimizer.step(params, g, state)
 *     every `evalEvery` examples: record the loss on the whole training set
 * ```
 *
 * Like D2L, the recorded `time` counts only the training steps: the timer stops
 * while the full training loss is evaluated for the curve.
 *
 * Three ways to run the same loop, with identical results under a seed:
 * - `train(...)` runs to the end and returns a {@link TrainResult};
 * - `trainSteps(...)` is a generator that yields a {@link TrainPoint} at every
 *   point of the curve (every `evalEvery` examples and at each epoch's end) and
 *   returns the TrainResult, so a caller can pause, draw, and resume;
 *   `next("stop")` ends the run there and returns the result so far (`aborted`);
 * - `trainAsync(...)` drives that generator and yields to the event loop
 *   whenever `budgetMs` has passed, so a page can show progress without freezing
 *   the tab; an AbortSignal stops it early (the result is then `aborted`).
 *
 * A run that diverges (a loss that is not finite or above `divergence`, by
 * default 10⁶ × the initial loss) stops and says so in `diverged` and
 * `divergedAt`; it never throws on NaN.
 */
import type { Dataset } from "./datasets.js";
import { now, yieldToEventLoop } from "./event-loop.js";
import type { Model } from "./models/model.js";
import { random, type Random } from "./random.js";
import type { Optimizer, OptimizerState, Schedule } from "./types.js";
import { rejectUnknownKeys, requireFunction, requireInRange, requireInteger } from "./validate.js";

/** How to order the examples of each epoch. */
export type Shuffle =
  | "every-epoch"
  | "once"
  | "none"
  /** A fixed order (any indices, repeats allowed: a curriculum), used for every epoch. */
  | ArrayLike<number>
  /** The order of epoch `epoch` (0-based), e.g. easy examples first, then all. */
  | ((epoch: number, rng: Random) => ArrayLike<number>);

export interface EarlyStopping {
  /** Stop after this many epochs without improvement of the validation loss. */
  patience: number;
  /** The smallest decrease that counts as an improvement (default 0). */
  minDelta?: number;
  /** Return the parameters of the best epoch rather than the last (default true). */
  restoreBest?: boolean;
}

export interface TrainOptions<D extends Dataset = Dataset> {
  /** Passes over the data (default 2, as D2L's train_ch11). */
  epochs?: number;
  /** Examples per minibatch, in [1, n] (default 10); `n` is full-batch gradient descent. */
  batchSize?: number;
  /** Seeds the initialization and the shuffling (default 0). */
  seed?: number;
  /** Initial parameters (copied); default `model.init(random(seed))`. */
  init?: Float64Array;
  /** The order of the examples (default "every-epoch"). */
  shuffle?: Shuffle;
  /** A learning-rate schedule of the 1-based step, given to the optimizer as its `lr`. */
  schedule?: Schedule;
  /** Record the full training loss every this many examples (default 200, as D2L); Infinity: at epoch ends only. */
  evalEvery?: number;
  /** Called with each new point of the curve. */
  onProgress?: (point: TrainPoint) => void;
  /** A held-out set whose loss is recorded at the end of every epoch. */
  validation?: D;
  /** Stop when the validation loss stops improving (needs `validation`). */
  earlyStopping?: EarlyStopping;
  /**
   * A loss above this counts as divergence (so does a non-finite one). Default:
   * 10⁶ × the initial training loss (10⁶ if that is 0).
   */
  divergence?: number;
}

/** One point of the loss curve. */
export interface TrainPoint {
  /** Examples processed so far. */
  examples: number;
  /** Epochs so far, fractional (`examples / n`). */
  epoch: number;
  /** Mean loss over the whole training set. */
  loss: number;
  /** Milliseconds of training so far (evaluation excluded). */
  time: number;
  /** The validation loss, on points at an epoch's end when `validation` is given. */
  validationLoss?: number;
}

export interface TrainResult {
  /** The training loss at the end of each completed epoch. */
  lossPerEpoch: Float64Array;
  /** The training loss at the start and every `evalEvery` examples (and at each epoch's end). */
  curve: TrainPoint[];
  /** Milliseconds spent in training steps (performance.now(); evaluation excluded). */
  time: number;
  /** Milliseconds from start to end, evaluation included. */
  wallTime: number;
  examplesSeen: number;
  steps: number;
  /** Completed epochs. */
  epochs: number;
  /** The final parameters (the best epoch's with early stopping and `restoreBest`). */
  params: Float64Array;
  diverged: boolean;
  /** Where the loss first became non-finite or passed the `divergence` limit, or null. */
  divergedAt: { step: number; examples: number; epoch: number } | null;
  /** The validation loss at the end of each completed epoch, when `validation` is given. */
  validationLoss?: Float64Array;
  stoppedEarly?: boolean;
  /** The 1-based epoch with the lowest validation loss. */
  bestEpoch?: number;
  /** True when the run was stopped from outside (`next("stop")`, or `trainAsync`'s AbortSignal). */
  aborted?: boolean;
}

const OPTIONS = ["epochs", "batchSize", "seed", "init", "shuffle", "schedule", "evalEvery", "onProgress", "validation", "earlyStopping", "divergence"];

/** The seed of the shuffling stream, unrelated to the initialization's. */
function shuffleSeed(seed: number): number {
  return (seed ^ 0x2545f491) >>> 0;
}

function checkOrder(order: ArrayLike<number>, n: number, epoch: number): void {
  if (!order || typeof order.length !== "number" || order.length < 1) {
    throw new TypeError(`train: shuffle must give a non-empty list of example indices (epoch ${epoch}), got ${order && order.length === 0 ? "an empty list" : typeof order}`);
  }
  for (let k = 0; k < order.length; ++k) {
    const i = order[k];
    if (!(Number.isInteger(i) && i >= 0 && i < n)) {
      throw new RangeError(`train: shuffle order[${k}] must be an example index in [0, ${n - 1}], got ${i} (epoch ${epoch})`);
    }
  }
}

/**
 * The training run as a generator: yields each point of the curve, returns the
 * result. The same seed gives the same points (times aside) as `train`. Passing
 * "stop" to `next` ends the run at once with the result so far, marked `aborted`.
 *
 * @example
 * const run = trainSteps(model, data, sgd({ lr: 0.05 }), { epochs: 10 });
 * let next = run.next();
 * while (!next.done) { draw(next.value); next = run.next(); }
 * const result = next.value;
 */
export function* trainSteps<D extends Dataset, S extends OptimizerState, H extends object>(
  model: Model<D>,
  data: D,
  optimizer: Optimizer<S, H>,
  options: TrainOptions<D> = {}
): Generator<TrainPoint, TrainResult, "stop" | undefined> {
  rejectUnknownKeys("train", options, OPTIONS);
  const n = data.n;
  const epochs = requireInteger("train", "epochs", options.epochs ?? 2, 1);
  const batchSize = requireInteger("train", "batchSize", options.batchSize ?? 10, 1, n);
  const seed = requireInteger("train", "seed", options.seed ?? 0, -(2 ** 53), 2 ** 53);
  const evalEvery = options.evalEvery === Infinity ? Infinity : requireInteger("train", "evalEvery", options.evalEvery ?? 200, 1);
  const onProgress = options.onProgress === undefined ? undefined : requireFunction<(p: TrainPoint) => void>("train", "onProgress", options.onProgress);
  const { validation, earlyStopping } = options;
  let limit = options.divergence === undefined ? NaN : requireInRange("train", "divergence", options.divergence, 0, Infinity, { loOpen: true });
  if (earlyStopping !== undefined) {
    if (validation === undefined) throw new TypeError("train: earlyStopping needs a validation dataset (option validation)");
    rejectUnknownKeys("train: earlyStopping", earlyStopping, ["patience", "minDelta", "restoreBest"]);
    requireInteger("train", "earlyStopping.patience", earlyStopping.patience, 1);
    requireInRange("train", "earlyStopping.minDelta", earlyStopping.minDelta ?? 0, 0, Infinity);
  }
  if (!optimizer || typeof optimizer.step !== "function" || typeof optimizer.init !== "function") {
    throw new TypeError("train: optimizer must be an Optimizer (init, step), e.g. sgd({ lr: 0.05 })");
  }
  let opt: Optimizer<S, H> = optimizer;
  if (options.schedule !== undefined) {
    const schedule = requireFunction<Schedule>("train", "schedule", options.schedule);
    if (!("lr" in optimizer.hyper)) throw new TypeError(`train: a schedule needs an optimizer with a learning rate lr; ${optimizer.name} has none`);
    opt = optimizer.with({ lr: schedule } as unknown as Partial<H>);
  }

  const dim = model.dim;
  let params: Float64Array;
  if (options.init !== undefined) {
    if (!(options.init instanceof Float64Array)) throw new TypeError("train: init must be a Float64Array of parameters");
    if (options.init.length !== dim) throw new RangeError(`train: init has length ${options.init.length}, expected the model's dim = ${dim}`);
    params = options.init.slice();
  } else {
    params = model.init(random(seed));
  }
  const rng = random(shuffleSeed(seed));
  const shuffle = options.shuffle ?? "every-epoch";
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  let fixed: ArrayLike<number> | null = null;
  if (shuffle === "none") fixed = identity;
  else if (shuffle === "once") fixed = rng.shuffle(identity.slice());
  else if (typeof shuffle === "object" && shuffle !== null && typeof shuffle.length === "number") {
    checkOrder(shuffle, n, 0);
    fixed = shuffle;
  } else if (shuffle !== "every-epoch" && typeof shuffle !== "function") {
    throw new TypeError(`train: shuffle must be "every-epoch", "once", "none", an array of indices or a function (epoch, rng) => indices, got ${JSON.stringify(shuffle)}`);
  }
  const epochOrder = shuffle === "every-epoch" ? identity.slice() : null;

  const state = opt.init(dim);
  const grad = new Float64Array(dim);
  const curve: TrainPoint[] = [];
  const lossPerEpoch: number[] = [];
  const validationLoss: number[] = [];
  let time = 0;
  let examples = 0;
  let steps = 0;
  let diverged = false;
  let divergedAt: TrainResult["divergedAt"] = null;
  let completed = 0;
  let best = Infinity;
  let bestEpoch = 0;
  let bestParams: Float64Array | null = null;
  let since = 0;
  let stoppedEarly = false;
  const start = now();

  /** Records the full training loss; returns null (and flags divergence) when it is above the limit or not finite. */
  const point = (epochEnd: number | null): TrainPoint | null => {
    const loss = model.loss(params, data);
    if (Number.isNaN(limit) && Number.isFinite(loss)) limit = 1e6 * (loss || 1);
    if (!(loss <= limit)) {
      diverged = true;
      divergedAt = { step: steps, examples, epoch: examples / n };
      return null;
    }
    const p: TrainPoint = { examples, epoch: examples / n, loss, time };
    if (epochEnd !== null && validation !== undefined) {
      const v = model.loss(params, validation);
      p.validationLoss = v;
      validationLoss.push(v);
    }
    curve.push(p);
    onProgress?.(p);
    return p;
  };

  let aborted = false;
  const first = point(null);
  if (first && (yield first) === "stop") aborted = true;

  training: for (let epoch = 0; epoch < epochs && !diverged && !stoppedEarly && !aborted; ++epoch) {
    let t0 = now(); // like D2L's timer, the epoch's shuffle counts as training time
    let order: ArrayLike<number>;
    if (fixed) order = fixed;
    else if (epochOrder) order = rng.shuffle(epochOrder);
    else {
      order = (shuffle as (epoch: number, rng: Random) => ArrayLike<number>)(epoch, rng);
      checkOrder(order, n, epoch);
    }
    const m = order.length;
    for (let s = 0; s < m; s += batchSize) {
      const e = Math.min(s + batchSize, m);
      const batchLoss = model.grad(params, data, order, grad, s, e);
      if (!(batchLoss <= limit)) {
        time += now() - t0;
        diverged = true;
        divergedAt = { step: steps + 1, examples, epoch: examples / n };
        break;
      }
      opt.step(params, grad, state);
      steps++;
      const before = examples;
      examples += e - s;
      if (e < m && Math.floor(examples / evalEvery) > Math.floor(before / evalEvery)) {
        time += now() - t0;
        const p = point(null);
        if (!p) break;
        if ((yield p) === "stop") {
          aborted = true;
          break training;
        }
        t0 = now();
      }
    }
    if (diverged) break;
    time += now() - t0;
    const p = point(epoch);
    if (!p) break;
    completed = epoch + 1;
    lossPerEpoch.push(p.loss);
    if (earlyStopping && p.validationLoss !== undefined) {
      if (p.validationLoss < best - (earlyStopping.minDelta ?? 0)) {
        best = p.validationLoss;
        bestEpoch = completed;
        bestParams = params.slice();
        model.copyBuffers?.(params, bestParams);
        since = 0;
      } else if (++since >= earlyStopping.patience) {
        stoppedEarly = true;
      }
    } else if (validation !== undefined && p.validationLoss !== undefined && p.validationLoss < best) {
      best = p.validationLoss;
      bestEpoch = completed;
    }
    if ((yield p) === "stop") aborted = true;
  }

  if (stoppedEarly && bestParams && (earlyStopping?.restoreBest ?? true)) params = bestParams;
  const result: TrainResult = {
    lossPerEpoch: Float64Array.from(lossPerEpoch),
    curve,
    time,
    wallTime: now() - start,
    examplesSeen: examples,
    steps,
    epochs: completed,
    params,
    diverged,
    divergedAt,
  };
  if (validation !== undefined) {
    result.validationLoss = Float64Array.from(validationLoss);
    if (bestEpoch > 0) result.bestEpoch = bestEpoch;
  }
  if (earlyStopping !== undefined) result.stoppedEarly = stoppedEarly;
  if (aborted) result.aborted = true;
  return result;
}

/**
 * Trains `model` on `data` with `optimizer`: the generic minibatch loop of
 * D2L §11.5. See {@link TrainOptions} and {@link TrainResult}.
 *
 * @example
 * const { data } = standardize(parseDenseJSON(housing), { target: true });
 * const run = train(linearRegression(data.d), data, sgd({ lr: 0.05 }), { batchSize: 10, epochs: 2 });
 * run.lossPerEpoch; // Float64Array [loss after epoch 1, after epoch 2]
 */
export function train<D extends Dataset, S extends OptimizerState, H extends object>(
  model: Model<D>,
  data: D,
  optimizer: Optimizer<S, H>,
  options: TrainOptions<D> = {}
): TrainResult {
  const run = trainSteps(model, data, optimizer, options);
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
  }
}

/**
 * `train` in chunks: runs the loop for about `budgetMs` (default 12 ms) at a
 * time, then yields to the event loop so the page can repaint and respond.
 * With `signal`, an abort stops the run at the next curve point and resolves with
 * the result so far, marked `aborted`. Same seed, same result as `train`.
 */
export async function trainAsync<D extends Dataset, S extends OptimizerState, H extends object>(
  model: Model<D>,
  data: D,
  optimizer: Optimizer<S, H>,
  options: TrainOptions<D> & { budgetMs?: number; signal?: AbortSignal } = {}
): Promise<TrainResult> {
  const { budgetMs = 12, signal, ...rest } = options;
  requireInRange("trainAsync", "budgetMs", budgetMs, 0, Infinity);
  const run = trainSteps(model, data, optimizer, rest);
  let sliceStart = now();
  let next = run.next();
  while (!next.done) {
    if (now() - sliceStart >= budgetMs) {
      await yieldToEventLoop();
      sliceStart = now();
    }
    next = run.next(signal?.aborted ? "stop" : undefined);
  }
  return next.value;
}
