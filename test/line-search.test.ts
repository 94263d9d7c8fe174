import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backtracking, goldenSection, minimizeWithLineSearch } from "../lib/line-search.js";
import { parabola } from "../lib/objectives/parabola.js";
import { quadratic } from "../lib/objectives/quadratic.js";
import { ravine } from "../lib/objectives/ravine.js";
import { rosenbrock } from "../lib/objectives/rosenbrock.js";

describe("line search", () => {
  it("backtracking(parabola, [1], [−2]) halves α = 1 once", () => {
    // f(1) = 1, slope = f′(1)·d = 2·(−2) = −4.
    // α = 1:   f(1 − 2) = 1 > 1 + 1e-4·1·(−4) = 0.9996        → reject
    // α = 0.5: f(1 − 1) = 0 ≤ 1 + 1e-4·0.5·(−4) = 0.9998     → accept
    const r = backtracking(parabola(), [1], [-2]);
    expect(r.alpha).toBe(0.5);
    expect(r.value).toBe(0);
    expect(r.satisfied).toBe(true);
    expect(r.evaluations).toEqual({ value: 3, grad: 1 });
    expect(r.points).toEqual([{ alpha: 1, value: 1 }, { alpha: 0.5, value: 0 }]);
  });

  it("backtracking(objective, x, −∇f) returns an α where the Armijo condition holds (Rosenbrock, random points)", () => {
    const f = rosenbrock();
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -1, max: 3, noNaN: true }), (a, b) => {
        const x = new Float64Array([a, b]);
        const g = f.grad(x, new Float64Array(2));
        const d = [-g[0], -g[1]];
        const slope = -(g[0] * g[0] + g[1] * g[1]);
        if (slope === 0) return;
        const r = backtracking(f, x, d, { c: 1e-4, rho: 0.5 });
        expect(r.satisfied).toBe(true);
        expect(f.value(new Float64Array([a + r.alpha * d[0], b + r.alpha * d[1]]))).toBeLessThanOrEqual(f.value(x) + 1e-4 * r.alpha * slope);
        // and the previous, larger trial failed it
        if (r.alpha < 1) {
          const big = 2 * r.alpha;
          expect(f.value(new Float64Array([a + big * d[0], b + big * d[1]]))).toBeGreaterThan(f.value(x) + 1e-4 * big * slope);
        }
      }),
      { seed: 42, numRuns: 300 }
    );
  });

  it("backtracking(objective, x, d) throws for an uphill d and returns α = 0 for a flat one", () => {
    expect(() => backtracking(parabola(), [1], [1])).toThrow(/backtracking: direction must be a descent direction \(∇f\(x\)·d < 0\), got ∇f\(x\)·d = 2/);
    const flat = backtracking(parabola(), [0], [1]);
    expect([flat.alpha, flat.satisfied]).toEqual([0, false]);
  });

  it("goldenSection(quadratic, x, d, { tol }) finds the exact minimizer along the line within tol", () => {
    const f = quadratic([[2, 1], [1, 3]], [1, 1]);
    const x = new Float64Array([1, -1]);
    const g = f.grad(x, new Float64Array(2)); // A·x − b = (2 − 1 − 1, 1 − 3 − 1) = (0, −3)
    expect(Array.from(g)).toEqual([0, -3]);
    const d = [-g[0], -g[1]];
    // φ(α) = f(x + αd) is minimized at α* = gᵀg/(gᵀAg) = 9/(9·3) = 1/3
    for (const tol of [1e-3, 1e-6, 1e-8]) {
      const r = goldenSection(f, x, d, { lo: 0, hi: 2, tol });
      expect(Math.abs(r.alpha - 1 / 3)).toBeLessThanOrEqual(tol / 2);
      expect(r.evaluations.grad).toBe(0);
      // the bracket shrinks by 0.618 per evaluation: about log(2/tol)/log(1/0.618) + 2 of them
      expect(r.evaluations.value).toBeLessThanOrEqual(Math.ceil(Math.log(2 / tol) / Math.log((1 + Math.sqrt(5)) / 2)) + 3);
    }
  });

  it("goldenSection(...) spends N = 1 + ⌈ln((hi − lo)/tol)/ln(1/τ)⌉ values to shrink the bracket below tol, plus one for the returned midpoint", () => {
    const f = parabola();
    const tau = (Math.sqrt(5) - 1) / 2;
    for (const [hi, tol] of [[1, 1e-6], [2, 1e-3], [10, 1e-4], [1, 0.5]] as const) {
      const r = goldenSection(f, [1], [-1], { lo: 0, hi, tol, maxIter: 1000 });
      const n = 1 + Math.ceil(Math.log(hi / tol) / Math.log(1 / tau));
      expect(r.evaluations.value).toBe(n + 1);
      expect(r.points.length).toBe(n + 1);
    }
  });

  it("goldenSection(objective, x, d) throws on hi ≤ lo and tol ≤ 0", () => {
    expect(() => goldenSection(parabola(), [1], [-1], { lo: 1, hi: 1 })).toThrow(/goldenSection: hi must be a finite number in \(1, ∞\), got 1/);
    expect(() => goldenSection(parabola(), [1], [-1], { tol: 0 })).toThrow(/goldenSection: tol/);
    expect(() => goldenSection(parabola(), [1, 2], [-1])).toThrow(/goldenSection: x has length 2, expected 1/);
  });

  it("minimizeWithLineSearch(ravine, x0, { search: 'golden' }) zig-zags at right angles (exact line search)", () => {
    // along −∇f the exact step gᵀg/(gᵀAg) lies in [1/4, 5] (A = diag(0.2, 4)), so search [0, 10]
    const traj = minimizeWithLineSearch(ravine(), [-5, -2], { steps: 20, search: "golden", hi: 10, tol: 1e-9 });
    expect(traj.steps).toBe(20);
    expect(traj.alpha.length).toBe(20);
    // successive steps are orthogonal: (x_{k+1} − x_k)·(x_{k+2} − x_{k+1}) ≈ 0
    for (let k = 0; k + 2 <= 20; ++k) {
      const d1 = [traj.x[2 * k + 2] - traj.x[2 * k], traj.x[2 * k + 3] - traj.x[2 * k + 1]];
      const d2 = [traj.x[2 * k + 4] - traj.x[2 * k + 2], traj.x[2 * k + 5] - traj.x[2 * k + 3]];
      const cos = (d1[0] * d2[0] + d1[1] * d2[1]) / Math.hypot(...d1) / Math.hypot(...d2);
      expect(Math.abs(cos)).toBeLessThan(1e-6);
    }
    for (let k = 1; k <= 20; ++k) expect(traj.loss[k]).toBeLessThan(traj.loss[k - 1]);
    expect(traj.gradEvaluations.every((n) => n === 1)).toBe(true);
  });

  it("minimizeWithLineSearch(rosenbrock, x0, { search: 'backtracking' }) decreases the loss monotonically and counts evaluations", () => {
    const traj = minimizeWithLineSearch(rosenbrock(), [-1.2, 1], { steps: 200 });
    expect(traj.steps).toBe(200);
    for (let k = 1; k <= traj.steps; ++k) expect(traj.loss[k]).toBeLessThan(traj.loss[k - 1]);
    expect(traj.valueEvaluations.every((n) => n >= 1)).toBe(true);
    expect(traj.effectiveLr[0]).toBe(traj.alpha[0]);
    expect(traj.diverged).toBe(false);
  });

  it("minimizeWithLineSearch(parabola, [1], { gradTol }) stops at a stationary point and says why", () => {
    // backtracking from x = 1: α = 0.5 lands on 0 exactly, where f′ = 0
    const traj = minimizeWithLineSearch(parabola(), [1], { steps: 10 });
    expect(traj.steps).toBe(1);
    expect(traj.x[1]).toBe(0);
    expect(traj.reason).toMatch(/stationary/);
  });

  it("minimizeWithLineSearch(objective, x0, options) throws on bad options", () => {
    expect(() => minimizeWithLineSearch(parabola(), [1], { steps: 1, search: "bisection" as never })).toThrow(/search must be "backtracking", "golden", "newton" or "secant", got "bisection"/);
    const noHessian = { dim: 1, name: "noHessian", value: (x: Float64Array) => x[0] * x[0], grad: (x: Float64Array, g: Float64Array) => ((g[0] = 2 * x[0]), g) };
    expect(() => minimizeWithLineSearch(noHessian as never, [1], { steps: 1, search: "newton" })).toThrow(/search "newton" needs an objective with a hessian/);
    expect(() => minimizeWithLineSearch(parabola(), [1], { steps: -1 })).toThrow(/minimizeWithLineSearch: steps/);
    expect(() => minimizeWithLineSearch(parabola(), [1, 2], { steps: 1 })).toThrow(/x0 has length 2, expected 1/);
    expect(() => minimizeWithLineSearch(parabola(), [1], { steps: 1, beta: 2 } as never)).toThrow(/unknown option "beta"/);
  });
});

