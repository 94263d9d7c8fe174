/**
 * Claims of the Adagrad, RMSprop/Adadelta and Adam chapters that describe a
 * live result under a control but are not generated from it: each test
 * evaluates the claim over the control's whole range (its extremes and a grid)
 * and is titled by the sentence it protects.
 */
import { describe, expect, it } from "vitest";
import { adagrad, adam, amsgrad, minimize, projectBox, ravine, reddiOnline, sgd } from "../../lib/index.js";
import { rotatedRavine } from "../../lib/analysis/adagrad.js";

describe("adagrad.md", () => {
  it("“gradient descent (η = 0.4) is at [one loss] at every angle” — rotation slider 0°…90°", () => {
    const losses: number[] = [];
    for (let turn = 0; turn <= 90; turn += 5) {
      const a = (turn * Math.PI) / 180;
      const start = [-5 * Math.cos(a) + 2 * Math.sin(a), -5 * Math.sin(a) - 2 * Math.cos(a)];
      losses.push(minimize(rotatedRavine(a), sgd({ lr: 0.4 }), start, { steps: 20 }).loss[20]);
    }
    for (const l of losses) expect(l).toBeCloseTo(losses[0], 10);
  });
  it("“Adagrad's first step moves both coordinates by η” (the first figure) — η slider 0.1…3", () => {
    for (let k = 1; k <= 30; ++k) {
      const lr = k / 10;
      const t = minimize(ravine(), adagrad({ lr }), [-5, -2], { steps: 1 });
      expect(t.x[2] + 5).toBeCloseTo(lr, 8);
      expect(t.x[3] + 2).toBeCloseTo(lr, 8);
    }
  });
});

describe("adam.md", () => {
  it("“From the defaults of the period-3 problem (η = 0.1), raising β₂ to 0.01 or β₁ to 0.5 lets Adam recover”", () => {
    const run = (beta1: number, beta2: number) => minimize(reddiOnline(), adam({ lr: 0.1, beta1, beta2 }), [0], { steps: 600, project: projectBox(-1, 1) }).x[600];
    expect(run(0, 1e-4)).toBeGreaterThan(0.9); // the default fails
    expect(run(0, 0.01)).toBeLessThan(-0.5);
    expect(run(0.5, 1e-4)).toBeLessThan(-0.5);
  });
  it("“its rate … goes from η at the first step to η√(1 + β₂) at the second” (torch's AMSGrad, gradients 1 then 0)", () => {
    const opt = amsgrad({ lr: 1, beta1: 0, beta2: 0.999, eps: 1e-300 });
    const s = opt.init(1);
    const x = Float64Array.of(0);
    opt.step(x, Float64Array.of(1), s);
    expect(x[0]).toBeCloseTo(-1, 12); // rate η·1/1
    // a probe gradient of 1e-9 barely changes v but shows the rate: Δ = η·m̂/√(v̂_max)
    const before = x[0];
    opt.step(x, Float64Array.of(1e-9), s);
    expect((before - x[0]) / 1e-9).toBeCloseTo(Math.sqrt(1 + 0.999), 4);
  });
});

describe("exact arithmetic typed in the adaptive chapters (allowlisted as exact:)", () => {
  it("adagrad.md: the ravine's curvatures 0.2 and 4 are twenty times apart; D2L's η = 0.1 is ten times torch's default 0.01; the start's gradient (−1, −8) is of order 1", () => {
    expect(4 / 0.2).toBeCloseTo(20, 12);
    expect(0.1 / 0.01).toBeCloseTo(10, 12);
    const g = ravine().grad(Float64Array.of(-5, -2), new Float64Array(2));
    expect(Array.from(g)).toEqual([-1, -8]);
  });
  it("rmsprop-adadelta.md: torch's first RMSprop step η/√(1 − 0.99) is ten times η; the weight of g²ₜ₋₅ at γ = 0.9 is 0.1 × 0.9⁵; the newest weight is 0.1", () => {
    expect(1 / Math.sqrt(1 - 0.99)).toBeCloseTo(10, 10);
    expect((1 - 0.9) * 0.9 ** 5).toBeCloseTo(0.059049, 12);
    expect(1 - 0.9).toBeCloseTo(0.1, 15);
  });
  it("adam.md: windows 1/(1 − 0.9) = 10 and 1/(1 − 0.999) = 1000; 1 − β₂ᵗ reaches ½ after about 700 steps; m₃ underestimates by 73 %; Reddi's period sums to 1010 − 100·10 = 10", () => {
    expect(1 / (1 - 0.9)).toBeCloseTo(10, 10);
    expect(1 / (1 - 0.999)).toBeCloseTo(1000, 6);
    expect(1 / (1 - 0.99)).toBeCloseTo(100, 8);
    const half = Math.log(0.5) / Math.log(0.999);
    expect(half).toBeGreaterThan(650);
    expect(half).toBeLessThan(750);
    expect(Math.round(100 * 0.9 ** 3)).toBe(73);
    expect(1010 - 100 * 10).toBe(10);
  });
});
