import { describe, expect, it } from "vitest";
import { adagrad, logisticRegression, train } from "../../lib/index.js";
import { capturing, fisherHessianDiagonal } from "../../lib/analysis/adagrad.js";
import { adagradScale, predictionVerdict, squaredGradientsAlongRun } from "../../lib/analysis/adagrad-scale.js";
import type { SparseDataset } from "../../lib/datasets.js";

describe("adagradScale(s, t, batchSize, hessian)", () => {
  it("pairs √(s_j/t) with √(H_jj/B), skips features never seen, and fits the log–log slope", () => {
    // s = (1, 4, 0), t = 1, B = 1, H = (1, 4, 2): √s = (1, 2) = √H for the two seen features → slope ½, ratio 1.
    const r = adagradScale([1, 4, 0], 1, 1, [1, 4, 2]);
    expect(r.points.map((p) => p.index)).toEqual([0, 1]);
    expect(r.points.map((p) => p.rms)).toEqual([1, 2]);
    expect(r.slope).toBeCloseTo(0.5, 12);
    expect(r.ratioQuantile(0.5)).toBe(1);
  });
  it("fits slope 1 when √(s_j/t) is proportional to H_jj", () => {
    // rms = 3·H: s/t = 9H², with t = 2.
    const H = [0.1, 1, 10];
    expect(adagradScale(H.map((h) => 2 * 9 * h * h), 2, 1, H).slope).toBeCloseTo(1, 12);
  });
  it("rejects mismatched lengths, t < 1 and a batch size that is not a whole number", () => {
    expect(() => adagradScale([1, 2], 1, 1, [1])).toThrow(/hessian/);
    expect(() => adagradScale([1, 2], 0, 1, [1, 2])).toThrow(/t/);
    expect(() => adagradScale([1, 2], 1, 2.5, [1, 2])).toThrow(/batchSize/);
  });
});

describe("what Adagrad's accumulator measures", () => {
  it("on a diagonal quadratic from equal starting distances, √(s_j/t) = H_jj · RMS distance, the same RMS for every curvature", () => {
    // f = ½ Σ H_j θ_j², θ₀ = (1, 1, 1): Adagrad's iterates do not depend on H_j (up to ε), so √(s_j/t)/H_j agrees across j.
    const H = [0.2, 4, 50];
    const opt = adagrad({ lr: 0.3 });
    const x = Float64Array.of(1, 1, 1), g = new Float64Array(3), state = opt.init(3);
    for (let t = 0; t < 200; ++t) {
      for (let j = 0; j < 3; ++j) g[j] = H[j] * x[j];
      opt.step(x, g, state);
    }
    const perCurvature = H.map((h, j) => Math.sqrt(state.s[j] / state.t) / h);
    expect(perCurvature[1]).toBeCloseTo(perCurvature[0], 9);
    expect(perCurvature[2]).toBeCloseTo(perCurvature[0], 9);
    expect(adagradScale(state.s, state.t, 1, H).slope).toBeCloseTo(1, 9);
  });
  it("with minibatches in which a word occurs at most once, s_j/t = F_jj/B (here F = H at w = 0: slope ½, ratio 1)", () => {
    // 8 sentences, word i only in sentence i, so each batch holds a word at most once. B = 2, 3 epochs, lr so small the weights stay ≈ 0 (σ = ½, r = ±½).
    const n = 8, B = 2;
    const data: SparseDataset = {
      kind: "sparse",
      indptr: Int32Array.from({ length: n + 1 }, (_, i) => i),
      indices: Int32Array.from({ length: n }, (_, i) => i),
      y: Float64Array.from({ length: n }, (_, i) => i % 2),
      n,
      d: n,
      vocabulary: Array.from({ length: n }, (_, i) => `w${i}`),
    };
    const c = capturing(adagrad({ lr: 1e-12 }));
    train(logisticRegression(n), data, c.optimizer, { epochs: 3, batchSize: B, evalEvery: Infinity, seed: 0 });
    const state = c.state()!;
    expect(state.t).toBe(3 * (n / B));
    const { fisher, hessian } = fisherHessianDiagonal(new Float64Array(n + 1), data);
    for (let j = 0; j < n; ++j) expect(state.s[j] / state.t).toBeCloseTo(fisher[j] / B, 12);
    const r = adagradScale(state.s.subarray(0, n), state.t, B, hessian);
    expect(r.ratioQuantile(0)).toBeCloseTo(1, 9);
    expect(r.ratioQuantile(1)).toBeCloseTo(1, 9);
  });
});

