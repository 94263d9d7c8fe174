import { describe, expect, it } from "vitest";
import { bestSoFar, logGrid, logRandom, ridgeRegression, ridgeScore } from "../../lib/analysis/hyperparameter-search.js";
import { denseDataset } from "../../lib/datasets.js";
import { random } from "../../lib/random.js";

function toy(n: number, seed: number) {
  const rng = random(seed);
  const X = new Float64Array(n * 2), y = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    X[2 * i] = rng.normal();
    X[2 * i + 1] = rng.normal();
    y[i] = 1.5 * X[2 * i] - 0.5 * X[2 * i + 1] + 0.1 * rng.normal();
  }
  return denseDataset(X, y, 2);
}

describe("hyperparameter search", () => {
  it("logGrid(box, k) spaces k points per axis in log10, ends included", () => {
    const g = logGrid([[-4, 0], [-2, -1]], 3);
    expect(g.length).toBe(9);
    expect(g.map((p) => p[0]).filter((v, i, a) => a.indexOf(v) === i).map(Math.log10)).toEqual([expect.closeTo(-4, 12), expect.closeTo(-2, 12), expect.closeTo(0, 12)]);
    const shifted = logGrid([[0, 1]], 2, 0.5);
    expect(shifted.map((p) => Math.log10(p[0]))).toEqual([expect.closeTo(0.25, 12), expect.closeTo(0.75, 12)]);
  });
  it("logRandom is seeded and stays in the box", () => {
    const a = logRandom([[-4, 0], [-5, -1]], 50, 7);
    expect(logRandom([[-4, 0], [-5, -1]], 50, 7)).toEqual(a);
    for (const [eta, lambda] of a) {
      expect(Math.log10(eta)).toBeGreaterThanOrEqual(-4);
      expect(Math.log10(eta)).toBeLessThan(0);
      expect(Math.log10(lambda)).toBeGreaterThanOrEqual(-5);
    }
    // Every random trial has its own η: n distinct values.
    expect(new Set(a.map((p) => p[0])).size).toBe(50);
  });
  it("ridgeRegression's gradient matches finite differences and leaves the bias alone", () => {
    const data = toy(30, 1);
    const m = ridgeRegression(2, 0.3);
    const p = Float64Array.of(0.2, -0.4, 0.7);
    const idx = Array.from({ length: 30 }, (_, i) => i);
    const g = new Float64Array(3);
    m.grad(p, data, idx, g);
    for (let j = 0; j < 3; ++j) {
      const h = 1e-6, q = p.slice(), r = p.slice();
      q[j] += h;
      r[j] -= h;
      expect(g[j]).toBeCloseTo((m.loss(q, data) - m.loss(r, data)) / (2 * h), 6);
    }
    expect(() => ridgeRegression(2, -1)).toThrow(RangeError);
  });
  it("ridgeScore: a good η fits, a huge η diverges", () => {
    const task = { train: toy(200, 2), validation: toy(100, 3) };
    expect(ridgeScore(task, [0.1, 1e-4])).toBeLessThan(0.05);
    expect(ridgeScore(task, [50, 1e-4])).toBe(Infinity);
    expect(bestSoFar([{ values: [], score: 3 }, { values: [], score: 5 }, { values: [], score: 1 }])).toEqual([3, 3, 1]);
  });
});
