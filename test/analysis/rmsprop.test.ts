import { describe, expect, it } from "vitest";
import { minimize, rmsprop, rprop, sgd } from "../../lib/index.js";
import { hintonMinibatches, leakyWeights } from "../../lib/analysis/rmsprop.js";

describe("leakyWeights(gamma, t)", () => {
  it("is (1 − γ)γ^τ and sums to 1 − γᵗ", () => {
    const w = leakyWeights(0.9, 3);
    expect(w[0]).toBeCloseTo(0.1, 15);
    expect(w[1]).toBeCloseTo(0.09, 15);
    expect(w[2]).toBeCloseTo(0.081, 15);
    const sum = leakyWeights(0.9, 20).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1 - 0.9 ** 20, 14);
  });
  it("rejects γ = 1", () => {
    expect(() => leakyWeights(1, 3)).toThrow(RangeError);
  });
});

describe("hintonMinibatches(options)", () => {
  it("gives +0.1 on nine steps and −0.9 on the tenth", () => {
    const f = hintonMinibatches();
    const g = new Float64Array(1);
    const seq = Array.from({ length: 10 }, (_, i) => f.grad(Float64Array.of(0), g, i + 1)[0]);
    expect(seq).toEqual([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, -0.9]);
  });
  it("SGD returns to its start every period; Rprop drifts far", () => {
    const f = hintonMinibatches();
    const a = minimize(f, sgd({ lr: 0.1 }), [0], { steps: 50, divergeAbove: Infinity });
    expect(a.x[50]).toBeCloseTo(0, 12);
    const b = minimize(f, rprop({ lr: 0.01 }), [0], { steps: 50, divergeAbove: Infinity });
    expect(Math.abs(b.x[50])).toBeGreaterThan(1);
    const c = minimize(f, rmsprop({ lr: 0.01, alpha: 0.99 }), [0], { steps: 50, divergeAbove: Infinity });
    expect(Math.abs(c.x[50])).toBeLessThan(1);
  });
});
