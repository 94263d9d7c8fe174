import { describe, expect, it } from "vitest";
import { ravine } from "../../lib/objectives/ravine.js";
import { checkObjective } from "./helpers.js";

describe("ravine()", () => {
  it("ravine() has an exact gradient and Hessian, minimum f(0, 0) = 0", () => checkObjective(ravine(), 1));

  it("ravine().value(x) = 0.1·x1² + 2·x2²", () => {
    // 0.1·25 + 2·4 = 2.5 + 8 = 10.5 at the seeds' start (−5, −2)
    expect(ravine().value(new Float64Array([-5, -2]))).toBe(10.5);
    // ∇f = (0.2·x1, 4·x2) = (−1, −8)
    expect(Array.from(ravine().grad(new Float64Array([-5, -2]), new Float64Array(2)))).toEqual([-1, -8]);
  });

  it("ravine() draws the seeds' start (−5, −2) inside its domain", () => {
    const [[lo1, hi1], [lo2, hi2]] = ravine().domain;
    expect(lo1 < -5 && -5 < hi1 && lo2 < -2 && -2 < hi2).toBe(true);
  });
});
