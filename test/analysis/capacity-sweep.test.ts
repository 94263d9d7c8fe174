import { describe, expect, it } from "vitest";
import { denseDataset } from "../../lib/datasets.js";
import { random } from "../../lib/random.js";
import { capacitySweep, summarizeCapacity } from "../../lib/analysis/capacity-sweep.js";

// Three Gaussian blobs in 2-D, a small classification task.
function blobs(n: number, seed: number) {
  const rng = random(seed);
  const X = new Float64Array(2 * n), y = new Float64Array(n);
  const centres = [[0, 2], [2, -1], [-2, -1]];
  for (let i = 0; i < n; ++i) {
    const c = i % 3;
    X[2 * i] = centres[c][0] + 0.8 * rng.normal();
    X[2 * i + 1] = centres[c][1] + 0.8 * rng.normal();
    y[i] = c;
  }
  return denseDataset(X, y, 2, undefined, { classes: 3 });
}
const data = blobs(90, 1), validation = blobs(60, 2);

describe("capacitySweep", () => {
  it("rejects bad settings, naming them", () => {
    const ok = { widths: [2], lrs: [0.1], seeds: [0], epochs: 2, batchSize: 10 };
    expect(() => capacitySweep(data, validation, { ...ok, epochs: 0 })).toThrow(/epochs/);
    expect(() => capacitySweep(data, validation, { ...ok, widths: [0] })).toThrow(/widths\[0\]/);
    expect(() => capacitySweep(data, validation, { ...ok, lrs: [-1] })).toThrow(/lrs\[0\] must be a finite number > 0, got -1/);
    expect(() => capacitySweep(data, validation, { ...ok, seeds: [] })).toThrow(/seeds must not be empty/);
  });

  it("runs every width × rate × seed, records the best validation epoch, and marks a blown-up rate as diverged", () => {
    const runs = capacitySweep(data, validation, { widths: [2, 8], lrs: [0.3, 1e4], seeds: [0, 1], epochs: 5, batchSize: 10 });
    expect(runs).toHaveLength(8);
    for (const r of runs.filter((r) => r.lr === 0.3)) {
      expect(r.diverged).toBe(false);
      expect(r.bestEpoch).toBeGreaterThanOrEqual(1);
      expect(r.bestEpoch).toBeLessThanOrEqual(5);
      expect(r.bestValidationLoss).toBeLessThanOrEqual(r.validationLoss);
      expect(r.validationAccuracy).toBeGreaterThan(0.8);
    }
    for (const r of runs.filter((r) => r.lr === 1e4)) {
      expect(r.diverged).toBe(true);
      expect(r.validationLoss).toBe(Infinity);
    }
    const s = summarizeCapacity(runs);
    expect(s.cells).toHaveLength(4);
    expect(s.best.map((b) => b.lr)).toEqual([0.3, 0.3]);
    const c = s.cells.find((c) => c.width === 8 && c.lr === 0.3)!;
    const v = runs.filter((r) => r.width === 8 && r.lr === 0.3).map((r) => r.validationLoss);
    expect(c.validationLoss).toBeCloseTo((v[0] + v[1]) / 2, 14);
    expect(c.validationMin).toBe(Math.min(...v));
  });
});
