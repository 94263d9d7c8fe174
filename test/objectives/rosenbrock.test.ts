import { describe, expect, it } from "vitest";
import { rosenbrock } from "../../lib/objectives/rosenbrock.js";
import { checkObjective } from "./helpers.js";

describe("rosenbrock({ a, b })", () => {
  it("rosenbrock() has an exact gradient and Hessian, minimum f(1, 1) = 0", () => checkObjective(rosenbrock(), 4));

  it("rosenbrock({ a: 2, b: 10 }) moves the minimum to (a, a²) = (2, 4) inside its domain", () => {
    const f = rosenbrock({ a: 2, b: 10 });
    expect(f.minima).toEqual([[2, 4]]);
    checkObjective(f, 5);
  });

  it("rosenbrock() value at the classic start (−1.2, 1): (2.2)² + 100·(1 − 1.44)² = 4.84 + 19.36 = 24.2", () => {
    expect(rosenbrock().value(new Float64Array([-1.2, 1]))).toBeCloseTo(24.2, 12);
  });

  it("rosenbrock() draws x ∈ [−2, 2], y ∈ [−1, 3]", () => {
    expect(rosenbrock().domain).toEqual([[-2, 2], [-1, 3]]);
  });

  it("rosenbrock({ b: -1 }) and rosenbrock({ c: 1 }) throw naming the problem", () => {
    expect(() => rosenbrock({ b: -1 })).toThrow(/rosenbrock: b must be a finite number in \[0, ∞\), got -1/);
    expect(() => rosenbrock({ c: 1 } as never)).toThrow(/unknown option "c"/);
    expect(() => rosenbrock({ a: NaN })).toThrow(RangeError);
  });
});
