import { describe, expect, it } from "vitest";
import { measureNoiseFloor, momentumNoiseFloor, noisyMomentum } from "../../lib/analysis/momentum-noise.js";
import { noiseFloor } from "../../lib/analysis/noisy-quadratic.js";

const lambdas = [0.2, 4], x0 = [-5, -2];

describe("momentumNoiseFloor(lambdas, sigma, lr, beta)", () => {
  it("is plain SGD's floor at β = 0", () => {
    for (const lr of [0.01, 0.1, 0.4]) expect(momentumNoiseFloor(lambdas, 1, lr, 0)).toBeCloseTo(noiseFloor(lambdas, 1, lr), 14);
  });
  it("grows like 1/(1 − β) at a fixed small η", () => {
    const a = momentumNoiseFloor([1e-3], 1, 1e-3, 0), b = momentumNoiseFloor([1e-3], 1, 1e-3, 0.9);
    expect(b / a).toBeCloseTo(10, 3);
  });
  it("equals SGD's floor at the step η/(1 − β) in the small-step limit", () => {
    const beta = 0.9, eff = 1e-4;
    expect(momentumNoiseFloor([1], 1, eff * (1 - beta), beta) / noiseFloor([1], 1, eff)).toBeCloseTo(1, 3);
  });
  it("is infinite at the stability limit ηλ = 2 + 2β", () => {
    expect(momentumNoiseFloor([4], 1, 0.75, 0.5)).toBe(Infinity);
  });
  it("rejects β = 1, naming it", () => {
    expect(() => momentumNoiseFloor(lambdas, 1, 0.1, 1)).toThrow(/beta/);
  });
});

describe("measureNoiseFloor(...)", () => {
  it("agrees with the closed form within 15% over 5 seeds (η = 0.02; β = 0, 0.9)", () => {
    for (const beta of [0, 0.9]) {
      const m = measureNoiseFloor(lambdas, 1, x0, 0.02, beta, { steps: 3000, tail: 1500, seeds: 5 });
      expect(Math.abs(m.mean / m.predicted - 1)).toBeLessThan(0.15);
    }
  });
  it("is deterministic for a seed", () => {
    expect(Array.from(noisyMomentum(lambdas, 1, x0, 0.05, 0.5, 50, 3))).toEqual(Array.from(noisyMomentum(lambdas, 1, x0, 0.05, 0.5, 50, 3)));
  });
});
