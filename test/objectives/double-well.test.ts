import { describe, expect, it } from "vitest";
import { DOUBLE_WELL_STATIONARY, doubleWell } from "../../lib/objectives/double-well.js";
import { checkObjective } from "./helpers.js";

describe("doubleWell()", () => {
  it("doubleWell() has an exact gradient and Hessian; its global minimum is f(−1.4729976…) = −5.4441920…", () =>
    checkObjective(doubleWell(), 10, { gradTol: 1e-14, valueTol: 1e-14 }));

  it("doubleWell() stationary points are roots of f′ = 4x³ − 8x + 1 with the right curvature", () => {
    const f = doubleWell();
    const g = new Float64Array(1), H = new Float64Array(1);
    for (const [name, { x, value }] of Object.entries(DOUBLE_WELL_STATIONARY)) {
      const p = new Float64Array([x]);
      expect(Math.abs(f.grad(p, g)[0])).toBeLessThan(1e-14);
      expect(f.value(p)).toBeCloseTo(value, 14);
      expect(Math.sign(f.hessian!(p, H)[0])).toBe(name === "localMax" ? -1 : 1);
    }
    // the right basin is the shallower one
    expect(DOUBLE_WELL_STATIONARY.localMin.value).toBeGreaterThan(DOUBLE_WELL_STATIONARY.globalMin.value + 2);
    expect(f.localMinima.length).toBe(2);
  });

  it("doubleWell() gradient descent from x = 2 ends in the shallow basin, from x = −2 in the deep one", () => {
    const f = doubleWell();
    const g = new Float64Array(1);
    const descend = (x0: number) => {
      const x = new Float64Array([x0]);
      for (let t = 0; t < 2000; ++t) x[0] -= 0.01 * f.grad(x, g)[0];
      return x[0];
    };
    expect(descend(2)).toBeCloseTo(DOUBLE_WELL_STATIONARY.localMin.x, 10);
    expect(descend(-2)).toBeCloseTo(DOUBLE_WELL_STATIONARY.globalMin.x, 10);
  });
});
