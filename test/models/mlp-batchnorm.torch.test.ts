/**
 * mlpBatchNorm against torch.nn.BatchNorm1d (torch 1.13, float64): the
 * fixture test/fixtures/torch-batchnorm.json is written by
 * scripts/torch-batchnorm-reference.py (see there for the network, data and
 * steps). Train mode: each SGD step's loss, gradient and running averages.
 * Eval mode: per-example losses and predicted classes with the running
 * averages, after training and for a fresh module.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { denseDataset } from "../../lib/datasets.js";
import { mlpBatchNorm } from "../../lib/models/mlp-batchnorm.js";
import { sgd } from "../../lib/optimizers/sgd.js";

interface Fixture {
  torch: string;
  sizes: number[];
  lr: number;
  dim: number;
  params: number[];
  X: number[];
  y: number[];
  freshEval: { loss: number[]; predicted: number[] };
  steps: { batch: number[]; loss: number; grad: number[]; running: { mean: number[][]; var: number[][] } }[];
  finalParams: number[];
  eval: { loss: number[]; predicted: number[] };
}

const fixture: Fixture = JSON.parse(readFileSync(new URL("../fixtures/torch-batchnorm.json", import.meta.url), "utf8"));
const TOL = 1e-12;

function close(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; ++i) {
    const scale = Math.max(1, Math.abs(expected[i]));
    expect(Math.abs(actual[i] - expected[i]) / scale, `${what}[${i}]: ${actual[i]} vs torch ${expected[i]}`).toBeLessThan(TOL);
  }
}

describe(`mlpBatchNorm matches torch.nn.BatchNorm1d (torch ${fixture.torch}, float64)`, () => {
  const d = fixture.sizes[0];
  const data = denseDataset(Float64Array.from(fixture.X), Float64Array.from(fixture.y), d, undefined, { classes: fixture.sizes.at(-1) });
  const indices = (n: number) => Array.from({ length: n }, (_, i) => i);

  it("a fresh module in eval mode normalizes with μ̄ = 0, σ̄² = 1", () => {
    const net = mlpBatchNorm(fixture.sizes);
    expect(net.dim).toBe(fixture.dim);
    const params = Float64Array.from(fixture.params);
    close(indices(data.n).map((i) => net.loss(params, data, [i])), fixture.freshEval.loss, "fresh eval loss");
    expect(indices(data.n).map((i) => net.predict(params, data, i))).toEqual(fixture.freshEval.predicted);
  });

  it("train mode: every SGD step's loss, gradient and running averages", () => {
    const net = mlpBatchNorm(fixture.sizes);
    const params = Float64Array.from(fixture.params);
    const opt = sgd({ lr: fixture.lr });
    const state = opt.init(net.dim);
    const g = new Float64Array(net.dim);
    fixture.steps.forEach((step, s) => {
      const loss = net.grad(params, data, step.batch, g);
      expect(Math.abs(loss - step.loss), `step ${s + 1} loss`).toBeLessThan(TOL);
      close(g, step.grad, `step ${s + 1} gradient`);
      opt.step(params, g, state);
      const stats = net.runningStats(params);
      step.running.mean.forEach((m, l) => close(stats.mean[l], m, `step ${s + 1} running mean, layer ${l + 1}`));
      step.running.var.forEach((v, l) => close(stats.variance[l], v, `step ${s + 1} running variance, layer ${l + 1}`));
    });
    close(params, fixture.finalParams, "final parameters");
    // eval mode after training: each example alone, with the running averages
    close(indices(data.n).map((i) => net.loss(params, data, [i])), fixture.eval.loss, "eval loss");
    expect(indices(data.n).map((i) => net.predict(params, data, i))).toEqual(fixture.eval.predicted);
  });
});
