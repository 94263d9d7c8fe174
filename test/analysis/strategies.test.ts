import { describe, expect, it } from "vitest";
import { batchNormTestAccuracy, earlyStopPoint, escapeStatistics, noiseVariance, scaleWeightMatrices, withGradientNoise } from "../../lib/analysis/strategies.js";
import { denseDataset } from "../../lib/datasets.js";
import { linearRegression } from "../../lib/models/linear-regression.js";
import { mlp } from "../../lib/models/mlp.js";
import { mlpBatchNorm } from "../../lib/models/mlp-batchnorm.js";
import { doubleWell } from "../../lib/objectives/index.js";
import { sgd } from "../../lib/optimizers/index.js";
import { random } from "../../lib/random.js";
import { minimize } from "../../lib/run.js";
import { train } from "../../lib/train.js";

describe("noiseVariance(eta, gamma, t)", () => {
  it("is η/(1 + t)^γ", () => {
    expect(noiseVariance(1, 0.55, 1)).toBeCloseTo(2 ** -0.55, 15);
    expect(noiseVariance(0.3, 1, 9)).toBeCloseTo(0.03, 15);
    expect(noiseVariance(0.3, 0, 100)).toBe(0.3);
  });
});

describe("withGradientNoise(optimizer, options)", () => {
  it("with eta = 0 is the wrapped optimizer exactly", () => {
    const f = doubleWell();
    const a = minimize(f, sgd({ lr: 0.01 }), [2], { steps: 50 });
    const b = minimize(f, withGradientNoise(sgd({ lr: 0.01 }), { eta: 0 }), [2], { steps: 50 });
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
  });
  it("adds noise of variance η/(1+t)^γ: the sample variance of the steps of SGD on a flat function matches", () => {
    // On f = 0 the SGD step is −lr·noise, so Var(step)/lr² = σ_t².
    const opt = withGradientNoise(sgd({ lr: 1 }), { eta: 0.5, gamma: 0.55, seed: 3 });
    const dim = 20000;
    const s = opt.init(dim);
    const p = new Float64Array(dim);
    const zero = new Float64Array(dim);
    opt.step(p, zero, s); // t = 1
    const before = p.slice();
    opt.step(p, zero, s); // t = 2
    let v = 0;
    for (let i = 0; i < dim; ++i) v += (p[i] - before[i]) ** 2;
    expect(v / dim).toBeCloseTo(noiseVariance(0.5, 0.55, 2), 2);
    expect(s.t).toBe(2);
    expect(s.inner.t).toBe(2);
  });
  it("is deterministic under a seed and differs across seeds", () => {
    const f = doubleWell();
    const run = (seed: number) => minimize(f, withGradientNoise(sgd({ lr: 0.01 }), { eta: 1, seed }), [2], { steps: 30 }).x;
    expect(Array.from(run(1))).toEqual(Array.from(run(1)));
    expect(run(1)[30]).not.toBe(run(2)[30]);
  });
  it("validates its options", () => {
    expect(() => withGradientNoise(sgd({ lr: 0.1 }), { eta: -1 })).toThrow(/eta/);
    expect(() => withGradientNoise(sgd({ lr: 0.1 }), { eta: 1, sigma: 2 } as never)).toThrow(/sigma/);
  });
});

describe("escapeStatistics(objective, make, x0, options)", () => {
  it("noiseless GD from x = 2 stays in the shallow well; enough noise sends some runs to the deep one", () => {
    const f = doubleWell();
    const quiet = escapeStatistics(f, () => sgd({ lr: 0.01 }), [2], { eta: 0, seeds: 5, steps: 400 });
    expect(quiet.globalFraction).toBe(0);
    expect(quiet.values[0]).toBeCloseTo(-2.6185559807652474, 6);
    const noisy = escapeStatistics(f, () => sgd({ lr: 0.04 }), [2], { eta: 300, gamma: 0.3, seeds: 40, steps: 1000 });
    expect(noisy.globalFraction).toBeGreaterThan(0.5);
    // too little noise never crosses the barrier
    expect(escapeStatistics(f, () => sgd({ lr: 0.04 }), [2], { eta: 3, gamma: 0.3, seeds: 20, steps: 1000 }).globalFraction).toBe(0);
  });
});

