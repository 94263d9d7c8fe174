import { describe, expect, it } from "vitest";
import { saddle } from "../../lib/objectives/saddle.js";
import { checkObjective } from "./helpers.js";

describe("saddle()", () => {
  it("saddle() has an exact gradient and Hessian, a stationary point at the origin", () => checkObjective(saddle(), 3));

  it("saddle() is x² − y², unbounded below (no minValue)", () => {
    expect(saddle().value(new Float64Array([2, 3]))).toBe(4 - 9);
    expect(saddle().minValue).toBeUndefined();
    const H = saddle().hessian!(new Float64Array(2), new Float64Array(4));
    expect(Array.from(H)).toEqual([2, 0, 0, -2]); // one positive, one negative curvature
  });
});
