import { describe, expect, it } from "vitest";
import { expectedLoss, noiseFloor, noisySgd, tailMean } from "../../lib/analysis/noisy-quadratic.js";
import { constant, timeDecay } from "../../lib/schedules.js";

const P = { lambdas: [0.2, 4], sigma: 1, x0: [-5, -2] };

describe("noisy quadratic", () => {
  it("expectedLoss with σ = 0 is plain GD: x ← (1 − ηλ)x", () => {
    const e = expectedLoss({ ...P, sigma: 0 }, constant(0.1), 2);
    // x₁: −5 → −4.9 → −4.802; x₂: −2 → −1.2 → −0.72
    expect(e.loss[0]).toBeCloseTo(0.1 * 25 + 2 * 4, 12);
    expect(e.loss[2]).toBeCloseTo(0.1 * 4.802 ** 2 + 2 * 0.72 ** 2, 12);
  });

  it("expectedLoss settles at noiseFloor for a constant rate", () => {
    const e = expectedLoss(P, constant(0.05), 5000);
    expect(e.loss[5000]).toBeCloseTo(noiseFloor(P.lambdas, 1, 0.05), 10);
    // ≈ dim·ησ²/4 for small η
    expect(noiseFloor(P.lambdas, 1, 1e-4) / (2 * 1e-4 / 4)).toBeCloseTo(1, 3);
  });

  it("the sample path's tail mean agrees with the expectation", () => {
    const run = noisySgd(P, constant(0.05), 40000, 3);
    expect(tailMean(run.loss, 30000) / noiseFloor(P.lambdas, 1, 0.05)).toBeGreaterThan(0.9);
    expect(tailMean(run.loss, 30000) / noiseFloor(P.lambdas, 1, 0.05)).toBeLessThan(1.1);
  });

  it("a decaying rate goes below the constant rate's floor", () => {
    const e = expectedLoss(P, timeDecay(0.2, 0.01), 5000);
    expect(e.loss[5000]).toBeLessThan(noiseFloor(P.lambdas, 1, 0.05) / 5);
  });

  it("diverges, and says where, when ηλ > 2", () => {
    expect(noiseFloor(P.lambdas, 1, 0.6)).toBe(Infinity);
    const run = noisySgd(P, constant(0.6), 1000, 0);
    expect(run.diverged).toBe(true);
    expect(run.divergedAt).toBeGreaterThan(1);
    expect(run.loss.length).toBe(run.divergedAt);
    expect(expectedLoss(P, constant(0.6), 1000).diverged).toBe(true);
  });

  it("same seed, same path", () => {
    expect(noisySgd(P, constant(0.1), 50, 7).loss).toEqual(noisySgd(P, constant(0.1), 50, 7).loss);
  });
});
