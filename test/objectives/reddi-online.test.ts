import { describe, expect, it } from "vitest";
import { reddiOnline } from "../../lib/objectives/reddi-online.js";
import { expectGradientMatchesFiniteDifferences, randomPoints } from "./helpers.js";

describe("reddiOnline({ large, small })", () => {
  it("reddiOnline().grad(x, out, t) is 1010 when t mod 3 = 1, else −10", () => {
    const f = reddiOnline();
    const g = new Float64Array(1), x = new Float64Array([0.3]);
    const grads = [1, 2, 3, 4, 5, 6, 7].map((t) => f.grad(x, g, t)[0]);
    expect(grads).toEqual([1010, -10, -10, 1010, -10, -10, 1010]);
    expect(f.value(x, 1)).toBeCloseTo(303, 12); // 1010 · 0.3
    expect(f.value(x, 2)).toBeCloseTo(-3, 12); // −10 · 0.3
  });

  it("reddiOnline() gradients match finite differences at every phase t = 1, 2, 3", () => {
    const f = reddiOnline();
    for (const t of [1, 2, 3]) expectGradientMatchesFiniteDifferences(f, randomPoints(f, 50, 11 + t), t);
  });

  it("reddiOnline() without t is the period average 330·x, minimized at x = −1 with value −330", () => {
    const f = reddiOnline();
    expect(f.value(new Float64Array([1]))).toBe(330); // (1010 − 10 − 10)/3 = 330
    expect(f.minima).toEqual([[-1]]);
    expect(f.minValue).toBe(-330);
    expect(f.domain).toEqual([[-1, 1]]);
  });

  it("reddiOnline({ large: 15, small: 10 }) throws: large must exceed 2·small", () => {
    expect(() => reddiOnline({ large: 15, small: 10 })).toThrow(/reddiOnline: large must be a finite number in \(20, ∞\), got 15/);
  });
});
