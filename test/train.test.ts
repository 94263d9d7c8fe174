import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { denseDataset, parseDenseCSV, parseSentencesJSON, standardize, type DenseDataset } from "../lib/datasets.js";
import { leastSquares, linearRegression } from "../lib/models/linear-regression.js";
import { logisticRegression } from "../lib/models/logistic-regression.js";
import { random } from "../lib/random.js";
import { train, trainAsync, trainSteps, type TrainResult } from "../lib/train.js";
import type { LearningRate, Optimizer, OptimizerState } from "../lib/types.js";

// Tiny optimizers implementing the contract (torch.optim's rules), so these tests
// do not depend on lib/optimizers; test/train.optimizers.test.ts uses the real ones.
type Lr = { lr: LearningRate };
const rate = (lr: LearningRate, t: number) => (typeof lr === "function" ? lr(t) : lr);
function sgd(hyper: Lr): Optimizer<OptimizerState, Lr> {
  return {
    name: "sgd",
    hyper,
    init: (dim) => ({ t: 0, dim }),
    step(params, grad, state) {
      const lr = rate(hyper.lr, ++state.t);
      for (let i = 0; i < params.length; ++i) params[i] -= lr * grad[i];
    },
    with: (changes) => sgd({ ...hyper, ...changes }),
  };
}
type AdagradState = OptimizerState & { s: Float64Array };
function adagrad(hyper: Lr): Optimizer<AdagradState, Lr> {
  return {
    name: "adagrad",
    hyper,
    init: (dim) => ({ t: 0, dim, s: new Float64Array(dim) }),
    step(params, grad, state) {
      const lr = rate(hyper.lr, ++state.t);
      for (let i = 0; i < params.length; ++i) {
        state.s[i] += grad[i] * grad[i];
        params[i] -= (lr * grad[i]) / (Math.sqrt(state.s[i]) + 1e-10);
      }
    },
    with: (changes) => adagrad({ ...hyper, ...changes }),
  };
}

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");
const housing = standardize(parseDenseCSV(read("data/housing.csv"), { target: "MedHouseVal", ignore: ["row"] }), { target: true }).data;
const ols = leastSquares(housing);
const model = linearRegression(housing.d);
const strip = (r: TrainResult) => ({ ...r, time: 0, wallTime: 0, curve: r.curve.map((p) => ({ ...p, time: 0 })) });

