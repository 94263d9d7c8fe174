import { describe, expect, it } from "vitest";
import { batchRateGrid, equalStepsComparison, sharpness } from "../../lib/analysis/nonconvex-minibatch.js";
import { denseDataset, mlp, random, sgd, train } from "../../lib/index.js";

/** A small classification set: 40 points in 2-D, 2 classes by a curved boundary. */
function tiny(seed: number, n = 40) {
  const rng = random(seed);
  const X = Float64Array.from({ length: 2 * n }, () => rng.normal());
  const y = Float64Array.from({ length: n }, (_, i) => (X[2 * i] * X[2 * i] - X[2 * i + 1] > 0.5 ? 1 : 0));
  return denseDataset(X, y, 2, ["x1", "x2"], { classes: 2 });
}

describe("nonconvex-minibatch", () => {
  const model = mlp([2, 3, 2]);
  const data = tiny(1);

  it("sharpness(model, data, params) is the dominant eigenvalue of the explicit finite-difference Hessian", () => {
    const params = model.init(random(2));
    const dim = model.dim;
    const all = Int32Array.from({ length: data.n }, (_, i) => i);
    const grad = (w: Float64Array) => {
      const g = new Float64Array(dim);
      model.grad(w, data, all, g, 0, data.n);
      return g;
    };
    // H column by column: (∇f(w + h e_j) − ∇f(w − h e_j)) / 2h, then symmetrized.
    const h = 1e-5;
    const H = Array.from({ length: dim }, (_, j) => {
      const p = params.slice(), m = params.slice();
      p[j] += h; m[j] -= h;
      const gp = grad(p), gm = grad(m);
      return Array.from(gp, (v, i) => (v - gm[i]) / (2 * h));
    });
    const S = H.map((row, i) => row.map((v, j) => (v + H[j][i]) / 2));
    // Dominant eigenvalue by many power iterations on the explicit matrix.
    let v = Array.from({ length: dim }, (_, i) => 1 + i / dim);
    let lambda = 0;
    for (let k = 0; k < 3000; ++k) {
      const w = S.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
      lambda = w.reduce((s, x, i) => s + x * v[i], 0) / v.reduce((s, x) => s + x * x, 0);
      const norm = Math.hypot(...w);
      v = w.map((x) => x / norm);
    }
    expect(sharpness(model, data, params, { iterations: 400 }) / lambda).toBeCloseTo(1, 3);
  });

  it("batchRateGrid(model, data, options) has one cell per batch size × rate × seed, and a huge rate diverges", () => {
    const cells = batchRateGrid(model, data, { batchSizes: [4, 40], lrs: [0.1, 1e6], seeds: [0, 1], epochs: 2 });
    expect(cells).toHaveLength(8);
    expect(cells.filter((c) => c.lr === 0.1).every((c) => Number.isFinite(c.loss) && !c.diverged)).toBe(true);
    expect(cells.filter((c) => c.lr === 1e6).some((c) => c.diverged)).toBe(true);
  });

  it("batchRateGrid(...) counts a run whose final loss exceeds its initial loss as diverged, keeping its finite loss", () => {
    const cells = batchRateGrid(model, data, { batchSizes: [4, 40], lrs: [0.1, 3, 30], seeds: [0, 1], epochs: 2 });
    for (const c of cells) {
      const r = train(model, data, sgd({ lr: c.lr }), { batchSize: c.batchSize, epochs: 2, seed: c.seed, evalEvery: Infinity });
      const last = r.lossPerEpoch[r.lossPerEpoch.length - 1];
      const stopped = r.diverged || !Number.isFinite(last);
      expect(c.diverged).toBe(stopped || last > r.curve[0].loss);
      expect(c.loss).toBe(stopped ? Infinity : last);
    }
  });

  it("equalStepsComparison(...) runs both batch sizes for the same steps from the same weights, deterministically", () => {
    const test = tiny(3, 20);
    const runs = equalStepsComparison(model, data, test, { batchSize: 8, lr: 0.2, steps: 30, seeds: [0, 1], every: 10 });
    expect(runs.map((r) => r.batchSize)).toEqual([8, 40, 8, 40]);
    for (const r of runs) {
      expect(r.curve.map((p) => p.step)).toEqual([0, 10, 20, 30]);
      expect(r.curve[0].loss).toBe(runs.find((q) => q.seed === r.seed)!.curve[0].loss); // same start per seed
      expect(r.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(r.sharpness).toBeGreaterThan(0);
    }
    const again = equalStepsComparison(model, data, test, { batchSize: 8, lr: 0.2, steps: 30, seeds: [0], every: 10 });
    expect(again[0].trainLoss).toBe(runs[0].trainLoss);
  });
});
