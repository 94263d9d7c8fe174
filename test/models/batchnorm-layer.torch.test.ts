/**
 * The batch-norm exercise's reference (exercises/strategies/batchnorm-forward.check.ts)
 * against torch.nn.BatchNorm1d (torch 1.13, float64; fixture
 * test/fixtures/torch-batchnorm-layer.json from
 * scripts/torch-batchnorm-layer-reference.py) and against the running
 * averages the library's mlpBatchNorm keeps, so that the exercise's checks
 * grade the torch rule. Also: the exercise's solution agrees with torch.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { denseDataset } from "../../lib/datasets.js";
import { mlpBatchNorm } from "../../lib/models/mlp-batchnorm.js";
import { random } from "../../lib/random.js";
import { referenceEval, referenceTrain } from "../../exercises/strategies/batchnorm-forward.check.js";
import { batchNormEval, batchNormTrain } from "../../exercises/strategies/batchnorm-forward.js";

interface Fixture {
  units: number;
  eps: number;
  momentum: number;
  gamma: number[];
  beta: number[];
  train: { m: number; z: number[]; y: number[]; runningMean: number[]; runningVar: number[] }[];
  eval: { m: number; z: number[]; y: number[] };
}
const fx: Fixture = JSON.parse(readFileSync(new URL("../fixtures/torch-batchnorm-layer.json", import.meta.url), "utf8"));

const implementations = { "the check's reference": { train: referenceTrain, evaluate: referenceEval }, "the exercise's solution": { train: batchNormTrain, evaluate: batchNormEval } };

describe("batch-norm layer: torch.nn.BatchNorm1d in train and eval mode", () => {
  for (const [name, { train, evaluate }] of Object.entries(implementations)) {
    it(`${name} matches torch's outputs and running averages, batch after batch, then in eval mode`, () => {
      const mean = new Float64Array(fx.units);
      const variance = new Float64Array(fx.units).fill(1);
      for (const step of fx.train) {
        const y = train(step.z, step.m, fx.units, fx.gamma, fx.beta, mean, variance, fx.momentum, fx.eps);
        step.y.forEach((v, i) => expect(y[i]).toBeCloseTo(v, 12));
        step.runningMean.forEach((v, o) => expect(mean[o]).toBeCloseTo(v, 12));
        step.runningVar.forEach((v, o) => expect(variance[o]).toBeCloseTo(v, 12));
      }
      const y = evaluate(fx.eval.z, fx.eval.m, fx.units, fx.gamma, fx.beta, mean, variance, fx.eps);
      fx.eval.y.forEach((v, i) => expect(y[i]).toBeCloseTo(v, 12));
    });
  }

  it("the reference's running averages equal mlpBatchNorm's after training steps on the same pre-activations", () => {
    // A network [4, 3, 2]: the hidden layer's pre-activations are z = W x (no bias).
    const model = mlpBatchNorm([4, 3, 2]);
    const params = model.init(random(3));
    const rng = random(4);
    const n = 12;
    const X = Float64Array.from({ length: n * 4 }, () => rng.normal());
    const data = denseDataset(X, Float64Array.from({ length: n }, (_, i) => i % 2), 4);
    const { W } = model.layout[0];
    const gamma = params.slice(model.layout[0].gamma, model.layout[0].gamma + 3);
    const beta = params.slice(model.layout[0].beta, model.layout[0].beta + 3);
    const mean = new Float64Array(3);
    const variance = new Float64Array(3).fill(1);
    const out = new Float64Array(params.length);
    for (const batch of [[0, 1, 2, 3, 4], [5, 6, 7], [8, 9, 10, 11]]) {
      model.grad(params, data, batch, out, 0, batch.length);
      const z = new Float64Array(batch.length * 3);
      batch.forEach((ex, i) => {
        for (let o = 0; o < 3; o++) for (let j = 0; j < 4; j++) z[i * 3 + o] += params[W + o * 4 + j] * X[ex * 4 + j];
      });
      referenceTrain(z, batch.length, 3, gamma, beta, mean, variance);
    }
    const stats = model.runningStats(params);
    for (let o = 0; o < 3; o++) {
      expect(stats.mean[0][o]).toBeCloseTo(mean[o], 12);
      expect(stats.variance[0][o]).toBeCloseTo(variance[o], 12);
    }
  });
});