describe("train(model, data, optimizer, options): D2L §11.5 on California housing", () => {
  // D2L's four runs, with D2L's learning rates (they behave on this set as on the airfoil set).
  const runs = {
    full: train(model, housing, sgd({ lr: 1 }), { batchSize: 1500, epochs: 2 }),
    one: train(model, housing, sgd({ lr: 0.005 }), { batchSize: 1, epochs: 2 }),
    hundred: train(model, housing, sgd({ lr: 0.4 }), { batchSize: 100, epochs: 2 }),
    ten: train(model, housing, sgd({ lr: 0.05 }), { batchSize: 10, epochs: 2 }),
  };

  it("every run lowers the loss from the start and ends above the OLS minimum", () => {
    for (const r of Object.values(runs)) {
      expect(r.diverged).toBe(false);
      expect(r.curve[0].loss).toBeGreaterThan(0.45); // w ≈ 0 predicts the mean: ½·var(y) = 0.5
      expect(r.lossPerEpoch[0]).toBeLessThan(r.curve[0].loss);
      expect(r.lossPerEpoch[1]).toBeLessThan(r.lossPerEpoch[0]);
      expect(r.lossPerEpoch[1]).toBeGreaterThan(ols.loss);
      expect(r.examplesSeen).toBe(3000);
    }
  });

  it("batch-1 SGD at lr 0.005 lands near the OLS loss after one epoch", () => {
    expect(runs.one.steps).toBe(3000);
    expect(runs.one.lossPerEpoch[0]).toBeLessThan(ols.loss + 0.02); // 0.199 vs 0.183
  });

  it("full batch is slow per epoch: one step per epoch, behind every minibatch run", () => {
    expect(runs.full.steps).toBe(2);
    for (const r of [runs.one, runs.ten, runs.hundred]) {
      expect(runs.full.lossPerEpoch[0]).toBeGreaterThan(r.lossPerEpoch[0] + 0.015);
      expect(runs.full.lossPerEpoch[1]).toBeGreaterThan(r.lossPerEpoch[1] + 0.01);
    }
  });

  it("full batch descends monotonically; batch 1 is noisy (its curve goes up at times)", () => {
    const long = (batchSize: number, lr: number) => train(model, housing, sgd({ lr }), { batchSize, epochs: 6, evalEvery: 100 }).curve;
    const ups = (c: { loss: number }[]) => c.filter((p, i) => i > 0 && p.loss > c[i - 1].loss).length;
    expect(ups(long(1500, 1))).toBe(0);
    expect(ups(long(1, 0.005))).toBeGreaterThan(5);
  });

  // Which batch size is best per unit of *time* is measured by `npm run bench`
  // (bench/train.bench.ts) and in the reader's browser, never by a timed test.
  // Here, the deterministic half of the claim: in epochs, full batch is slow;
  // in optimizer steps (one step = one update, the cost that batch 1 pays
  // 1,500 times an epoch), batch 1 is slow.
  it("minibatches reach loss 0.2 in far fewer epochs than full batch and far fewer steps than batch 1", () => {
    const target = 0.2;
    const settings = [
      { batchSize: 1500, lr: 1 },
      { batchSize: 1, lr: 0.005 },
      { batchSize: 10, lr: 0.05 },
      { batchSize: 100, lr: 0.4 },
    ];
    const reached = settings.map(({ batchSize, lr }) => {
      const r = train(model, housing, sgd({ lr }), { batchSize, epochs: 20, evalEvery: 50 });
      const point = r.curve.find((p) => p.loss <= target)!;
      return { epochs: point.epoch, steps: Math.ceil(point.examples / batchSize) };
    });
    expect(reached[0].epochs).toBeGreaterThan(3 * reached[2].epochs); // full batch: 5 epochs; batch 10: under 1
    expect(reached[0].epochs).toBeGreaterThan(3 * reached[3].epochs);
    expect(reached[1].steps).toBeGreaterThan(5 * reached[2].steps); // batch 1: ten times the updates of batch 10
    expect(reached[1].steps).toBeGreaterThan(5 * reached[3].steps);
  });

  it("records the full training loss every evalEvery examples and at each epoch's end", () => {
    expect(runs.ten.curve.map((p) => p.examples)).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400, 1500, 1600, 1800, 2000, 2200, 2400, 2600, 2800, 3000]);
    expect(runs.ten.curve[8].epoch).toBe(1);
    expect(runs.ten.curve[8].loss).toBe(runs.ten.lossPerEpoch[0]);
    expect(runs.full.curve.map((p) => p.examples)).toEqual([0, 1500, 3000]);
    const r = train(model, housing, sgd({ lr: 0.05 }), { epochs: 2, evalEvery: Infinity });
    expect(r.curve.map((p) => p.epoch)).toEqual([0, 1, 2]);
    for (let i = 1; i < runs.ten.curve.length; ++i) expect(runs.ten.curve[i].time).toBeGreaterThanOrEqual(runs.ten.curve[i - 1].time);
  });
});

describe("train: determinism and the ways to run it", () => {
  const options = { batchSize: 10, epochs: 3, seed: 42 };
  it("is deterministic under a seed (times aside), and the seed matters", () => {
    const a = train(model, housing, sgd({ lr: 0.05 }), options);
    const b = train(model, housing, sgd({ lr: 0.05 }), options);
    expect(strip(a)).toEqual(strip(b));
    const c = train(model, housing, sgd({ lr: 0.05 }), { ...options, seed: 43 });
    expect(c.params).not.toEqual(a.params);
  });

  it("trainSteps yields each curve point and returns the same result; next('stop') aborts", () => {
    const points: number[] = [];
    const run = trainSteps(model, housing, sgd({ lr: 0.05 }), options);
    let next = run.next();
    while (!next.done) {
      points.push(next.value.loss);
      next = run.next();
    }
    const whole = train(model, housing, sgd({ lr: 0.05 }), options);
    expect(strip(next.value)).toEqual(strip(whole));
    expect(points).toEqual(whole.curve.map((p) => p.loss));

    const stopped = trainSteps(model, housing, sgd({ lr: 0.05 }), options);
    stopped.next();
    stopped.next();
    const end = stopped.next("stop");
    expect(end.done).toBe(true);
    const r = end.value as TrainResult;
    expect(r.aborted).toBe(true);
    expect(r.examplesSeen).toBe(200);
    expect(r.epochs).toBe(0);
  });

  it("trainAsync gives the same result and lets the event loop run", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const r = await trainAsync(model, housing, sgd({ lr: 0.005 }), { batchSize: 1, epochs: 30, seed: 1, evalEvery: 50, budgetMs: 1 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    expect(strip(r)).toEqual(strip(train(model, housing, sgd({ lr: 0.005 }), { batchSize: 1, epochs: 30, seed: 1, evalEvery: 50 })));
  });

  it("trainAsync stops on abort with the result so far", async () => {
    const controller = new AbortController();
    const r = await trainAsync(model, housing, sgd({ lr: 0.05 }), {
      epochs: 50,
      budgetMs: 0,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.epoch >= 2) controller.abort();
      },
    });
    expect(r.aborted).toBe(true);
    expect(r.epochs).toBe(2);
    expect(r.lossPerEpoch.length).toBe(2);
  });

  it("calls onProgress with every curve point", () => {
    const seen: number[] = [];
    const r = train(model, housing, sgd({ lr: 0.05 }), { ...options, onProgress: (p) => seen.push(p.examples) });
    expect(seen).toEqual(r.curve.map((p) => p.examples));
  });

  it("starts from init when given (copied, not modified)", () => {
    const init = new Float64Array(model.dim).fill(0.5);
    const r = train(model, housing, sgd({ lr: 0.05 }), { init, epochs: 1 });
    expect(init.every((v) => v === 0.5)).toBe(true);
    expect(r.curve[0].loss).toBe(model.loss(init, housing));
  });
});