describe("predictionVerdict(scale): \"close\" needs the slope near ½ AND the ratios near 1", () => {
  const H = Array.from({ length: 50 }, (_, j) => 10 ** (-4 + (4 * j) / 49));
  const withRms = (rms: (h: number) => number) => adagradScale(H.map((h) => rms(h) ** 2), 1, 1, H);
  it("is close when √(s_j/t) = √H_jj", () => {
    expect(predictionVerdict(withRms(Math.sqrt))).toEqual({ slopeNear: true, ratiosNear: true, close: true });
  });
  it("is not close at slope ½ with every ratio 2 (√(s_j/t) = 2√H_jj)", () => {
    expect(predictionVerdict(withRms((h) => 2 * Math.sqrt(h)))).toEqual({ slopeNear: true, ratiosNear: false, close: false });
  });
  it("is not close at slope 1 (√(s_j/t) ∝ H_jj), even where the median ratio is 1", () => {
    const v = predictionVerdict(withRms((h) => h / 0.01 * Math.sqrt(0.01)));
    expect(v.slopeNear).toBe(false);
    expect(v.close).toBe(false);
  });
  it("is not close when the median ratio is 1 but 80 % of the words spread over a factor 100", () => {
    // ratios 0.1, 10, 1, 1, 0.1, 10, 1, 1, …: median 1, 10 % quantile 0.1, 90 % 10.
    const spread = adagradScale(H.map((h, j) => h * [0.1, 10, 1, 1][j % 4] ** 2), 1, 1, H);
    expect(spread.ratioQuantile(0.5)).toBeCloseTo(1, 12);
    expect(predictionVerdict(spread).ratiosNear).toBe(false);
  });
});

describe("squaredGradientsAlongRun(model): Adagrad's accumulator without the cross terms, √(F̄_jj/B)", () => {
  /** n sentences; sentence i holds word i, and when `shared` also word n (in every sentence). */
  const dataset = (n: number, shared: boolean): SparseDataset => {
    const rows = Array.from({ length: n }, (_, i) => (shared ? [i, n] : [i]));
    return {
      kind: "sparse",
      indptr: Int32Array.from([0, ...rows.map((_, i) => rows.slice(0, i + 1).flat().length)]),
      indices: Int32Array.from(rows.flat()),
      y: Float64Array.from({ length: n }, (_, i) => i % 2),
      n,
      d: shared ? n + 1 : n,
      vocabulary: Array.from({ length: shared ? n + 1 : n }, (_, i) => `w${i}`),
    };
  };
  it("follows the same trajectory, and equals s_j for every word that no batch holds twice, with weights that move (η = 1)", () => {
    const n = 12, B = 3, data = dataset(n, true), opts = { epochs: 4, batchSize: B, evalEvery: Infinity, seed: 1 };
    const plain = train(logisticRegression(data.d), data, adagrad({ lr: 1 }), opts);
    const rec = squaredGradientsAlongRun(logisticRegression(data.d));
    const c = capturing(adagrad({ lr: 1 }));
    const run = train(rec.model, data, c.optimizer, opts);
    expect(Array.from(run.params)).toEqual(Array.from(plain.params));
    const state = c.state()!;
    expect(rec.steps()).toBe(state.t);
    for (let j = 0; j < n; ++j) expect(rec.sum[j]).toBeCloseTo(state.s[j], 12);
    // word n is in every sentence, so every batch holds it B times: cross terms make s differ.
    expect(Math.abs(rec.sum[n] - state.s[n])).toBeGreaterThan(1e-3 * state.s[n]);
    const r = adagradScale(state.s.subarray(0, data.d), state.t, B, new Float64Array(data.d).fill(1), rec.sum.subarray(0, data.d));
    expect(r.points[0].alongRun).toBeCloseTo(Math.sqrt(rec.sum[0] / state.t), 12);
    expect(r.alongRunRatioQuantile(0)).toBeCloseTo(1, 9);
  });
});
