import { describe, expect, it } from "vitest";
import { compareSpreads, seedSpread } from "../../lib/analysis/seed-spread.js";

describe("seedSpread and compareSpreads", () => {
  it("median of odd and even counts, min and max; NaN (diverged) counts as +∞", () => {
    expect(seedSpread([3, 1, 2])).toMatchObject({ median: 2, min: 1, max: 3 });
    expect(seedSpread([4, 1, 2, 3])).toMatchObject({ median: 2.5, min: 1, max: 4 });
    expect(seedSpread([1, NaN, 2]).max).toBe(Infinity);
    expect(() => seedSpread([])).toThrow(/at least one/);
  });
  it("names a winner only when the ranges do not overlap", () => {
    expect(compareSpreads(seedSpread([1, 2]), seedSpread([3, 4]))).toBe("lower");
    expect(compareSpreads(seedSpread([3, 4]), seedSpread([1, 2]))).toBe("higher");
    expect(compareSpreads(seedSpread([1, 3]), seedSpread([2, 4]))).toBe("overlap");
    expect(compareSpreads(seedSpread([1, 2]), seedSpread([2, 4]))).toBe("overlap");
  });
});