import { newtonLineSearch, secantLineSearch } from "../lib/line-search.js";
import { doubleWell } from "../lib/objectives/double-well.js";

describe("newtonLineSearch(objective, x, d) and secantLineSearch(objective, x, d)", () => {
  // Ravine from (−5, −2) along d = −∇f = (1, 8): φ(α) = 0.1(−5 + α)² + 2(−2 + 8α)²,
  // φ′(0) = −‖g‖² = −65, φ″ = dᵀAd = 0.2·1 + 4·64 = 256.2, so α* = 65/256.2.
  const exact = 65 / 256.2;
  it("Newton–Raphson lands on the minimizer of a quadratic's line in one update", () => {
    const r = newtonLineSearch(ravine(), [-5, -2], [1, 8]);
    expect(r.points[1].alpha).toBeCloseTo(exact, 14);
    expect(r.satisfied).toBe(true);
    // One update, one more derivative pair to see that it stopped moving.
    expect(r.evaluations).toEqual({ value: 0, grad: 2, hessian: 2 });
  });
  it("the secant update is exact after its two starting points on a quadratic", () => {
    const r = secantLineSearch(ravine(), [-5, -2], [1, 8], { alpha0: 0, alpha1: 1 });
    expect(r.points[2].alpha).toBeCloseTo(exact, 14);
    expect(r.satisfied).toBe(true);
    expect(r.evaluations.grad).toBe(3);
  });
  it("both head for the nearest stationary point of φ: on the double well from x = 0.5 they find the hump, a maximum", () => {
    // f′(0.5) = 0.5 − 4 + 1 = −2.5, so d = 2.5; φ″(0) = f″(0.5)·6.25 = (3 − 8)·6.25 < 0: Newton's first step goes backwards.
    const n = newtonLineSearch(doubleWell(), [0.5], [2.5]);
    expect(n.points[1].alpha).toBeCloseTo(-0.2, 14); // −φ′/φ″ = −(−6.25)/(−31.25)
    const s = secantLineSearch(doubleWell(), [0.5], [2.5]);
    for (const r of [n, s]) {
      expect(r.satisfied).toBe(false);
      const xEnd = 0.5 + 2.5 * r.alpha;
      expect(4 * xEnd ** 3 - 8 * xEnd + 1).toBeCloseTo(0, 9); // stationary…
      expect(12 * xEnd ** 2 - 8).toBeLessThan(0); // …and a maximum
      expect(r.value).toBeGreaterThan(doubleWell().value(Float64Array.of(0.5))); // higher than where it started
    }
  });
  it("rejects bad input with the parameter's name", () => {
    expect(() => secantLineSearch(ravine(), [-5, -2], [1, 8], { alpha0: 1, alpha1: 1 })).toThrow(/alpha0 and alpha1 must differ/);
    expect(() => newtonLineSearch(ravine(), [-5, -2], [1, 8], { tol: 0 })).toThrow(/tol/);
    const noHessian = { ...ravine(), hessian: undefined };
    expect(() => newtonLineSearch(noHessian, [-5, -2], [1, 8])).toThrow(/hessian/);
  });
});


