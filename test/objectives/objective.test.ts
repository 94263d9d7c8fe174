import { describe, expect, it } from "vitest";
import { objective } from "../../lib/objectives/objective.js";
import { checkObjective } from "./helpers.js";

describe("objective({ name, dim, value, grad, domain, minima })", () => {
  it("objective(spec) accepts a grad that returns a new array and copies it into out", () => {
    const bowl = objective({
      name: "bowl",
      dim: 2,
      value: (x) => x[0] ** 2 + 3 * x[1] ** 2,
      grad: (x) => [2 * x[0], 6 * x[1]],
      domain: [[-2, 2], [-2, 2]],
      minima: [[0, 0]],
      minValue: 0,
    });
    const out = new Float64Array(2);
    expect(bowl.grad(new Float64Array([1, 1]), out)).toBe(out);
    expect(Array.from(out)).toEqual([2, 6]);
    checkObjective(bowl, 40);
  });

  it("objective(spec) accepts a grad that writes into out", () => {
    const line = objective({
      name: "cubic",
      dim: 1,
      value: (x) => x[0] ** 3,
      grad: (x, out) => {
        out[0] = 3 * x[0] ** 2;
        return out;
      },
      hessian: (x) => [6 * x[0]],
      domain: [[-1, 1]],
    });
    checkObjective(line, 41);
  });

  it("objective(spec) throws naming the bad field", () => {
    const ok = { name: "f", dim: 1, value: (x: Float64Array) => x[0], grad: () => [1], domain: [[0, 1]] as [number, number][] };
    expect(() => objective({ ...ok, dim: 0 })).toThrow(/objective: dim must be a finite number in \[1, ∞\), got 0/);
    expect(() => objective({ ...ok, value: 3 as never })).toThrow(/objective: value must be a function, got 3/);
    expect(() => objective({ ...ok, domain: [[1, 0]] })).toThrow(/domain\[0\] must be an interval \[lo, hi\] with lo < hi, got \[1, 0\]/);
    expect(() => objective({ ...ok, domain: [] })).toThrow(/domain has length 0, expected 1/);
    expect(() => objective({ ...ok, grad: () => [1, 2] })).toThrow(/the array returned by grad has length 2, expected 1/);
    expect(() => objective({ ...ok, minima: [[0, 0]] })).toThrow(/minima\[0\] has length 2, expected 1/);
    expect(() => objective({ ...ok, name: "" })).toThrow(/name must be a non-empty string/);
    expect(() => objective({ ...ok, extra: 1 } as never)).toThrow(/unknown option "extra"/);
    expect(() => objective({ ...ok, value: () => "1" as never })).toThrow(/value must return a number, got string/);
  });
});
