import { describe, expect, it } from "vitest";
import { denseDataset } from "../../lib/datasets.js";
import { mlpBatchNorm } from "../../lib/models/mlp-batchnorm.js";
import { random } from "../../lib/random.js";
import { gradError } from "./gradcheck.js";

function data(n = 12, d = 5, classes = 4, seed = 4) {
  const rng = random(seed);
  const X = Float64Array.from({ length: n * d }, () => rng.normal());
  const y = Float64Array.from({ length: n }, () => rng.int(classes));
  return denseDataset(X, y, d, undefined, { classes });
}

describe("mlpBatchNorm(sizes)", () => {
  it("lays out W, γ, β per hidden layer and W, b for the output; γ starts at 1, β at 0", () => {
    const net = mlpBatchNorm([5, 7, 6, 4]);
    expect(net.dim).toBe(5 * 7 + 7 + 7 + 7 * 6 + 6 + 6 + 6 * 4 + 4);
    const p = net.init(random(0));
    const { gamma, beta } = net.layout[0];
    expect(Array.from(p.subarray(gamma, gamma + 7))).toEqual(new Array(7).fill(1));
    expect(Array.from(p.subarray(beta, beta + 7))).toEqual(new Array(7).fill(0));
  });

  it("grad matches central differences (two hidden layers, a batch with a repeat)", () => {
    const ds = data();
    const net = mlpBatchNorm([5, 7, 6, 4]);
    net.mode = "train"; // loss() with the batch's statistics, the function grad differentiates
    const p = net.init(random(2));
    // move γ, β off their initial values so every term of the backward pass matters
    const rng = random(9);
    for (const { gamma, beta } of net.layout.slice(0, 2)) {
      for (let o = 0; o < net.sizes[1]; ++o) {
        if (gamma + o < beta) p[gamma + o] = 0.5 + rng.uniform();
        if (beta + o < p.length) p[beta + o] = rng.normal() * 0.3;
      }
    }
    expect(gradError(net, p, ds, [0, 3, 3, 7, 11, 5], 1e-5)).toBeLessThan(1e-6);
  });

  it("grad matches central differences on the whole set (one hidden layer)", () => {
    const ds = data(9, 3, 3, 7);
    const net = mlpBatchNorm([3, 4, 3]);
    net.mode = "train";
    const p = net.init(random(5));
    expect(gradError(net, p, ds, Array.from({ length: 9 }, (_, i) => i), 1e-5)).toBeLessThan(1e-6);
  });

  it("returns from grad the loss that loss() computes in train mode", () => {
    const ds = data();
    const net = mlpBatchNorm([5, 8, 4]);
    net.mode = "train";
    const p = net.init(random(1));
    const g = new Float64Array(net.dim);
    const idx = [1, 2, 5, 8];
    expect(net.grad(p, ds, idx, g)).toBeCloseTo(net.loss(p, ds, idx), 14);
  });

  it("is invariant to the scale of a normalized layer's weights (up to ε), the property behind its tolerance of large steps", () => {
    const ds = data();
    const net = mlpBatchNorm([5, 8, 4], { eps: 1e-12 });
    net.mode = "train";
    const p = net.init(random(3));
    const q = p.slice();
    const { W } = net.layout[0];
    for (let j = W; j < W + 5 * 8; ++j) q[j] *= 7;
    expect(net.loss(q, ds)).toBeCloseTo(net.loss(p, ds), 9);
    // and the gradient with respect to those weights shrinks by the same factor 7
    const gp = new Float64Array(net.dim);
    const gq = new Float64Array(net.dim);
    const all = Array.from({ length: ds.n }, (_, i) => i);
    net.grad(p, ds, all, gp);
    net.grad(q, ds, all, gq);
    expect(gq[W + 3] * 7).toBeCloseTo(gp[W + 3], 9);
  });

  it("accuracy is a fraction in [0, 1]; a training batch of one example is refused by name, as torch refuses it", () => {
    const ds = data();
    const net = mlpBatchNorm([5, 8, 4]);
    const p = net.init(random(3));
    const acc = net.accuracy(p, ds);
    expect(acc).toBeGreaterThanOrEqual(0);
    expect(acc).toBeLessThanOrEqual(1);
    const g = new Float64Array(net.dim);
    expect(() => net.grad(p, ds, [4], g)).toThrow(/grad: a training batch needs at least 2 examples/);
  });

  it("in eval mode a prediction depends on the example alone; in train mode one example alone loses its input", () => {
    const ds = data();
    const net = mlpBatchNorm([5, 8, 4]);
    const p = net.init(random(3));
    const g = new Float64Array(net.dim);
    for (let s = 0; s < 20; ++s) net.grad(p, ds, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], g);
    // eval mode: the whole set at once and each example alone give the same classes
    const alone = Array.from({ length: ds.n }, (_, i) => net.predict(p, ds, i));
    expect(net.accuracy(p, { ...ds, y: Float64Array.from(alone) })).toBe(1);
    net.mode = "train";
    // with σ² = 0 every normalized unit is 0: the logits are the same for every input
    const single = Array.from({ length: ds.n }, (_, i) => net.predict(p, ds, i));
    expect(new Set(single).size).toBe(1);
    expect(new Set(alone).size).toBeGreaterThan(1);
  });

  it("running averages start at μ̄ = 0, σ̄² = 1, move once per grad step, belong to the parameter vector, and copy with copyBuffers", () => {
    const ds = data();
    const net = mlpBatchNorm([5, 8, 4], { momentum: 0.5 });
    const p = net.init(random(3));
    expect(Array.from(net.runningStats(p).mean[0])).toEqual(new Array(8).fill(0));
    expect(Array.from(net.runningStats(p).variance[0])).toEqual(new Array(8).fill(1));
    const g = new Float64Array(net.dim);
    net.grad(p, ds, [0, 1, 2], g);
    const stats = net.runningStats(p);
    expect(stats.steps).toBe(1);
    // μ̄ = 0.5·0 + 0.5·μ_B for unit 0, μ_B computed by hand from W's first row
    const { W } = net.layout[0];
    const z = [0, 1, 2].map((i) => Array.from({ length: 5 }, (_, j) => p[W + j] * ds.X[i * 5 + j]).reduce((a, b) => a + b, 0));
    const mu = (z[0] + z[1] + z[2]) / 3;
    const unbiased = z.reduce((a, v) => a + (v - mu) ** 2, 0) / 2;
    expect(stats.mean[0][0]).toBeCloseTo(0.5 * mu, 14);
    expect(stats.variance[0][0]).toBeCloseTo(0.5 + 0.5 * unbiased, 14);
    net.loss(p, ds);
    net.accuracy(p, ds);
    expect(net.runningStats(p).steps).toBe(1);
    const copy = p.slice();
    expect(net.runningStats(copy).steps).toBe(0);
    const copy2 = p.slice();
    net.copyBuffers(p, copy2);
    expect(net.loss(copy2, ds)).toBe(net.loss(p, ds));
    expect(() => mlpBatchNorm([3, 2], { momentum: 1.5 })).toThrow(/momentum/);
  });

  it("validates sizes, eps and the data shape", () => {
    expect(() => mlpBatchNorm([3])).toThrow(/mlpBatchNorm: sizes/);
    expect(() => mlpBatchNorm([3, 2], { eps: 0 })).toThrow(/eps/);
    expect(() => mlpBatchNorm([4, 3, 4]).loss(new Float64Array(mlpBatchNorm([4, 3, 4]).dim), data())).toThrow(/d = 5 features/);
  });
});
