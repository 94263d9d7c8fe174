/**
 * Exercise learning-rate/max-stable-lr — the largest stable learning rate.
 *
 * Near a minimum, a loss looks like the quadratic ½·(x − x*)ᵀH(x − x*) with
 * H its Hessian (symmetric, positive semidefinite, eigenvalues λ₁ ≤ … ≤ λₙ).
 * Gradient descent multiplies the error along the eigenvector of λᵢ by
 * (1 − η·λᵢ) at every step, so it converges from every start exactly when
 * |1 − η·λᵢ| < 1 for all i.
 *
 * 1. `maxStableLr(H)`: the supremum of the stable learning rates, 2/L with
 *    L = λₙ the largest eigenvalue. (For H = 0 there is no limit: return
 *    Infinity.)
 * 2. `contractionFactor(H, lr)`: the factor max over i of |1 − η·λᵢ| by which
 *    the error shrinks per step in the worst direction (≥ 1 means no
 *    convergence).
 *
 * H is given as rows (number[][]). You may compute the eigenvalues with the
 * library's `symmetricEigen(S, n)` (S a row-major Float64Array; it returns
 * `{values}` in ascending order), or write power iteration yourself.
 */
import { symmetricEigen } from "../../lib/objectives/quadratic.js";

export function maxStableLr(H: number[][]): number {
  // BEGIN SOLUTION
  const { values } = symmetricEigen(Float64Array.from(H.flat()), H.length);
  const L = values[values.length - 1];
  return L > 0 ? 2 / L : Infinity;
  // END SOLUTION
}

export function contractionFactor(H: number[][], lr: number): number {
  // BEGIN SOLUTION
  const { values } = symmetricEigen(Float64Array.from(H.flat()), H.length);
  let worst = 0;
  for (const lambda of values) worst = Math.max(worst, Math.abs(1 - lr * lambda));
  return worst;
  // END SOLUTION
}
