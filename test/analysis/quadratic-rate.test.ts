import { describe, expect, it } from "vitest";
import { gdFactors, gdRate, optimalStep, rateCurve, stableLimit, stepsToReduce } from "../../lib/analysis/quadratic-rate.js";
import { minimize } from "../../lib/run.js";
import { sgd } from "../../lib/optimizers/sgd.js";
import { ravine } from "../../lib/objectives/ravine.js";

// The seeds' ravine 0.1·x1² + 2·x2² has Hessian diag(0.2, 4).
const EIGS = [0.2, 4];

describe("quadratic rates", () => {
  it("gdFactors(eigs, eta) are |1 − ηλ|", () => {
    // η = 0.4: 1 − 0.08 = 0.92 and |1 − 1.6| = 0.6, the seeds' crawl.
    expect(Array.from(gdFactors(EIGS, 0.4))).toEqual([expect.closeTo(0.92, 12), expect.closeTo(0.6, 12)]);
    // η = 0.6: |1 − 2.4| = 1.4 > 1, the seeds' divergence in x2.
    expect(gdFactors(EIGS, 0.6)[1]).toBeCloseTo(1.4, 12);
  });
  it("gdRate, stableLimit and optimalStep on the ravine", () => {
    expect(gdRate(EIGS, 0.4)).toBeCloseTo(0.92, 12);
    expect(stableLimit(EIGS)).toBe(0.5);
    const o = optimalStep(EIGS);
    expect(o.eta).toBeCloseTo(2 / 4.2, 14);
    expect(o.kappa).toBeCloseTo(20, 12);
    expect(o.rate).toBeCloseTo(19 / 21, 14);
    expect(gdRate(EIGS, o.eta)).toBeCloseTo(o.rate, 12);
  });
  it("the rate predicts minimize's trajectory on the ravine", () => {
    const t = minimize(ravine(), sgd({ lr: 0.4 }), [-5, -2], { steps: 20 });
    expect(t.x[40]).toBeCloseTo(-5 * 0.92 ** 20, 12);
    expect(t.x[41]).toBeCloseTo(-2 * (-0.6) ** 20, 12);
  });
  it("stepsToReduce(rate, factor) is ⌈ln factor / ln rate⌉", () => {
    expect(stepsToReduce(0.5, 1e-3)).toBe(10); // 0.5^10 = 1/1024
    expect(stepsToReduce(1.2, 0.1)).toBe(Infinity);
    expect(() => stepsToReduce(0.5, 2)).toThrow(RangeError);
  });
  it("rateCurve has one series per eigenvalue plus the max", () => {
    const rows = rateCurve(EIGS, 1, 10);
    expect(rows.length).toBe(11 * 3);
    expect(new Set(rows.map((r) => r.series)).size).toBe(3);
    expect(() => gdRate([0, 1], 0.1)).toThrow(RangeError);
  });
});
