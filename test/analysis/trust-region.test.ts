import { describe, expect, it } from "vitest";
import { minimizeTrustRegion, trustRegionPath, trustRegionStep } from "../../lib/analysis/trust-region.js";
import { rosenbrock } from "../../lib/objectives/rosenbrock.js";

const norm = (p: ArrayLike<number>) => Math.hypot(...Array.from(p));

describe("trustRegionStep(g, B, radius)", () => {
  const B = [0.2, 0, 0, 4]; // the ravine's Hessian
  const g = [-1, -8]; // its gradient at (−5, −2)
  it("takes the Newton step −B⁻¹g when it fits", () => {
    const s = trustRegionStep(g, B, 10);
    expect(s.lambda).toBe(0);
    expect(s.onBoundary).toBe(false);
    expect(s.p[0]).toBeCloseTo(5, 12);
    expect(s.p[1]).toBeCloseTo(2, 12);
  });
  it("lands on the boundary, along −g for a tiny radius", () => {
    const s = trustRegionStep(g, B, 1);
    expect(norm(s.p)).toBeCloseTo(1, 10);
    expect(s.onBoundary).toBe(true);
    // (B + λI)p = −g
    expect((0.2 + s.lambda) * s.p[0]).toBeCloseTo(1, 8);
    expect((4 + s.lambda) * s.p[1]).toBeCloseTo(8, 8);
    const tiny = trustRegionStep(g, B, 1e-6);
    const cos = -(tiny.p[0] * g[0] + tiny.p[1] * g[1]) / (norm(tiny.p) * norm(g));
    expect(cos).toBeCloseTo(1, 6);
    expect(s.predictedDecrease).toBeGreaterThan(0);
  });
  it("handles an indefinite B and the hard case", () => {
    const s = trustRegionStep([1, 1], [1, 0, 0, -2], 0.5);
    expect(norm(s.p)).toBeCloseTo(0.5, 8);
    expect(s.lambda).toBeGreaterThan(2);
    const hard = trustRegionStep([1, 0], [1, 0, 0, -2], 2);
    expect(norm(hard.p)).toBeCloseTo(2, 8);
    expect(trustRegionPath(g, B, [0.5, 1, 20]).length).toBe(3);
  });
});

describe("minimizeTrustRegion", () => {
  it("solves Rosenbrock from (−1.2, 1)", () => {
    const run = minimizeTrustRegion(rosenbrock(), [-1.2, 1], { steps: 60, radius: 0.5 });
    const k = run.steps;
    expect(run.x[2 * k]).toBeCloseTo(1, 6);
    expect(run.x[2 * k + 1]).toBeCloseTo(1, 6);
    for (let i = 1; i <= k; ++i) expect(run.loss[i]).toBeLessThan(run.loss[i - 1]);
  });
});

describe("minimizeTrustRegion options", () => {
  it("stops at gradTol and reports the iterations run; rejects bad options by name", () => {
    const run = minimizeTrustRegion(rosenbrock(), [-1.2, 1], { steps: 200, radius: 1, gradTol: 1e-8 });
    expect(run.iterations).toBeLessThan(200);
    expect(run.radius.length).toBe(run.iterations);
    expect(run.loss[run.steps]).toBeLessThan(1e-12);
    expect(() => minimizeTrustRegion(rosenbrock(), [-1.2, 1], { steps: 10, radius: 0 })).toThrow(/radius/);
    expect(() => minimizeTrustRegion(rosenbrock(), [-1.2, 1], { steps: 10, eta: 0.5 })).toThrow(/eta/);
    expect(() => minimizeTrustRegion(rosenbrock(), [-1.2, 1, 3], { steps: 10 })).toThrow(/x0/);
  });
});
