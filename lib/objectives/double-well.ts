/**
 * A tilted double well f(x) = x⁴ − 4x² + x in one dimension: two basins of
 * different depth. Gradient descent started at x = 2 settles in the shallow
 * right basin (local minimum f(1.346997…) = −2.618556…), started at x = −2 it
 * finds the deep left one (global minimum f(−1.472998…) = −5.444192…); between
 * them a local maximum f(0.126000…) = 0.062748… divides the basins.
 *
 * f′(x) = 4x³ − 8x + 1, f″(x) = 12x² − 8. The stationary points are the roots
 * of f′, computed with 40-digit Newton iterations and rounded to double.
 */
import type { Objective } from "../types.js";

/** The stationary points of the double well, left to right: global minimum, local maximum, local minimum. */
export const DOUBLE_WELL_STATIONARY = {
  globalMin: { x: -1.4729976011140302, value: -5.444192066610897 },
  localMax: { x: 0.1260001925862561, value: 0.06274804737614482 },
  localMin: { x: 1.346997408527774, value: -2.6185559807652474 },
} as const;

export function doubleWell(): Objective & { readonly localMinima: ReadonlyArray<{ readonly x: number; readonly value: number }> } {
  return {
    name: "double-well",
    dim: 1,
    value(p) {
      const x = p[0];
      const x2 = x * x;
      return x2 * x2 - 4 * x2 + x;
    },
    grad(p, out) {
      const x = p[0];
      out[0] = 4 * x * x * x - 8 * x + 1;
      return out;
    },
    hessian(p, out) {
      out[0] = 12 * p[0] * p[0] - 8;
      return out;
    },
    domain: [[-2.2, 2.2]],
    minima: [[DOUBLE_WELL_STATIONARY.globalMin.x]],
    minValue: DOUBLE_WELL_STATIONARY.globalMin.value,
    localMinima: [DOUBLE_WELL_STATIONARY.globalMin, DOUBLE_WELL_STATIONARY.localMin],
  };
}
