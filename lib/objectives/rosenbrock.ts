/**
 * Rosenbrock's banana f(x, y) = (a − x)² + b·(y − x²)², minimum f(a, a²) = 0 at
 * the end of a long, curved, nearly flat valley: easy to reach, slow to follow.
 * The defaults a = 1, b = 100 are the classic ones; the domain x ∈ [−2, 2],
 * y ∈ [−1, 3] is the classic picture (widened to contain the minimum for other a).
 */
import type { Objective } from "../types.js";
import { rejectUnknownKeys, requireInRange, requireNumber } from "../validate.js";

export interface RosenbrockOptions {
  /** The minimum sits at (a, a²). Default 1. */
  a?: number;
  /** The steepness of the valley's walls, ≥ 0. Default 100. */
  b?: number;
}

export function rosenbrock(options: RosenbrockOptions = {}): Objective {
  rejectUnknownKeys("rosenbrock", options, ["a", "b"]);
  const a = requireNumber("rosenbrock", "a", options.a ?? 1);
  const b = requireInRange("rosenbrock", "b", options.b ?? 100, 0, Infinity);
  return {
    name: "rosenbrock",
    dim: 2,
    value(p) {
      const x = p[0], y = p[1];
      const u = a - x, w = y - x * x;
      return u * u + b * w * w;
    },
    grad(p, out) {
      const x = p[0], y = p[1];
      const w = y - x * x;
      out[0] = -2 * (a - x) - 4 * b * x * w;
      out[1] = 2 * b * w;
      return out;
    },
    hessian(p, out) {
      const x = p[0], y = p[1];
      out[0] = 2 - 4 * b * y + 12 * b * x * x;
      out[1] = out[2] = -4 * b * x;
      out[3] = 2 * b;
      return out;
    },
    domain: [
      [Math.min(-2, a - 1), Math.max(2, a + 1)],
      [Math.min(-1, a * a - 1), Math.max(3, a * a + 1)],
    ],
    minima: [[a, a * a]],
    minValue: 0,
  };
}
