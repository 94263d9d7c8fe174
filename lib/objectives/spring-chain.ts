/**
 * A chain of n beads joined by unit springs, the first pulled up and the last
 * pulled down with unit force: a convex quadratic that is not strongly convex.
 *
 *   f(x) = ½ Σᵢ₌₁ⁿ⁻¹ (xᵢ − xᵢ₊₁)² − x₁ + xₙ,   ∇f(x) = Px − b,
 *
 * P the path graph's Laplacian (tridiagonal: 1, 2, …, 2, 1 on the diagonal,
 * −1 beside it) and b = e₁ − eₙ. P is singular (P·1 = 0), so f is convex but
 * not strongly convex; its eigenvalues are 2 − 2cos(πk/n), k = 0 … n − 1, all
 * below L = 4. Minimizers: xᵢ = c + (n − 1)/2 − (i − 1) for any c (each spring
 * stretched by 1), f* = −(n − 1)/2. From x₀ = 0 the iterates keep Σxᵢ = 0
 * (the gradient sums to zero), so they approach the minimizer with c = 0, at
 * squared distance ‖x₀ − x*‖² = n(n² − 1)/12. A close relative of the function
 * Nesterov uses to prove that no first-order method beats O(1/t²).
 * O(n) per value and gradient.
 */
import type { Objective } from "../types.js";
import { requireInteger } from "../validate.js";

export interface SpringChain extends Objective {
  /** ‖x₀ − x*‖² from x₀ = 0 to the nearest minimizer: n(n² − 1)/12. */
  readonly distanceSquared: number;
  /** The largest curvature bound L = 4 (the eigenvalues stay below it). */
  readonly L: number;
}

export function springChain(n: number): SpringChain {
  requireInteger("springChain", "n", n, 2, 1e7);
  const minimizer = Array.from({ length: n }, (_, i) => (n - 1) / 2 - i);
  return {
    name: `spring chain (n = ${n})`,
    dim: n,
    value(x) {
      let f = -x[0] + x[n - 1];
      for (let i = 0; i < n - 1; ++i) f += 0.5 * (x[i] - x[i + 1]) ** 2;
      return f;
    },
    grad(x, out) {
      out.fill(0);
      for (let i = 0; i < n - 1; ++i) {
        const d = x[i] - x[i + 1];
        out[i] += d;
        out[i + 1] -= d;
      }
      out[0] -= 1;
      out[n - 1] += 1;
      return out;
    },
    domain: Array.from({ length: n }, () => [-n, n] as const),
    minima: [minimizer],
    minValue: -(n - 1) / 2,
    distanceSquared: (n * (n * n - 1)) / 12,
    L: 4,
  };
}
