import { describe, expect, it } from "vitest";
import { eulerGap, flowAt, gradientFlow } from "../../lib/analysis/gradient-flow.js";
import { parabola } from "../../lib/objectives/parabola.js";
import { doubleWell } from "../../lib/objectives/double-well.js";

describe("gradient flow", () => {
  it("gradientFlow(parabola) is x0·e^{−2t}", () => {
    const flow = gradientFlow(parabola(), [10], { tEnd: 2, dt: 0.01 });
    expect(flow.t.at(-1)).toBeCloseTo(2, 12);
    for (let k = 0; k < flow.t.length; k += 37) expect(flow.x[k]).toBeCloseTo(10 * Math.exp(-2 * flow.t[k]), 8);
    expect(flow.loss[0]).toBe(100);
  });
  it("flowAt(times) matches the closed form at arbitrary times", () => {
    const xs = flowAt(parabola(), [3], [0, 0.1, 0.55, 1.3]);
    [0, 0.1, 0.55, 1.3].forEach((t, k) => expect(xs[k]).toBeCloseTo(3 * Math.exp(-2 * t), 10));
    expect(() => flowAt(parabola(), [3], [1, 0.5])).toThrow(RangeError);
  });
  it("eulerGap is first order: halving η about halves the gap", () => {
    const f = doubleWell();
    const a = eulerGap(f, [2], 0.004, 1);
    const b = eulerGap(f, [2], 0.002, 1);
    expect(a / b).toBeGreaterThan(1.8);
    expect(a / b).toBeLessThan(2.2);
    // On x² the gap is exact arithmetic: max_k |10(1 − 2η)^k − 10e^{−2kη}|.
    const eta = 0.1;
    let worst = 0;
    for (let k = 0; k <= 10; ++k) worst = Math.max(worst, Math.abs(10 * (1 - 2 * eta) ** k - 10 * Math.exp(-2 * k * eta)));
    expect(eulerGap(parabola(), [10], eta, 1)).toBeCloseTo(worst, 8);
    expect(eulerGap(parabola(), [10], 1.2, 200)).toBe(Infinity);
  });
});
