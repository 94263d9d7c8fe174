/**
 * Lessard, Recht & Packard's counterexample (SIAM J. Optim. 26(1), 2016, §4.6):
 * a one-dimensional, 1-strongly convex, 25-smooth function on which the heavy
 * ball, tuned as if it were a quadratic with μ = 1 and L = 25, never converges.
 *
 *   f(x) = 25x²/2             for x < 1
 *        = x²/2 + 24x − 12    for 1 ≤ x < 2
 *        = 25x²/2 − 24x + 36  for x ≥ 2,
 *
 *   f'(x) = 25x, x + 24, 25x − 24 on the three pieces (continuous: 25 at x = 1,
 *   26 at x = 2), so f'' ∈ {1, 25}: μ = 1, L = 25. Minimum f(0) = 0.
 *
 * Polyak's quadratic tuning for κ = 25 is η = 4/(√L + √μ)² = 1/9,
 * β = ((√κ − 1)/(√κ + 1))² = 4/9. Every quadratic with curvatures in [1, 25]
 * then converges at the rate 2/3; on this f the heavy ball started in
 * [3.07, 3.46] (the paper's range) settles into a cycle of three points.
 */
import type { Objective } from "../types.js";

export function lessardCounterexample(): Objective {
  return {
    name: "Lessard–Recht–Packard counterexample",
    dim: 1,
    value(x) {
      const v = x[0];
      if (v < 1) return 12.5 * v * v;
      if (v < 2) return 0.5 * v * v + 24 * v - 12;
      return 12.5 * v * v - 24 * v + 36;
    },
    grad(x, out) {
      const v = x[0];
      out[0] = v < 1 ? 25 * v : v < 2 ? v + 24 : 25 * v - 24;
      return out;
    },
    hessian(x, out) {
      const v = x[0];
      out[0] = v >= 1 && v < 2 ? 1 : 25;
      return out;
    },
    domain: [[-4, 4]],
    minima: [[0]],
    minValue: 0,
  };
}
