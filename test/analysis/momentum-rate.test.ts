import { describe, expect, it } from "vitest";
import {
  gdRate,
  linspace,
  measuredRate,
  momentumLrLimit,
  momentumMatrix,
  momentumRate,
  momentumRateAt,
  momentumRoots,
  momentumScalarPath,
  nesterovLrLimit,
  nesterovRate,
  nesterovRateAt,
  nesterovStandard,
  optimalGd,
  optimalMomentum,
  optimalNesterov,
  quadraticRoots,
  rateGrid,
  stepsToShrink,
} from "../../lib/analysis/momentum-rate.js";
import { maxAbsDiff, momentumVelocity } from "../../lib/analysis/momentum-conventions.js";
import { minimize } from "../../lib/run.js";
import { ravine } from "../../lib/objectives/ravine.js";
import { quadratic } from "../../lib/objectives/quadratic.js";
import { momentum, momentumEwa, nesterov, nesterovLookahead, sgd } from "../../lib/optimizers/index.js";

const RAVINE = [0.2, 4];

describe("quadraticRoots(trace, det)", () => {
  it("gives real roots whose sum is the trace and product the determinant", () => {
    // σ² − 5σ + 6 = (σ − 2)(σ − 3)
    const [a, b] = quadraticRoots(5, 6);
    expect([a.re, b.re].sort()).toEqual([2, 3]);
    expect(a.im).toBe(0);
    const [c, d] = quadraticRoots(-1.5, -0.7);
    expect(c.re + d.re).toBeCloseTo(-1.5, 14);
    expect(c.re * d.re).toBeCloseTo(-0.7, 14);
  });
  it("gives conjugate complex roots of modulus √det when the discriminant is negative", () => {
    // σ² − σ + 1: σ = ½ ± i√3/2
    const [a, b] = quadraticRoots(1, 1);
    expect(a.re).toBeCloseTo(0.5, 14);
    expect(a.im).toBeCloseTo(Math.sqrt(3) / 2, 14);
    expect(b.im).toBeCloseTo(-Math.sqrt(3) / 2, 14);
  });
});

describe("momentumRateAt(lr, beta, lambda)", () => {
  it("is |1 − ηλ| when β = 0 (gradient descent)", () => {
    for (const h of [0.1, 0.9, 1.5, 2.5]) expect(momentumRateAt(h, 0, 1)).toBeCloseTo(Math.abs(1 - h), 14);
    expect(momentumRate(0.4, 0, RAVINE)).toBeCloseTo(gdRate(0.4, RAVINE), 14);
  });
  it("is the spectral radius of the companion matrix [[1 + β − ηλ, −β], [1, 0]]", () => {
    const [m11, m12, m21, m22] = momentumMatrix(0.6, 0.5, 4);
    expect([m11, m12, m21, m22]).toEqual([1 + 0.5 - 2.4, -0.5, 1, 0]);
    const [s1, s2] = momentumRoots(0.6, 0.5, 4);
    // Characteristic polynomial: trace and determinant.
    expect(s1.re + s2.re).toBeCloseTo(m11 + m22, 14);
    expect(s1.re * s2.re - s1.im * s2.im).toBeCloseTo(m11 * m22 - m12 * m21, 14);
  });
  it("predicts the shrink of the 1-D iterates over a long run", () => {
    for (const [h, b] of [
      [0.3, 0.2],
      [0.5, 0.5],
      [1.2, 0.3],
      [0.05, 0.9],
    ]) {
      const path = momentumScalarPath(h, b, 1, 1, 400);
      const measured = measuredRate(path, 1, [0], 200, 400);
      // Oscillating runs: compare through the envelope, good to a few per cent.
      expect(Math.abs(measured - momentumRateAt(h, b, 1))).toBeLessThan(0.03);
    }
  });
  it("matches lib's momentum (torch's SGD) on the ravine", () => {
    const run = minimize(ravine(), momentum({ lr: 0.6, momentum: 0.5 }), [-5, -2], { steps: 300 });
    const measured = measuredRate(run.x, 2, [0, 0], 150, 300);
    expect(measured).toBeCloseTo(momentumRate(0.6, 0.5, RAVINE), 2);
  });
  it("crosses 1 at the stability limit ηλ = 2 + 2β", () => {
    for (const b of [0, 0.25, 0.5, 0.9]) {
      const lim = momentumLrLimit(b, 4);
      expect(lim).toBeCloseTo((2 + 2 * b) / 4, 14);
      expect(momentumRateAt(lim * 0.999, b, 4)).toBeLessThan(1);
      expect(momentumRateAt(lim * 1.001, b, 4)).toBeGreaterThan(1);
    }
  });
});

