import { describe, expect, it } from "vitest";
import { nesterov, nesterovScheduled, sgd } from "../../lib/optimizers/index.js";
import { nesterovMomentumAt } from "../../lib/optimizers/nesterovScheduled.js";
import { minimize } from "../../lib/run.js";
import { springChain } from "../../lib/objectives/index.js";

describe("nesterovScheduled({lr})", () => {
  it("γ_t = (t − 1)/(t + 2): 0, 1/4, 2/5, … → 1", () => {
    expect([1, 2, 3, 4].map(nesterovMomentumAt)).toEqual([0, 1 / 4, 2 / 5, 3 / 6]);
    expect(nesterovMomentumAt(1e6)).toBeCloseTo(1, 5);
  });

  it("two steps by hand on f(x) = x² (g = 2y) from y₀ = 1, η = 0.1", () => {
    const opt = nesterovScheduled({ lr: 0.1 });
    const y = Float64Array.of(1), s = opt.init(1), g = new Float64Array(1);
    // t = 1: x₁ = 1 − 0.1·2 = 0.8, γ₁ = 0, y₁ = 0.8
    g[0] = 2 * y[0]; opt.step(y, g, s);
    expect(y[0]).toBeCloseTo(0.8, 15);
    expect(s.x[0]).toBeCloseTo(0.8, 15);
    // t = 2: x₂ = 0.8 − 0.1·1.6 = 0.64, γ₂ = 1/4, y₂ = 0.64 + (0.64 − 0.8)/4 = 0.6
    g[0] = 2 * y[0]; opt.step(y, g, s);
    expect(s.x[0]).toBeCloseTo(0.64, 15);
    expect(y[0]).toBeCloseTo(0.6, 15);
    expect(s.t).toBe(2);
  });

  it("its first step is a gradient step (γ₁ = 0)", () => {
    const f = springChain(5), x0 = [0.3, -1, 2, 0, 1];
    const a = minimize(f, nesterovScheduled({ lr: 0.25 }), x0, { steps: 1 });
    const b = minimize(f, sgd({ lr: 0.25 }), x0, { steps: 1 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
  });

  it("keeps f(x_t) − f* ≤ 2L‖x₀ − x*‖²/(t + 1)² on the spring chain (convex, not strongly convex) for 500 steps", () => {
    const n = 50, f = springChain(n), steps = 500;
    const run = minimize(f, nesterovScheduled({ lr: 1 / f.L }), new Array(n).fill(0), { steps, record: ["x"] });
    const xs = run.state!.x as Float64Array;
    for (let t = 1; t <= steps; ++t) {
      const gap = f.value(xs.subarray((t - 1) * n, t * n)) - f.minValue!;
      expect(gap).toBeLessThanOrEqual((2 * f.L * f.distanceSquared) / (t + 1) ** 2);
    }
  });

  it("beats gradient descent and constant-γ Nesterov (γ = 0.9) on a 200-bead chain after 1000 steps", () => {
    const n = 200, f = springChain(n), x0 = new Array(n).fill(0), steps = 1000, lr = 1 / f.L;
    const sched = minimize(f, nesterovScheduled({ lr }), x0, { steps }).loss[steps] - f.minValue!;
    const gd = minimize(f, sgd({ lr }), x0, { steps }).loss[steps] - f.minValue!;
    const constant = minimize(f, nesterov({ lr, momentum: 0.9 }), x0, { steps }).loss[steps] - f.minValue!;
    expect(sched * 10).toBeLessThan(constant);
    expect(constant).toBeLessThan(gd);
  });

  it("rejects a bad learning rate, naming it", () => {
    expect(() => nesterovScheduled({ lr: -1 })).toThrow(/lr/);
    expect(() => nesterovScheduled({})).toThrow(/lr is required/);
  });
});