describe("train: shuffling and curricula", () => {
  const tiny = denseDataset(Float64Array.of(0, 1, 2, 3), Float64Array.of(0, 1, 2, 3), 1);
  const recorder = () => {
    const seen: number[][] = [];
    const m = linearRegression(1);
    const spy = { ...m, grad: (p: Float64Array, d: DenseDataset, idx: ArrayLike<number>, out: Float64Array, s = 0, e = idx.length) => {
      seen.push(Array.from({ length: e - s }, (_, k) => idx[s + k]));
      return m.grad(p, d, idx, out, s, e);
    } };
    return { seen, spy };
  };
  it('"none" keeps the order, "once" repeats one shuffle, "every-epoch" reshuffles', () => {
    const orders = (shuffle: "none" | "once" | "every-epoch") => {
      const { seen, spy } = recorder();
      train(spy, tiny, sgd({ lr: 0.01 }), { batchSize: 4, epochs: 4, shuffle, seed: 3 });
      return seen;
    };
    expect(orders("none")).toEqual([[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]]);
    const once = orders("once");
    expect(new Set(once.map(String)).size).toBe(1);
    expect([...once[0]].sort()).toEqual([0, 1, 2, 3]);
    expect(new Set(orders("every-epoch").map(String)).size).toBeGreaterThan(1);
  });
  it("takes a custom order (a curriculum, repeats allowed) or a function of the epoch", () => {
    let r = recorder();
    const run = train(r.spy, tiny, sgd({ lr: 0.01 }), { batchSize: 2, epochs: 2, shuffle: [0, 0, 1, 3, 3] });
    expect(r.seen).toEqual([[0, 0], [1, 3], [3], [0, 0], [1, 3], [3]]);
    expect(run.examplesSeen).toBe(10);
    r = recorder();
    train(r.spy, tiny, sgd({ lr: 0.01 }), { batchSize: 4, epochs: 2, shuffle: (epoch) => (epoch === 0 ? [0, 1] : [0, 1, 2, 3]) });
    expect(r.seen).toEqual([[0, 1], [0, 1, 2, 3]]);
    expect(() => train(model, housing, sgd({ lr: 0.01 }), { shuffle: () => [1e9] })).toThrow(/shuffle order\[0\] must be an example index in \[0, 1499\], got 1000000000 \(epoch 0\)/);
  });
});

