import { describe, expect, it } from "vitest";
import { beale } from "../../lib/objectives/beale.js";
import { checkObjective } from "./helpers.js";

describe("beale()", () => {
  it("beale() has an exact gradient and Hessian, minimum f(3, 0.5) = 0", () => checkObjective(beale(), 2));

  it("beale().value(x) at hand-computed points", () => {
    // (1.5 − 0 + 0)² + 2.25² + 2.625² = 2.25 + 5.0625 + 6.890625 = 14.203125
    expect(beale().value(new Float64Array([0, 0]))).toBe(14.203125);
    // at (1, 1): (1.5)² + (2.25)² + (2.625)² again, since x·yⁱ − x = 0
    expect(beale().value(new Float64Array([1, 1]))).toBe(14.203125);
  });

  it("beale() uses the classic domain [−4.5, 4.5]²", () => {
    expect(beale().domain).toEqual([[-4.5, 4.5], [-4.5, 4.5]]);
  });
});