describe("earlyStopPoint(validation, patience, minDelta)", () => {
  it("stops after `patience` epochs without improvement", () => {
    const v = [5, 4, 3, 3.5, 3.2, 3.1, 2.9, 3, 3.3, 3.4];
    expect(earlyStopPoint(v, 2)).toEqual({ bestEpoch: 3, stopEpoch: 5, bestLoss: 3 });
    expect(earlyStopPoint(v, 3)).toEqual({ bestEpoch: 3, stopEpoch: 6, bestLoss: 3 });
    expect(earlyStopPoint(v, 4)).toEqual({ bestEpoch: 7, stopEpoch: null, bestLoss: 2.9 });
    expect(earlyStopPoint(v, 1, 0.5)).toEqual({ bestEpoch: 3, stopEpoch: 4, bestLoss: 3 });
    expect(earlyStopPoint([3, 2.8, 2.7], 2, 0.5)).toEqual({ bestEpoch: 1, stopEpoch: 3, bestLoss: 3 });
  });
  it("agrees with train's earlyStopping", () => {
    const rng = random(1);
    const n = 30, d = 12;
    const X = Float64Array.from({ length: n * d }, () => rng.normal());
    const y = Float64Array.from({ length: n }, () => rng.normal());
    const all = denseDataset(X, y, d);
    const tr = { ...all, n: 20, X: X.subarray(0, 20 * d), y: y.subarray(0, 20) };
    const va = { ...all, n: 10, X: X.subarray(20 * d), y: y.subarray(20) };
    const model = linearRegression(d);
    const full = train(model, tr, sgd({ lr: 0.05 }), { epochs: 60, batchSize: 2, validation: va });
    for (const patience of [1, 3, 6]) {
      const stopped = train(model, tr, sgd({ lr: 0.05 }), { epochs: 60, batchSize: 2, validation: va, earlyStopping: { patience } });
      const point = earlyStopPoint(full.validationLoss!, patience);
      expect(stopped.epochs).toBe(point.stopEpoch ?? 60);
      expect(stopped.bestEpoch).toBe(point.bestEpoch);
    }
  });
});

describe("scaleWeightMatrices(model, params, c)", () => {
  it("scales exactly the weight matrices of mlp and mlpBatchNorm, never biases, γ or β", () => {
    const bn = mlpBatchNorm([4, 3, 2]);
    const cases: [typeof bn | ReturnType<typeof mlp>, number[]][] = [[mlp([4, 3, 2]), [0, 4 * 3 + 3]], [bn, bn.layout.map((b) => b.W)]];
    for (const [model, blocks] of cases) {
      const p = model.init(random(1));
      const q = scaleWeightMatrices(model, p, 3);
      const weights = new Set<number>();
      blocks.forEach((W, l) => { for (let j = 0; j < model.sizes[l] * model.sizes[l + 1]; ++j) weights.add(W + j); });
      expect(weights.size).toBe(4 * 3 + 3 * 2);
      for (let i = 0; i < p.length; ++i) expect(q[i]).toBe(weights.has(i) ? 3 * p[i] : p[i]);
    }
    expect(() => scaleWeightMatrices(mlp([2, 2]), new Float64Array(6), 0)).toThrow(/c/);
  });
});

describe("batchNormTestAccuracy(model, params, test, batch)", () => {
  it("eval mode uses the running averages; one example alone predicts one class for every input; the model's mode is restored", () => {
    const rng = random(3);
    const n = 40;
    const X = Float64Array.from({ length: n * 4 }, () => rng.normal());
    const y = Float64Array.from({ length: n }, (_, i) => (X[i * 4] + X[i * 4 + 1] > 0 ? 1 : 0));
    const data = denseDataset(X, y, 4, undefined, { classes: 2 });
    const net = mlpBatchNorm([4, 6, 2]);
    const r = train(net, data, sgd({ lr: 0.3 }), { epochs: 20, batchSize: 8, evalEvery: Infinity, seed: 0 });
    const acc = batchNormTestAccuracy(net, r.params, data, 8);
    expect(net.mode).toBe("eval");
    expect(acc.running).toBe(net.accuracy(r.params, data));
    expect(acc.running).toBeGreaterThan(0.8);
    const majority = Math.max(y.reduce((a, v) => a + v, 0), n - y.reduce((a, v) => a + v, 0)) / n;
    // alone, every example gets the same class: the accuracy is that class's share
    expect([majority, 1 - majority]).toContain(acc.single);
  });
});