describe("optimal tunings", () => {
  const grid = linspace(0.2, 4, 60);
  it("optimalGd(mu, L) has rate (κ − 1)/(κ + 1) = gdRate at η = 2/(μ + L)", () => {
    const o = optimalGd(0.2, 4);
    expect(o.lr).toBeCloseTo(2 / 4.2, 14);
    expect(o.rate).toBeCloseTo(19 / 21, 14);
    expect(gdRate(o.lr, RAVINE)).toBeCloseTo(o.rate, 14);
  });
  it("optimalMomentum(mu, L) achieves (√κ − 1)/(√κ + 1) on every curvature in [μ, L], and no grid point beats it", () => {
    const o = optimalMomentum(0.2, 4);
    const sk = Math.sqrt(20);
    expect(o.rate).toBeCloseTo((sk - 1) / (sk + 1), 14);
    expect(Math.sqrt(o.beta)).toBeCloseTo(o.rate, 14);
    expect(momentumRate(o.lr, o.beta, grid)).toBeCloseTo(o.rate, 10);
    const cells = rateGrid((lr, beta) => momentumRate(lr, beta, RAVINE), linspace(0.01, 1, 100), linspace(0, 0.99, 100));
    const best = Math.min(...cells.map((c) => c.rate));
    expect(best).toBeGreaterThanOrEqual(o.rate - 1e-9);
    expect(best).toBeLessThan(o.rate + 0.02);
  });
  it("nesterovStandard(mu, L) has rate 1 − 1/√κ on [μ, L]", () => {
    const o = nesterovStandard(0.2, 4);
    expect(o.rate).toBeCloseTo(1 - 1 / Math.sqrt(20), 14);
    expect(nesterovRate(o.lr, o.beta, grid)).toBeCloseTo(o.rate, 6);
  });
  it("optimalNesterov(mu, L) has rate 1 − 2/√(3κ + 1) on [μ, L], and no grid point beats it", () => {
    const o = optimalNesterov(0.2, 4);
    expect(o.rate).toBeCloseTo(1 - 2 / Math.sqrt(61), 14);
    expect(nesterovRate(o.lr, o.beta, grid)).toBeCloseTo(o.rate, 6);
    const cells = rateGrid((lr, beta) => nesterovRate(lr, beta, RAVINE), linspace(0.01, 0.6, 120), linspace(0, 0.99, 100));
    expect(Math.min(...cells.map((c) => c.rate))).toBeGreaterThanOrEqual(o.rate - 1e-9);
  });
  it("reject curvatures that are not 0 < μ ≤ L", () => {
    expect(() => optimalMomentum(0, 1)).toThrow(RangeError);
    expect(() => optimalGd(2, 1)).toThrow(/mu ≤ L/);
  });
});

describe("nesterovRateAt(lr, beta, lambda)", () => {
  it("predicts lib's nesterov (torch form) and nesterovLookahead on a 2-D quadratic", () => {
    const q = quadratic([
      [1, 0],
      [0, 10],
    ]);
    for (const opt of [nesterov({ lr: 0.1, momentum: 0.5 }), nesterovLookahead({ lr: 0.1, momentum: 0.5 })]) {
      const run = minimize(q, opt, [1, 1], { steps: 400 });
      expect(measuredRate(run.x, 2, [0, 0], 200, 400)).toBeCloseTo(nesterovRate(0.1, 0.5, [1, 10]), 2);
    }
  });
  it("is stable exactly below ηλ = (2 + 2β)/(1 + 2β)", () => {
    for (const b of [0, 0.5, 0.9]) {
      const lim = nesterovLrLimit(b, 1);
      expect(nesterovRateAt(lim * 0.999, b, 1)).toBeLessThan(1);
      expect(nesterovRateAt(lim * 1.001, b, 1)).toBeGreaterThan(1);
    }
  });
});

