import { describe, expect, it } from "vitest";
import { himmelblau } from "../../lib/objectives/himmelblau.js";
import { checkObjective } from "./helpers.js";

describe("himmelblau()", () => {
  // The three irrational minima are rounded to double: their gradient is O(1e-14), not 0.
  it("himmelblau() has an exact gradient and Hessian and four minima of value 0", () =>
    checkObjective(himmelblau(), 6, { gradTol: 1e-13, valueTol: 1e-28 }));

  it("himmelblau() lists four distinct minima, one exact at (3, 2)", () => {
    const f = himmelblau();
    expect(f.minima.length).toBe(4);
    expect(f.minima[0]).toEqual([3, 2]);
    expect(f.value(new Float64Array([3, 2]))).toBe(0);
  });
});
