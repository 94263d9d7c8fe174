import { describe, expect, it } from "vitest";
import { parabola } from "../../lib/objectives/parabola.js";
import { checkObjective } from "./helpers.js";

describe("parabola()", () => {
  it("parabola() has an exact gradient and Hessian, minimum f(0) = 0", () => checkObjective(parabola(), 9));
  it("parabola().value([3]) = 9, grad = 6", () => {
    expect(parabola().value(new Float64Array([3]))).toBe(9);
    expect(parabola().grad(new Float64Array([3]), new Float64Array(1))[0]).toBe(6);
  });
});