describe("stepsToShrink(rate, factor)", () => {
  it("is ln(factor)/ln(rate), ∞ for rate ≥ 1", () => {
    expect(stepsToShrink(0.1, 1e-6)).toBeCloseTo(6, 12);
    expect(stepsToShrink(1, 1e-6)).toBe(Infinity);
  });
});

describe("momentum conventions", () => {
  it("momentumVelocity({lr, momentum}) follows u ← γu + ηg, θ ← θ − u by hand", () => {
    // f = 0.1x1² + 2x2², from (−5, −2), η = 0.1, γ = 0.5
    // g1 = (−1, −8): u1 = (−0.1, −0.8), θ1 = (−4.9, −1.2)
    // g2 = (−0.98, −4.8): u2 = 0.5·u1 + 0.1·g2 = (−0.148, −0.88), θ2 = (−4.752, −0.32)
    const run = minimize(ravine(), momentumVelocity({ lr: 0.1, momentum: 0.5 }), [-5, -2], { steps: 2 });
    expect(run.x[2]).toBeCloseTo(-4.9, 14);
    expect(run.x[3]).toBeCloseTo(-1.2, 14);
    expect(run.x[4]).toBeCloseTo(-4.752, 14);
    expect(run.x[5]).toBeCloseTo(-0.32, 14);
  });
  it("the three conventions trace one trajectory after reparameterization", () => {
    const eta = 0.6, beta = 0.5;
    const torch = minimize(ravine(), momentum({ lr: eta, momentum: beta }), [-5, -2], { steps: 60 });
    const velocity = minimize(ravine(), momentumVelocity({ lr: eta, momentum: beta }), [-5, -2], { steps: 60 });
    const ewaForm = minimize(ravine(), momentumEwa({ lr: eta / (1 - beta), beta }), [-5, -2], { steps: 60 });
    expect(maxAbsDiff(torch.x, velocity.x)).toBeLessThan(1e-12);
    expect(maxAbsDiff(torch.x, ewaForm.x)).toBeLessThan(1e-12);
  });
  it("differ under a schedule (torch rescales the whole buffer, the velocity form only the new gradient)", () => {
    const schedule = (t: number) => (t <= 5 ? 0.4 : 0.1);
    const torch = minimize(ravine(), momentum({ lr: schedule, momentum: 0.9 }), [-5, -2], { steps: 20 });
    const velocity = minimize(ravine(), momentumVelocity({ lr: schedule, momentum: 0.9 }), [-5, -2], { steps: 20 });
    expect(maxAbsDiff(torch.x.subarray(0, 12), velocity.x.subarray(0, 12))).toBeLessThan(1e-12);
    expect(maxAbsDiff(torch.x, velocity.x)).toBeGreaterThan(1e-3);
  });
  it("momentumVelocity with momentum 0 is sgd; bad hyperparameters throw naming them", () => {
    const a = minimize(ravine(), momentumVelocity({ lr: 0.3, momentum: 0 }), [-5, -2], { steps: 10 });
    const b = minimize(ravine(), sgd({ lr: 0.3 }), [-5, -2], { steps: 10 });
    expect(maxAbsDiff(a.x, b.x)).toBe(0);
    expect(() => momentumVelocity({ lr: -1 })).toThrow(/lr/);
    expect(() => momentumVelocity({ lr: 0.1, momentum: -0.5 })).toThrow(/momentum/);
    expect(() => momentumVelocity({} as never)).toThrow(/lr is required/);
  });
});
