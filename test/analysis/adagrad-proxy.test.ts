import { describe, expect, it } from "vitest";
import { adagrad, minimize, ravine, sgd } from "../../lib/index.js";
import { adagradSum, fisherHessianDiagonal, noisyAdagradDecay, noisyRavine, rotatedRavine } from "../../lib/analysis/adagrad.js";
import type { SparseDataset } from "../../lib/datasets.js";

describe("rotatedRavine(angle)", () => {
  it("at 45° has A = [[2.1, −1.9], [−1.9, 2.1]] and the ravine's curvatures 0.2 and 4", () => {
    const q = rotatedRavine(Math.PI / 4);
    const A = Array.from(q.A);
    [2.1, -1.9, -1.9, 2.1].forEach((a, i) => expect(A[i]).toBeCloseTo(a, 12));
    expect(q.eigenvalues[0]).toBeCloseTo(0.2, 12);
    expect(q.eigenvalues[1]).toBeCloseTo(4, 12);
  });
  it("at 0° is the ravine", () => {
    const q = rotatedRavine(0), f = ravine();
    const x = Float64Array.of(-5, -2);
    expect(q.value(x)).toBeCloseTo(f.value(x), 12);
  });
  it("slows Adagrad by orders of magnitude (loss after 20 steps at η = 2), while GD at η = 0.4 still converges", () => {
    const aligned = minimize(ravine(), adagrad({ lr: 2 }), [-5, -2], { steps: 20 });
    const turned = minimize(rotatedRavine(Math.PI / 4), adagrad({ lr: 2 }), [-5, -2], { steps: 20 });
    expect(turned.loss[20]).toBeGreaterThan(1e4 * aligned.loss[20]);
    const gd = minimize(rotatedRavine(Math.PI / 4), sgd({ lr: 0.4 }), [-5, -2], { steps: 20 });
    expect(gd.diverged).toBe(false);
  });
  it("rejects an angle outside [−π, π]", () => {
    expect(() => rotatedRavine(4)).toThrow(/angle/);
  });
});

describe("fisherHessianDiagonal(params, data)", () => {
  // Two examples, two features: x₁ = {0}, x₂ = {0, 1}; y = (1, 0).
  const data: SparseDataset = { kind: "sparse", indptr: Int32Array.of(0, 1, 3), indices: Int32Array.of(0, 0, 1), y: Float64Array.of(1, 0), n: 2, d: 2, vocabulary: ["a", "b"] };
  it("at zero parameters, σ = ½: H_jj = ¼·count/n and F_jj = ¼·count/n", () => {
    const r = fisherHessianDiagonal(new Float64Array(3), data);
    expect(Array.from(r.hessian)).toEqual([0.25, 0.125]);
    expect(Array.from(r.fisher)).toEqual([0.25, 0.125]);
    expect(Array.from(r.count)).toEqual([2, 1]);
  });
  it("away from zero, F uses (σ − y)² and H uses σ(1 − σ)", () => {
    const w = Float64Array.of(1, 0, 0); // z₁ = 1, z₂ = 1
    const s = 1 / (1 + Math.exp(-1));
    const r = fisherHessianDiagonal(w, data);
    expect(r.hessian[0]).toBeCloseTo(s * (1 - s), 14);
    expect(r.fisher[0]).toBeCloseTo(((s - 1) ** 2 + s ** 2) / 2, 14);
    expect(r.fisher[1]).toBeCloseTo(s ** 2 / 2, 14);
  });
  it("keeps σ(1 − σ) and (1 − σ)² positive where σ rounds to 1 (z = 40), so F/H stays defined", () => {
    expect(1 - 1 / (1 + Math.exp(-40))).toBe(0); // the naive form underflows
    const r = fisherHessianDiagonal(Float64Array.of(40, 0, 0), data); // z₁ = z₂ = 40
    const e = Math.exp(-40);
    expect(r.hessian[0]).toBeGreaterThan(0);
    expect(r.hessian[0] / (e / (1 + e) ** 2)).toBeCloseTo(1, 12);
    expect(r.hessian[1] / (e / (1 + e) ** 2 / 2)).toBeCloseTo(1, 12);
    // y₁ = 1: (1 − σ)² = (e/(1 + e))² ≈ e^{−80}; y₂ = 0: σ² ≈ 1.
    expect(r.fisher[1]).toBeCloseTo(0.5, 12);
    expect(Number.isFinite(r.fisher[0] / r.hessian[0])).toBe(true);
    // A word only in the correctly predicted sentence (y = 1, z = 40): F = (1 − σ)²/n ≈ e^{−80}/2, not 0.
    const apart: SparseDataset = { kind: "sparse", indptr: Int32Array.of(0, 1, 2), indices: Int32Array.of(0, 1), y: Float64Array.of(1, 0), n: 2, d: 2, vocabulary: ["a", "b"] };
    const q = fisherHessianDiagonal(Float64Array.of(40, 40, 0), apart);
    expect(q.fisher[0] / ((e / (1 + e)) ** 2 / 2)).toBeCloseTo(1, 12);
    expect(q.fisher[0] / q.hessian[0]).toBeCloseTo(e / (1 + e) / (1 / (1 + e)), 12);
  });
  it("is symmetric for z < 0", () => {
    const r = fisherHessianDiagonal(Float64Array.of(-40, 0, 0), data);
    const e = Math.exp(-40);
    expect(r.hessian[0] / (e / (1 + e) ** 2)).toBeCloseTo(1, 12);
    expect(r.fisher[0]).toBeCloseTo(0.5, 12); // y₁ = 1 with σ ≈ 0
  });
  it("names the length mismatch", () => {
    expect(() => fisherHessianDiagonal(new Float64Array(2), data)).toThrow(/params/);
  });
});

describe("adagradSum and noisyAdagradDecay", () => {
  it("recovers s₁ = g₁² from the first effective learning rate", () => {
    const t = minimize(ravine(), adagrad({ lr: 0.4 }), [-5, -2], { steps: 3 });
    expect(adagradSum(t.effectiveLr, 2, 0, 1, 0.4)).toBeCloseTo(1, 10);
    expect(adagradSum(t.effectiveLr, 2, 1, 1, 0.4)).toBeCloseTo(64, 8);
  });
  it("is √(t₂/t₁) without an early sum and 1 without noise", () => {
    expect(noisyAdagradDecay(0, 1, 200, 2000)).toBeCloseTo(Math.sqrt(10), 14);
    expect(noisyAdagradDecay(5, 0, 200, 2000)).toBe(1);
  });
  it("predicts the measured decay of the noisy ravine within 10 % for σ from 0.1 to 3, both coordinates", () => {
    const clean = minimize(ravine(), adagrad({ lr: 0.4 }), [-5, -2], { steps: 2000 });
    for (const sigma of [0.1, 0.5, 1, 2, 3]) {
      const noisy = minimize(noisyRavine({ sigma, seed: 1 }), adagrad({ lr: 0.4 }), [-5, -2], { steps: 2000 });
      for (const c of [0, 1]) {
        const measured = noisy.effectiveLr[199 * 2 + c] / noisy.effectiveLr[1999 * 2 + c];
        const predicted = noisyAdagradDecay(adagradSum(clean.effectiveLr, 2, c, 2000, 0.4), sigma, 200, 2000);
        expect(Math.abs(measured / predicted - 1)).toBeLessThan(0.1);
      }
    }
  });
});
