import { describe, expect, it } from "vitest";
import { denseDataset } from "../../lib/datasets.js";
import { leastSquares, linearRegression } from "../../lib/models/linear-regression.js";
import { random } from "../../lib/random.js";
import { gradError } from "./gradcheck.js";

function synthetic(n: number, d: number, seed: number) {
  const rng = random(seed);
  const X = Float64Array.from({ length: n * d }, () => rng.normal());
  const y = Float64Array.from({ length: n }, (_, i) => 0.5 + X[i * d] - 2 * X[i * d + d - 1] + 0.1 * rng.normal());
  return denseDataset(X, y, d);
}

describe("linearRegression(d)", () => {
  const data = synthetic(40, 3, 1);
  const model = linearRegression(3);

  it("has d + 1 parameters, D2L's init (w ~ N(0, 0.01²), b = 0)", () => {
    const p = model.init(random(0));
    expect(model.dim).toBe(4);
    expect(p[3]).toBe(0);
    expect(Math.max(...Array.from(p.subarray(0, 3), Math.abs))).toBeLessThan(0.05);
  });

  it("loss is the mean of ½(ŷ − y)², worked by hand", () => {
    const d1 = denseDataset(Float64Array.of(1, 2), Float64Array.of(3, 1), 1);
    // w = 2, b = 0.5: ŷ = [2.5, 4.5], r = [−0.5, 3.5], ½·mean(r²) = ½·(0.25 + 12.25)/2 = 3.125
    const m = linearRegression(1);
    expect(m.loss(Float64Array.of(2, 0.5), d1)).toBe(3.125);
    // grad w = mean(r·x) = (−0.5 + 7)/2 = 3.25, grad b = mean(r) = 1.5
    const g = new Float64Array(2);
    expect(m.grad(Float64Array.of(2, 0.5), d1, [0, 1], g)).toBe(3.125);
    expect(Array.from(g)).toEqual([3.25, 1.5]);
  });

  it("grad matches central differences, on a batch given by indices and on a range", () => {
    const p = Float64Array.of(0.3, -0.2, 0.7, 0.1);
    expect(gradError(model, p, data, [3, 17, 17, 39, 0])).toBeLessThan(1e-8);
    const g1 = new Float64Array(4);
    const g2 = new Float64Array(4);
    const order = Int32Array.of(5, 9, 2, 30, 11);
    model.grad(p, data, order, g1, 1, 4);
    model.grad(p, data, [9, 2, 30], g2);
    expect(g1).toEqual(g2);
    expect(model.loss(p, data, order, 1, 4)).toBe(model.loss(p, data, [9, 2, 30]));
  });

  it("leastSquares finds the zero of the gradient", () => {
    const fit = leastSquares(data);
    const g = new Float64Array(4);
    model.grad(fit.params, data, Int32Array.from({ length: 40 }, (_, i) => i), g);
    for (const v of g) expect(Math.abs(v)).toBeLessThan(1e-12);
    expect(fit.loss).toBeCloseTo(model.loss(fit.params, data), 14);
    expect(fit.r2).toBeGreaterThan(0.99);
  });

  it("rejects bad input, naming what and the accepted range", () => {
    expect(() => linearRegression(0)).toThrow(/linearRegression: d must be a finite number in \[1, ∞\), got 0/);
    expect(() => model.loss(new Float64Array(3), data)).toThrow(/params has length 3, expected dim = 4/);
    expect(() => model.grad(new Float64Array(4), data, [0], new Float64Array(2))).toThrow(/out has length 2, expected dim = 4/);
    expect(() => model.grad(new Float64Array(4), data, [0, 1], new Float64Array(4), 1, 3)).toThrow(/batch range \[1, 3\) must lie in \[0, 2\]/);
    expect(() => linearRegression(2).loss(new Float64Array(3), data)).toThrow(/data has d = 3 features, the model expects 2/);
  });
});
