/**
 * The saddle f(x, y) = x² − y²: a stationary point at the origin that is a
 * minimum along x and a maximum along y (Hessian diag(2, −2)). Unbounded below,
 * so `minima` lists the stationary point and there is no `minValue`.
 *
 * Started at (−1, 10⁻³), gradient descent with step η shrinks x by (1 − 2η) and
 * grows y only by (1 + 2η) per step: it lingers near the saddle before escaping,
 * the behaviour of Ruder's saddle animation.
 */
import type { Objective } from "../types.js";

export function saddle(): Objective {
  return {
    name: "saddle",
    dim: 2,
    value: (x) => x[0] * x[0] - x[1] * x[1],
    grad(x, out) {
      out[0] = 2 * x[0];
      out[1] = -2 * x[1];
      return out;
    },
    hessian(_x, out) {
      out[0] = 2;
      out[1] = 0;
      out[2] = 0;
      out[3] = -2;
      return out;
    },
    domain: [
      [-1.5, 1.5],
      [-1.5, 1.5],
    ],
    minima: [[0, 0]],
  };
}
