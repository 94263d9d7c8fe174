import { describe, expect, it } from "vitest";
import { adam, minimize, projectBox, ravine, reddiOnline } from "../../lib/index.js";
import { adamUncorrected, reddiPeriodic, scaled, uncorrectedStepRatio } from "../../lib/analysis/adam.js";

describe("uncorrectedStepRatio(t, β₁, β₂)", () => {
  it("is (1 − β₁)/√(1 − β₂) at t = 1: 0.1/√0.001 ≈ 3.16 for the defaults", () => {
    expect(uncorrectedStepRatio(1, 0.9, 0.999)).toBeCloseTo(0.1 / Math.sqrt(0.001), 12);
    expect(uncorrectedStepRatio(100000, 0.9, 0.999)).toBeCloseTo(1, 6);
  });
});

describe("adamUncorrected(options)", () => {
  it("first step: m = (1 − β₁)g, v = (1 − β₂)g², Δ = η(1 − β₁)/√(1 − β₂)·sign g", () => {
    const opt = adamUncorrected({ lr: 0.01 });
    const p = Float64Array.of(0);
    opt.step(p, Float64Array.of(2), opt.init(1));
    expect(p[0]).toBeCloseTo((-0.01 * 0.1 * 2) / (Math.sqrt(0.001 * 4) + 1e-8), 14);
  });
  it("takes the steps of Adam times the uncorrected ratio (ε aside) on its first step", () => {
    const a = minimize(ravine(), adamUncorrected({ lr: 0.1 }), [-5, -2], { steps: 1 });
    const b = minimize(ravine(), adam({ lr: 0.1 }), [-5, -2], { steps: 1 });
    expect((a.x[2] + 5) / (b.x[2] + 5)).toBeCloseTo(uncorrectedStepRatio(1, 0.9, 0.999), 5);
  });
  it("rejects β outside [0, 1)", () => {
    expect(() => adamUncorrected({ beta1: 1 })).toThrow(RangeError);
  });
});

describe("reddiPeriodic(options)", () => {
  it("with period 3 is reddiOnline", () => {
    const a = reddiPeriodic({ period: 3 });
    const b = reddiOnline();
    const g = new Float64Array(1), h = new Float64Array(1);
    for (let t = 1; t <= 6; ++t) expect(a.grad(Float64Array.of(0), g, t)[0]).toBe(b.grad(Float64Array.of(0), h, t)[0]);
  });
  it("Adam (β₁ = 0.9, β₂ = 0.99) ends near +1 on the §5 problem; the optimum is −1", () => {
    const t = minimize(reddiPeriodic(), adam({ lr: 0.01, beta1: 0.9, beta2: 0.99 }), [0], { steps: 5000, project: projectBox(-1, 1) });
    expect(t.x[5000]).toBeGreaterThan(0.5);
  });
  it("rejects a large gradient that does not outweigh the small ones", () => {
    expect(() => reddiPeriodic({ period: 3, large: 20, small: 10 })).toThrow(RangeError);
  });
});

describe("scaled(objective, c)", () => {
  it("scales value and gradient", () => {
    const f = scaled(ravine(), 10);
    const x = Float64Array.of(1, 1);
    expect(f.value(x)).toBeCloseTo(21, 12);
    expect(Array.from(f.grad(x, new Float64Array(2)))).toEqual([2, 40]);
    expect(f.minValue).toBe(0);
  });
});

import { adamFirstStepRatio } from "../../lib/analysis/adam.js";
describe("adamFirstStepRatio(g, eps, beta2, form)", () => {
  it("matches the library's Adam (ε outside) and the closed forms", () => {
    const g = 1e-7, eps = 1e-8;
    const p = Float64Array.of(0);
    const opt = adam({ lr: 1, eps });
    opt.step(p, Float64Array.of(g), opt.init(1));
    expect(adamFirstStepRatio(g, eps, 0.999, "outside")).toBeCloseTo(Math.abs(p[0]), 12);
    expect(adamFirstStepRatio(g, eps, 0.999, "outside")).toBeCloseTo(g / (g + eps), 12);
    expect(adamFirstStepRatio(g, eps, 0.999, "hat")).toBeCloseTo(g / (g + eps / Math.sqrt(0.001)), 10);
    expect(adamFirstStepRatio(g, eps, 0.999, "inside")).toBeCloseTo(g / Math.sqrt(g * g + eps), 10);
  });
});
