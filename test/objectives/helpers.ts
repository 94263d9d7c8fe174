/**
 * Shared checks for objectives: exact gradients and Hessians against central
 * finite differences at seeded random points of the domain, and the listed minima.
 */
import { expect } from "vitest";
import { random } from "../../lib/random.js";
import type { Objective } from "../../lib/types.js";

/** Seeded random points drawn uniformly from the objective's domain. */
export function randomPoints(objective: Objective, count: number, seed: number): Float64Array[] {
  const rng = random(seed);
  return Array.from({ length: count }, () => Float64Array.from(objective.domain, ([lo, hi]) => rng.between(lo, hi)));
}

/**
 * Central differences (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h with h = 1e-5·max(1, |xᵢ|).
 * Truncation error is O(h²·f‴) and rounding O(ε·|f|/h): the tolerance allows
 * 1e-7 relative to the gradient plus 1e-10·(1 + |f|)/h, well above both.
 */
export function expectGradientMatchesFiniteDifferences(objective: Objective, points: Float64Array[], t?: number): void {
  const g = new Float64Array(objective.dim);
  for (const x of points) {
    const f = objective.value(x, t);
    objective.grad(x, g, t);
    for (let i = 0; i < objective.dim; ++i) {
      const h = 1e-5 * Math.max(1, Math.abs(x[i]));
      const xp = Float64Array.from(x), xm = Float64Array.from(x);
      xp[i] += h;
      xm[i] -= h;
      const fd = (objective.value(xp, t) - objective.value(xm, t)) / (xp[i] - xm[i]);
      const tol = 1e-7 * (1 + Math.abs(g[i])) + (1e-10 * (1 + Math.abs(f))) / h;
      if (!(Math.abs(fd - g[i]) <= tol)) {
        expect.fail(`${objective.name}: ∂f/∂x${i + 1} at [${Array.from(x).join(", ")}] is ${g[i]}, finite differences give ${fd}`);
      }
    }
  }
}

/** The Hessian is symmetric and its columns match central differences of the gradient. */
export function expectHessianMatchesFiniteDifferences(objective: Objective, points: Float64Array[]): void {
  const n = objective.dim;
  const H = new Float64Array(n * n);
  const gp = new Float64Array(n), gm = new Float64Array(n), g = new Float64Array(n);
  for (const x of points) {
    objective.hessian!(x, H);
    objective.grad(x, g);
    const gScale = Math.max(1, ...Array.from(g, Math.abs));
    for (let j = 0; j < n; ++j) {
      const h = 1e-5 * Math.max(1, Math.abs(x[j]));
      const xp = Float64Array.from(x), xm = Float64Array.from(x);
      xp[j] += h;
      xm[j] -= h;
      objective.grad(xp, gp);
      objective.grad(xm, gm);
      for (let i = 0; i < n; ++i) {
        expect(H[i * n + j]).toBe(H[j * n + i]);
        const fd = (gp[i] - gm[i]) / (xp[j] - xm[j]);
        const tol = 1e-6 * (1 + Math.abs(H[i * n + j])) + (1e-10 * gScale) / h;
        if (!(Math.abs(fd - H[i * n + j]) <= tol)) {
          expect.fail(`${objective.name}: H[${i}][${j}] at [${Array.from(x).join(", ")}] is ${H[i * n + j]}, finite differences give ${fd}`);
        }
      }
    }
  }
}

/** At every listed minimum the gradient vanishes (to `gradTol`) and the value is minValue (to `valueTol`). */
export function expectMinima(objective: Objective, { gradTol = 1e-12, valueTol = 1e-12 } = {}): void {
  const g = new Float64Array(objective.dim);
  for (const m of objective.minima) {
    const x = Float64Array.from(m);
    objective.grad(x, g);
    for (let i = 0; i < objective.dim; ++i) expect(Math.abs(g[i])).toBeLessThanOrEqual(gradTol);
    if (objective.minValue !== undefined) expect(Math.abs(objective.value(x) - objective.minValue)).toBeLessThanOrEqual(valueTol);
  }
}

/** The minima lie in the domain, and the domain is a list of dim increasing intervals. */
export function expectDomainHoldsMinima(objective: Objective): void {
  expect(objective.domain.length).toBe(objective.dim);
  for (const [lo, hi] of objective.domain) expect(lo).toBeLessThan(hi);
  for (const m of objective.minima) {
    expect(m.length).toBe(objective.dim);
    m.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(objective.domain[i][0]);
      expect(v).toBeLessThanOrEqual(objective.domain[i][1]);
    });
  }
}

/** The standard battery: gradient (and Hessian) against finite differences at 200 seeded points, minima, domain. */
export function checkObjective(objective: Objective, seed: number, minimaTol?: { gradTol?: number; valueTol?: number }): void {
  const points = randomPoints(objective, 200, seed);
  expectGradientMatchesFiniteDifferences(objective, points);
  if (objective.hessian) expectHessianMatchesFiniteDifferences(objective, points);
  expectMinima(objective, minimaTol);
  expectDomainHoldsMinima(objective);
}