describe("minimizeWithLineSearch with derivative line searches", () => {
  it("newton and secant take the exact step α* = ‖g‖²/(gᵀAg) on the ravine 0.1x₁² + 2x₂², and count their evaluations", () => {
    const f = ravine();
    for (const search of ["newton", "secant"] as const) {
      const run = minimizeWithLineSearch(f, [-5, -2], { steps: 5, search });
      let x1 = -5, x2 = -2;
      for (let k = 0; k < 5; ++k) {
        const g1 = 0.2 * x1, g2 = 4 * x2;
        const alpha = (g1 * g1 + g2 * g2) / (0.2 * g1 * g1 + 4 * g2 * g2);
        expect(run.alpha[k]).toBeCloseTo(alpha, 10);
        x1 -= alpha * g1;
        x2 -= alpha * g2;
      }
      expect(run.x[10]).toBeCloseTo(x1, 10);
      expect(run.x[11]).toBeCloseTo(x2, 10);
      // Newton: gradient + curvature at α = 0 and at the landing point (which confirms it), plus the gradient at the new x.
      // Secant: gradients at α = 0 and 1, at the first update's point, plus the gradient at the new x.
      expect(Array.from(run.gradEvaluations)).toEqual(new Array(5).fill(search === "newton" ? 3 : 4));
      expect(Array.from(run.hessianEvaluations)).toEqual(new Array(5).fill(search === "newton" ? 2 : 0));
      expect(Array.from(run.valueEvaluations)).toEqual(new Array(5).fill(0));
    }
  });

  it("stops and says why when the derivative search ends where φ″ ≤ 0 (the double well's hump)", () => {
    const run = minimizeWithLineSearch(doubleWell(), [0.5], { steps: 5, search: "newton" });
    expect(run.steps).toBe(0);
    expect(run.reason).toMatch(/newton line search did not end at a minimum along the line at step 1/);
  });
});
