/**
 * Himmelblau's function f(x, y) = (x² + y − 11)² + (x + y² − 7)²: four global
 * minima of value 0, so where an optimizer ends depends on where it starts and
 * how it moves. (3, 2) is exact; the other three are roots of a cubic system,
 * given here to double precision (computed with 40-digit Newton iterations).
 * A local maximum f ≈ 181.617 sits at (−0.270845, −0.923039).
 */
import type { Objective } from "../types.js";

export function himmelblau(): Objective {
  return {
    name: "himmelblau",
    dim: 2,
    value(p) {
      const x = p[0], y = p[1];
      const u = x * x + y - 11, w = x + y * y - 7;
      return u * u + w * w;
    },
    grad(p, out) {
      const x = p[0], y = p[1];
      const u = x * x + y - 11, w = x + y * y - 7;
      out[0] = 4 * x * u + 2 * w;
      out[1] = 2 * u + 4 * y * w;
      return out;
    },
    hessian(p, out) {
      const x = p[0], y = p[1];
      out[0] = 12 * x * x + 4 * y - 42;
      out[1] = out[2] = 4 * (x + y);
      out[3] = 12 * y * y + 4 * x - 26;
      return out;
    },
    domain: [
      [-5, 5],
      [-5, 5],
    ],
    minima: [
      [3, 2],
      [-2.805118086952745, 3.131312518250573],
      [-3.779310253377747, -3.2831859912861696],
      [3.5844283403304917, -1.8481265269644036],
    ],
    minValue: 0,
  };
}
