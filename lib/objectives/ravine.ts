/**
 * The seeds' ravine: f(x) = 0.1·x₁² + 2·x₂² (D2L 12.6, the momentum slides).
 *
 * A quadratic whose curvatures differ 20-fold (Hessian diag(0.2, 4)), so
 * gradient descent needs η < 2/4 = 0.5 to converge in x₂ while it crawls in x₁:
 * from the seeds' start (−5, −2), η = 0.4 multiplies x₁ by 0.92 and x₂ by −0.6
 * per step; η = 0.6 multiplies x₂ by −1.4 and diverges.
 *
 * @example minimize(ravine(), sgd({ lr: 0.4 }), [-5, -2], { steps: 20 })
 */
import type { Objective } from "../types.js";

export function ravine(): Objective {
  return {
    name: "ravine",
    dim: 2,
    value: (x) => 0.1 * x[0] * x[0] + 2 * x[1] * x[1],
    grad(x, out) {
      out[0] = 0.2 * x[0];
      out[1] = 4 * x[1];
      return out;
    },
    hessian(_x, out) {
      out[0] = 0.2;
      out[1] = 0;
      out[2] = 0;
      out[3] = 4;
      return out;
    },
    domain: [
      [-6, 2],
      [-3, 3],
    ],
    minima: [[0, 0]],
    minValue: 0,
  };
}
