import { describe, expect, it } from "vitest";
import { lessardCounterexample, springChain } from "../../lib/objectives/index.js";
import { momentum, nesterov } from "../../lib/optimizers/index.js";
import { minimize } from "../../lib/run.js";
import { optimalMomentum, optimalNesterov } from "../../lib/analysis/momentum-rate.js";

const fd = (f: { value(x: Float64Array): number }, x: number[], i: number, h = 1e-6) => {
  const a = Float64Array.from(x), b = Float64Array.from(x);
  a[i] += h; b[i] -= h;
  return (f.value(a) - f.value(b)) / (2 * h);
};

describe("springChain(n)", () => {
  it("has the exact gradient (finite differences)", () => {
    const f = springChain(6), x = [0.3, -1.2, 2, 0.5, -0.7, 1.1];
    const g = f.grad(Float64Array.from(x), new Float64Array(6));
    for (let i = 0; i < 6; ++i) expect(g[i]).toBeCloseTo(fd(f, x, i), 6);
  });
  it("its minimizer has zero gradient and the value −(n − 1)/2; ‖x*‖² = n(n² − 1)/12", () => {
    const f = springChain(7), xs = Float64Array.from(f.minima[0]);
    expect(Array.from(f.grad(xs, new Float64Array(7))).every((v) => Math.abs(v) < 1e-14)).toBe(true);
    expect(f.value(xs)).toBeCloseTo(-3, 14);
    expect(xs.reduce((s, v) => s + v * v, 0)).toBeCloseTo(f.distanceSquared, 12);
  });
  it("is flat along (1, …, 1): not strongly convex", () => {
    const f = springChain(5), x = Float64Array.from([1, 2, 3, 4, 5]), y = Float64Array.from(x, (v) => v + 10);
    expect(f.value(y)).toBeCloseTo(f.value(x), 12);
  });
});

describe("lessardCounterexample()", () => {
  it("has a continuous exact gradient with curvature 1 or 25", () => {
    const f = lessardCounterexample();
    for (const x of [-2, 0.5, 0.999, 1.5, 1.999, 2.5, 3.3]) expect(f.grad(Float64Array.of(x), new Float64Array(1))[0]).toBeCloseTo(fd(f, [x], 0), 5);
    expect(f.value(Float64Array.of(1 - 1e-12))).toBeCloseTo(f.value(Float64Array.of(1)), 9);
    expect(f.value(Float64Array.of(2 - 1e-12))).toBeCloseTo(f.value(Float64Array.of(2)), 9);
  });
  it("heavy ball tuned for κ = 25 (η = 1/9, β = 4/9) from x₀ = 3.3 cycles through three points and never converges", () => {
    const hb = optimalMomentum(1, 25);
    expect(hb.lr).toBeCloseTo(1 / 9, 15);
    expect(hb.beta).toBeCloseTo(4 / 9, 15);
    const run = minimize(lessardCounterexample(), momentum({ lr: hb.lr, momentum: hb.beta }), [3.3], { steps: 300 });
    const end = Array.from(run.x.slice(-6));
    expect(end[0]).toBeCloseTo(end[3], 9);
    expect(end[1]).toBeCloseTo(end[4], 9);
    expect(end[2]).toBeCloseTo(end[5], 9);
    expect(Math.min(...end.map(Math.abs))).toBeGreaterThan(0.5);
  });
  it("Nesterov tuned for κ = 25 converges from the same start", () => {
    const nb = optimalNesterov(1, 25);
    const run = minimize(lessardCounterexample(), nesterov({ lr: nb.lr, momentum: nb.beta }), [3.3], { steps: 300 });
    expect(Math.abs(run.x[300])).toBeLessThan(1e-12);
  });
});
