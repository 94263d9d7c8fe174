import { describe, expect, it } from "vitest";
import { adamNoisyStepSize } from "../../lib/analysis/adam.js";

describe("adamNoisyStepSize(options)", () => {
  it("is 1 without noise (the step is η on a steady slope)", () => {
    expect(adamNoisyStepSize({ mu: 0.3, sigma: 0 })).toBeCloseTo(1, 9);
  });
  it("follows the signal-to-noise ratio |μ|/√(μ² + σ²) when the signal dominates the noise left in m̂", () => {
    for (const mu of [0.5, 1, 3]) {
      const snr = mu / Math.sqrt(mu * mu + 1);
      expect(Math.abs(adamNoisyStepSize({ mu, sigma: 1, steps: 20000, seed: 2 }) - snr)).toBeLessThan(0.05);
    }
  });
  it("stays below Kingma & Ba's bound η when (1 − β₁) ≤ √(1 − β₂), for every signal-to-noise ratio", () => {
    for (const mu of [0, 0.01, 0.1, 1, 10]) expect(adamNoisyStepSize({ mu, sigma: 1 })).toBeLessThanOrEqual(1);
  });
  it("rejects a β₁ of 1", () => {
    expect(() => adamNoisyStepSize({ mu: 1, beta1: 1 })).toThrow(/beta1/);
  });
});

import { uncorrectedRatioSettles, uncorrectedStepRatio } from "../../lib/analysis/adam.js";

describe("uncorrectedRatioSettles(β₁, β₂, tol)", () => {
  it("is the first t from which the ratio stays within tol of 1", () => {
    for (const [b1, b2] of [[0.9, 0.999], [0.9, 0.9], [0.5, 0.99]]) {
      const t = uncorrectedRatioSettles(b1, b2)!;
      expect(Math.abs(uncorrectedStepRatio(t, b1, b2) - 1)).toBeLessThan(0.01);
      expect(Math.abs(uncorrectedStepRatio(t - 1, b1, b2) - 1)).toBeGreaterThanOrEqual(0.01);
    }
  });
  it("takes thousands of steps near β₂ = 0.999 and tens at β₂ = 0.9 (β₁ = 0.9)", () => {
    expect(uncorrectedRatioSettles(0.9, 0.999)).toBeGreaterThan(1000);
    expect(uncorrectedRatioSettles(0.9, 0.9)).toBeLessThan(100);
  });
});
