import { describe, expect, it } from "vitest";
import { angleBetween, directionScan } from "../../lib/analysis/steepest-direction.js";
import { ravine } from "../../lib/objectives/ravine.js";
import { parabola } from "../../lib/objectives/parabola.js";
import { quadratic } from "../../lib/objectives/index.js";

describe("directionScan(objective, x, delta)", () => {
  it("predicts δ·uᵀ∇f and finds −∇f as the steepest direction", () => {
    const s = directionScan(ravine(), [-5, -2], 0.01, 720);
    // ∇f(−5, −2) = (−1, −8), so −∇f points at atan2(8, 1).
    expect(Array.from(s.gradient)).toEqual([-1, -8]);
    expect(s.steepestAngle).toBeCloseTo(Math.atan2(8, 1), 12);
    expect(s.rows[0].slope).toBeCloseTo(-1, 12);
    expect(s.rows[0].predicted).toBeCloseTo(-0.01, 12);
    // The sampled best actual direction is within one sample (0.5°) of −∇f for small δ.
    expect(angleBetween(s.bestActualAngle, s.steepestAngle)).toBeLessThan((2 * Math.PI) / 720 + 1e-9);
    // The actual change differs from the prediction by O(δ²).
    for (const r of s.rows) expect(Math.abs(r.actual - r.predicted)).toBeLessThanOrEqual(2 * 0.01 ** 2 * (1 + 1e-9));
  });
  it("polishes the best direction between samples, so the gap to −∇f does not depend on the grid", () => {
    const bowl = quadratic([[2.5, 1.5], [1.5, 2.5]]);
    for (const delta of [0.01, 0.1, 10 ** -0.5, 1]) {
      const coarse = directionScan(bowl, [-4, 1.5], delta, 720);
      const fine = directionScan(bowl, [-4, 1.5], delta, 72000);
      // A 100× finer grid puts its best sample within its own spacing (0.005°) of the polished angle.
      expect(angleBetween(coarse.bestActualAngle, fine.bestSampledAngle)).toBeLessThan((2 * Math.PI) / 72000);
      // The polished angle is at least as good as every sample.
      const at = (a: number) => bowl.value(Float64Array.of(-4 + delta * Math.cos(a), 1.5 + delta * Math.sin(a)));
      for (const r of coarse.rows) expect(at(coarse.bestActualAngle)).toBeLessThanOrEqual(at(r.angle) + 1e-15);
    }
    // At δ = 0.1 the sampled gap reads 0.69° but the true one is 0.917°.
    const s = directionScan(bowl, [-4, 1.5], 0.1, 720);
    expect((angleBetween(s.bestActualAngle, s.steepestAngle) * 180) / Math.PI).toBeCloseTo(0.917, 3);
  });
  it("angleBetween wraps around", () => {
    expect(angleBetween(0.1, 2 * Math.PI - 0.1)).toBeCloseTo(0.2, 12);
    expect(() => directionScan(parabola(), [1], 0.1)).toThrow(RangeError);
  });
});

import { cumulativeEvaluations, lineProfile } from "../../lib/analysis/line-profile.js";

describe("lineProfile(objective, x, d, alphaMax)", () => {
  it("samples φ(α) = f(x + αd) with φ′(0) = ∇fᵀd", () => {
    const prof = lineProfile(ravine(), [-5, -2], [1, 8], 0.5, 10);
    expect(prof.f0).toBeCloseTo(10.5, 12); // 0.1·25 + 2·4
    expect(prof.slope).toBeCloseTo(-65, 12); // (−1, −8)·(1, 8)
    expect(prof.rows.length).toBe(11);
    expect(prof.rows[10].value).toBeCloseTo(0.1 * 4.5 ** 2 + 2 * 2 ** 2, 12);
    expect(Array.from(cumulativeEvaluations([2, 3], 1))).toEqual([1, 3, 6]);
  });
});

import { fixedStepDescent } from "../../lib/analysis/steepest-direction.js";

describe("fixedStepDescent(objective, x0, delta, steps)", () => {
  it("takes steps of length δ and hops across the minimum of x²", () => {
    const t = fixedStepDescent(parabola(), [1.05], 0.1, 15);
    // 1.05 → 0.95 → … → 0.05 → −0.05 → 0.05 …: ten steps down, then a hop back and forth.
    expect(t.x[10]).toBeCloseTo(0.05, 12);
    expect(t.x[11]).toBeCloseTo(-0.05, 12);
    expect(t.x[12]).toBeCloseTo(0.05, 12);
    expect(t.effectiveLr[0]).toBeCloseTo(0.1 / 2.1, 12);
  });
});

import { costToReach } from "../../lib/analysis/line-profile.js";

describe("costToReach(loss, cost, target)", () => {
  it("returns the cost at the first loss at or below the target", () => {
    expect(costToReach([5, 2, 0.5, 0.1], [0, 3, 6, 9], 0.5)).toBe(6);
    expect(costToReach([5, 2], [0, 3], 0.5)).toBe(Infinity);
  });
});

import { alphaSegments } from "../../lib/analysis/line-profile.js";
import { minimizeWithLineSearch } from "../../lib/line-search.js";

describe("alphaSegments(alpha)", () => {
  it("groups equal consecutive step sizes", () => {
    expect(alphaSegments([0.5, 0.5, 0.25, 1, 1])).toEqual([{ from: 1, to: 2, alpha: 0.5 }, { from: 3, to: 3, alpha: 0.25 }, { from: 4, to: 5, alpha: 1 }]);
    expect(alphaSegments([])).toEqual([]);
  });
  it("tells backtracking's story on the ravine at α₀ = 1, ρ = 0.5: 0.5 for steps 1–24, 0.25 at step 25 (zeroing x₂), then 1", () => {
    const run = minimizeWithLineSearch(ravine(), [-5, -2], { steps: 40, search: "backtracking", alpha0: 1, rho: 0.5 });
    expect(alphaSegments(run.alpha)).toEqual([{ from: 1, to: 24, alpha: 0.5 }, { from: 25, to: 25, alpha: 0.25 }, { from: 26, to: 40, alpha: 1 }]);
    expect(run.x[2 * 25 + 1]).toBe(0); // 1 − 4·0.25 = 0, exactly
  });
});
