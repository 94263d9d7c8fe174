import { describe, expect, it } from "vitest";
import { minimize, ravine, rmsprop } from "../../lib/index.js";
import { tailAmplitude } from "../../lib/analysis/rmsprop.js";

describe("tailAmplitude(x, dim, coordinate, from, to)", () => {
  it("is the largest |x| of the coordinate over the window", () => {
    expect(tailAmplitude([1, -9, -3, 0, 2, 5], 2, 0, 1, 2)).toBe(3);
    expect(tailAmplitude([1, -9, -3, 0, 2, 5], 2, 1, 0, 2)).toBe(9);
  });
  it("names a window outside the run", () => {
    expect(() => tailAmplitude([1, 2], 2, 0, 0, 3)).toThrow(/to/);
  });
  it("RMSprop with γ = 0.9 ends on the ravine in a 2-cycle of amplitude η/2 in both coordinates", () => {
    for (const lr of [0.03, 0.1, 0.4, 1]) {
      const t = minimize(ravine(), rmsprop({ lr, alpha: 0.9 }), [-5, -2], { steps: 2000 });
      expect(tailAmplitude(t.x, 2, 0, 1800, 2000) / lr).toBeCloseTo(0.5, 3);
      expect(tailAmplitude(t.x, 2, 1, 1800, 2000) / lr).toBeCloseTo(0.5, 3);
    }
  });
});