describe("train: divergence, schedules and early stopping", () => {
  it("a diverging run stops and says where, without throwing", () => {
    const r = train(model, housing, sgd({ lr: 1.5 }), { batchSize: 1500, epochs: 200 });
    expect(r.diverged).toBe(true);
    expect(r.divergedAt).not.toBeNull();
    expect(r.epochs).toBeLessThan(200);
    expect(r.curve.every((p) => Number.isFinite(p.loss))).toBe(true);
    const fast = train(model, housing, sgd({ lr: 50 }), { batchSize: 10, epochs: 5 });
    expect(fast.diverged).toBe(true);
    expect(fast.divergedAt!.step).toBeGreaterThan(0);
    const capped = train(model, housing, sgd({ lr: 0.05 }), { divergence: 0.3 }); // the start, 0.5, is already above
    expect(capped).toMatchObject({ diverged: true, divergedAt: { step: 0 }, steps: 0 });
    const nan = train(model, housing, sgd({ lr: 0.1 }), { init: new Float64Array(model.dim).fill(NaN) });
    expect(nan).toMatchObject({ diverged: true, divergedAt: { step: 0, examples: 0, epoch: 0 }, steps: 0, curve: [] });
  });

  it("hands a schedule of the step to the optimizer as its lr", () => {
    const lrs: number[] = [];
    const r = train(model, housing, sgd({ lr: 1 }), { batchSize: 500, epochs: 2, schedule: (t) => (lrs.push(t), 0) });
    expect(lrs).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.params).toEqual(model.init(random(0))); // lr 0: nothing moves
  });

  it("early stopping stops when the validation loss stops improving and restores the best", () => {
    // 40 noisy examples, 30 features of which one matters: SGD soon fits the noise.
    const rng = random(5);
    const make = (n: number) => {
      const X = Float64Array.from({ length: n * 30 }, () => rng.normal());
      return denseDataset(X, Float64Array.from({ length: n }, (_, i) => X[i * 30] + rng.normal()), 30);
    };
    const trainSet = make(40);
    const validation = make(400);
    const m = linearRegression(30);
    const r = train(m, trainSet, sgd({ lr: 0.02 }), { batchSize: 4, epochs: 500, validation, earlyStopping: { patience: 5 } });
    expect(r.stoppedEarly).toBe(true);
    expect(r.epochs).toBe(r.bestEpoch! + 5);
    expect(r.epochs).toBeLessThan(500);
    expect(r.validationLoss!.length).toBe(r.epochs);
    const best = Math.min(...r.validationLoss!);
    expect(r.validationLoss![r.bestEpoch! - 1]).toBe(best);
    expect(m.loss(r.params, validation)).toBe(best);
    const full = train(m, trainSet, sgd({ lr: 0.02 }), { batchSize: 4, epochs: 100, validation });
    expect(full.validationLoss![99]).toBeGreaterThan(best);
    expect(full.stoppedEarly).toBeUndefined();
  });
});

describe("train: Adagrad beats SGD after one epoch on sparse sentences", () => {
  it("higher test accuracy at the same learning rate, on every seed", () => {
    const { train: tr, test } = parseSentencesJSON(JSON.parse(read("data/sentences.json")));
    const m = logisticRegression(tr.d);
    const acc = (opt: Optimizer<never, Lr> | Optimizer<OptimizerState, Lr>, seed: number) =>
      m.accuracy(train(m, tr, opt as Optimizer<OptimizerState, Lr>, { batchSize: 1, epochs: 1, seed, evalEvery: Infinity }).params, test);
    let margin = 0;
    for (const seed of [0, 1, 2, 3, 4]) {
      const a = acc(adagrad({ lr: 0.3 }), seed);
      const s = acc(sgd({ lr: 0.3 }), seed);
      expect(a).toBeGreaterThan(s);
      margin += (a - s) / 5;
    }
    expect(margin).toBeGreaterThan(0.025); // measured: 0.827 vs 0.784 on average
  });
});

describe("train: bad input", () => {
  const opt = sgd({ lr: 0.1 });
  it("names the parameter, the value and the accepted range", () => {
    expect(() => train(model, housing, opt, { epochs: 0 })).toThrow(/train: epochs must be a finite number in \[1, ∞\), got 0/);
    expect(() => train(model, housing, opt, { batchSize: 1501 })).toThrow(/train: batchSize must be a finite number in \[1, 1500\], got 1501/);
    expect(() => train(model, housing, opt, { batchSize: 2.5 })).toThrow(/batchSize must be an integer/);
    expect(() => train(model, housing, opt, { evalEvery: 0 })).toThrow(/evalEvery must be a finite number in \[1, ∞\), got 0/);
    expect(() => train(model, housing, opt, { shuffle: "sometimes" as never })).toThrow(/shuffle must be "every-epoch", "once", "none"/);
    expect(() => train(model, housing, opt, { epoch: 3 } as never)).toThrow(/unknown option "epoch"; accepted options are epochs/);
    expect(() => train(model, housing, opt, { earlyStopping: { patience: 3 } })).toThrow(/earlyStopping needs a validation dataset/);
    expect(() => train(model, housing, opt, { validation: housing, earlyStopping: { patience: 0 } })).toThrow(/earlyStopping.patience must be a finite number in \[1, ∞\), got 0/);
    expect(() => train(model, housing, opt, { init: new Float64Array(3) })).toThrow(/init has length 3, expected the model's dim = 6/);
    expect(() => train(model, housing, {} as never)).toThrow(/optimizer must be an Optimizer/);
    const noLr = { ...opt, hyper: {} } as unknown as Optimizer<OptimizerState, Lr>;
    expect(() => train(model, housing, noLr, { schedule: () => 1 })).toThrow(/a schedule needs an optimizer with a learning rate lr; sgd has none/);
    expect(() => train(linearRegression(3), housing, opt)).toThrow(/data has d = 5 features, the model expects 3/);
  });
});
