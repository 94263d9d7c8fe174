/**
 * The parabola f(x) = x² in one dimension (D2L 12.3's first example, started
 * at x = 10): gradient descent with step η multiplies x by (1 − 2η) per step,
 * so it converges for 0 < η < 1 and oscillates for η > 1/2.
 */
import type { Objective } from "../types.js";

export function parabola(): Objective {
  return {
    name: "parabola",
    dim: 1,
    value: (x) => x[0] * x[0],
    grad(x, out) {
      out[0] = 2 * x[0];
      return out;
    },
    hessian(_x, out) {
      out[0] = 2;
      return out;
    },
    domain: [[-10, 10]],
    minima: [[0]],
    minValue: 0,
  };
}
