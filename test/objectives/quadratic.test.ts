import { describe, expect, it } from "vitest";
import { quadratic, symmetricEigen } from "../../lib/objectives/quadratic.js";
import { random } from "../../lib/random.js";
import { checkObjective } from "./helpers.js";

/** A random symmetric PSD matrix MᵀM (+ shift), n × n, seeded. */
function randomSpd(n: number, seed: number, shift = 0.1): number[][] {
  const rng = random(seed);
  const M = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal()));
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => M.reduce((s, row) => s + row[i] * row[j], 0) + (i === j ? shift : 0))
  );
}

describe("quadratic(A, b)", () => {
  it("quadratic([[2, 1], [1, 3]], [1, 1]) has an exact gradient and Hessian and its minimum at A⁻¹b", () => {
    const f = quadratic([[2, 1], [1, 3]], [1, 1]);
    // A⁻¹ = [[3, −1], [−1, 2]]/5, so x* = (2/5, 1/5), f* = −½·bᵀx* = −½·(3/5) = −0.3
    expect(f.minima[0][0]).toBeCloseTo(0.4, 14);
    expect(f.minima[0][1]).toBeCloseTo(0.2, 14);
    expect(f.minValue).toBeCloseTo(-0.3, 14);
    checkObjective(f, 20, { gradTol: 1e-14, valueTol: 1e-14 });
  });

  it("quadratic(A) exposes the eigenvalues: [[2, 1], [1, 2]] has 1 and 3", () => {
    const f = quadratic([[2, 1], [1, 2]]);
    expect(f.eigenvalues[0]).toBeCloseTo(1, 14);
    expect(f.eigenvalues[1]).toBeCloseTo(3, 14);
    // eigenvector of 1 is ±(1, −1)/√2
    expect(Math.abs(f.eigenvectors[0] + f.eigenvectors[1])).toBeLessThan(1e-14);
  });

  it("quadratic(A, b) accepts a row-major Float64Array and a 6-D random SPD matrix", () => {
    const A = randomSpd(6, 21);
    const f = quadratic(Float64Array.from(A.flat()), [1, 2, 3, 4, 5, 6]);
    expect(f.dim).toBe(6);
    checkObjective(f, 22, { gradTol: 1e-9, valueTol: 1e-9 });
  });

  it("symmetricEigen(S, n) satisfies S·v = λ·v with orthonormal v for random symmetric matrices", () => {
    for (const n of [1, 2, 3, 8]) {
      const S = Float64Array.from(randomSpd(n, 30 + n, -2).flat()); // indefinite after the shift
      const { values, vectors } = symmetricEigen(S, n);
      for (let k = 0; k < n; ++k) {
        if (k > 0) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
        for (let i = 0; i < n; ++i) {
          let sv = 0;
          for (let j = 0; j < n; ++j) sv += S[i * n + j] * vectors[k * n + j];
          expect(sv).toBeCloseTo(values[k] * vectors[k * n + i], 10);
        }
        for (let l = 0; l < n; ++l) {
          let dot = 0;
          for (let i = 0; i < n; ++i) dot += vectors[k * n + i] * vectors[l * n + i];
          expect(dot).toBeCloseTo(k === l ? 1 : 0, 12);
        }
      }
    }
  });

  it("quadratic(A, b) with singular A: least-norm minimizer when b ∈ range(A), unbounded otherwise", () => {
    const inRange = quadratic([[1, 1], [1, 1]], [2, 2]);
    // minimizers satisfy x1 + x2 = 2; least norm is (1, 1); f* = −½·(2 + 2) = −2
    expect(inRange.minima[0][0]).toBeCloseTo(1, 14);
    expect(inRange.minima[0][1]).toBeCloseTo(1, 14);
    expect(inRange.minValue).toBeCloseTo(-2, 14);
    const unbounded = quadratic([[1, 0], [0, 0]], [0, 1]);
    expect(unbounded.minima).toEqual([]);
    expect(unbounded.minValue).toBe(-Infinity);
  });

  it("quadratic(A, b) throws on non-square, non-symmetric, indefinite A and a wrong-length b", () => {
    expect(() => quadratic([[1, 2, 3], [4, 5, 6]])).toThrow(/quadratic: A must be square: A has 2 rows but A\[0\] has length 3/);
    expect(() => quadratic(new Float64Array(3))).toThrow(/square length n², got length 3/);
    expect(() => quadratic([[1, 2], [0, 1]])).toThrow(/A must be symmetric, but A\[0\]\[1\] = 2 and A\[1\]\[0\] = 0/);
    expect(() => quadratic([[1, 0], [0, -1]])).toThrow(/A must be positive semidefinite, but its smallest eigenvalue is -1/);
    expect(() => quadratic([[1, 0], [0, 1]], [1])).toThrow(/quadratic: b has length 1, expected 2/);
    expect(() => quadratic([[1, NaN], [NaN, 1]])).toThrow(/A\[0\]\[1\] must be a finite number, got NaN/);
  });
});
