import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { curriculumOrder, easiestFirst, sortedByTarget, withReplacement } from "../../lib/analysis/example-order.js";
import { denseDataset, leastSquares, linearRegression, parseDenseCSV, random, standardize } from "../../lib/index.js";

describe("example orders on the housing data", () => {
  const housing = standardize(
    parseDenseCSV(readFileSync(join(process.cwd(), "data/housing.csv"), "utf8"), { target: "MedHouseVal", ignore: ["row"] }),
    { target: true }
  ).data;
  const model = linearRegression(housing.d);

  it("sortedByTarget and easiestFirst are permutations in the promised order", () => {
    const s = sortedByTarget(housing);
    expect(new Set(s).size).toBe(housing.n);
    for (let k = 1; k < s.length; ++k) expect(housing.y[s[k]]).toBeGreaterThanOrEqual(housing.y[s[k - 1]]);
    const ols = leastSquares(housing).params;
    const e = easiestFirst(model, housing, ols);
    expect(new Set(e).size).toBe(housing.n);
    const l = (i: number) => model.loss(ols, housing, [i]);
    expect(l(e[0])).toBeLessThanOrEqual(l(e[housing.n - 1]));
  });
});

describe("example orders on a small classification set", () => {
  const data = denseDataset(Float64Array.of(0, 1, 2, 3, 4, 5), Float64Array.of(1, 0, 1, 0, 0, 1), 1);
  it("sortedByTarget puts class 0 first, stable", () => {
    expect(Array.from(sortedByTarget(data))).toEqual([1, 3, 4, 0, 2, 5]);
  });
  it("easiestFirst sorts by per-example loss", () => {
    const model = linearRegression(1);
    const p = Float64Array.of(0, 0); // predicts 0: loss ½y², class-0 examples are the easy ones
    expect(Array.from(easiestFirst(model, data, p)).slice(0, 3)).toEqual([1, 3, 4]);
  });
});

describe("curriculumOrder(kind, easy, ramp)", () => {
  it("baby steps grow the set of examples to all of them at epoch ramp − 1 and stay there", () => {
    const c = curriculumOrder("baby-steps", Int32Array.from([5, 4, 3, 2, 1, 0]), 3);
    const rng = random(0);
    expect(Array.from(c(0, rng)).sort()).toEqual([4, 5]);
    expect(Array.from(c(1, rng)).sort()).toEqual([2, 3, 4, 5]);
    expect(Array.from(c(2, rng)).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(c(9, rng)).toHaveLength(6);
  });
  it("easy-to-hard is the fixed order; combined draws a pool-sized epoch", () => {
    const easy = [5, 4, 3, 2, 1, 0];
    const rng = random(0);
    expect(Array.from(curriculumOrder("easy-to-hard", easy, 3)(7, rng))).toEqual(easy);
    expect(curriculumOrder("combined", easy, 3)(0, rng).length).toBe(2);
  });
});

describe("withReplacement(n)", () => {
  it("draws n indices in 0 … n − 1 per epoch, with repeats, seeded", () => {
    const draw = withReplacement(50);
    const a = draw(0, random(3));
    expect(a.length).toBe(50);
    expect(Array.from(a).every((i) => Number.isInteger(i) && i >= 0 && i < 50)).toBe(true);
    expect(new Set(a).size).toBeLessThan(50); // 50 draws from 50: a repeat is all but certain (P(no repeat) = 50!/50⁵⁰)
    expect(Array.from(draw(0, random(3)))).toEqual(Array.from(a));
    expect(() => withReplacement(0)).toThrow(/n/);
  });
});
