import { describe, expect, it } from "vitest";
import { rastrigin } from "../../lib/objectives/rastrigin.js";
import { checkObjective } from "./helpers.js";

describe("rastrigin({ dim, A })", () => {
  it("rastrigin() has an exact gradient and Hessian, minimum f(0, 0) = 0", () => checkObjective(rastrigin(), 7));

  it("rastrigin({ dim: 5, A: 3 }) works in 5 dimensions", () => {
    const f = rastrigin({ dim: 5, A: 3 });
    expect(f.dim).toBe(5);
    expect(f.domain.length).toBe(5);
    checkObjective(f, 8);
  });

  it("rastrigin() at integer points is Σ xᵢ² (cos(2πk) = 1)", () => {
    // 10·2 + (1 − 10) + (4 − 10) = 20 − 9 − 6 = 5 = 1² + 2²
    expect(rastrigin().value(new Float64Array([1, -2]))).toBeCloseTo(5, 12);
  });

  it("rastrigin({ dim: 0 }) throws", () => {
    expect(() => rastrigin({ dim: 0 })).toThrow(/rastrigin: dim must be a finite number in \[1, ∞\), got 0/);
    expect(() => rastrigin({ dim: 1.5 })).toThrow(/integer/);
  });
});
