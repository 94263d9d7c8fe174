/**
 * Beale's function
 * f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²,
 * the surface of Ruder's optimizer animation: a flat valley that curves into the
 * global minimum f(3, 0.5) = 0, walled by steep ridges toward the corners of
 * [−4.5, 4.5]². Values span five orders of magnitude there, so plot log(1 + f).
 */
import type { Objective } from "../types.js";

export function beale(): Objective {
  return {
    name: "beale",
    dim: 2,
    value(p) {
      const x = p[0], y = p[1];
      const a1 = 1.5 - x + x * y;
      const a2 = 2.25 - x + x * y * y;
      const a3 = 2.625 - x + x * y * y * y;
      return a1 * a1 + a2 * a2 + a3 * a3;
    },
    grad(p, out) {
      const x = p[0], y = p[1];
      const y2 = y * y, y3 = y2 * y;
      const a1 = 1.5 - x + x * y;
      const a2 = 2.25 - x + x * y2;
      const a3 = 2.625 - x + x * y3;
      out[0] = 2 * (a1 * (y - 1) + a2 * (y2 - 1) + a3 * (y3 - 1));
      out[1] = 2 * x * (a1 + 2 * y * a2 + 3 * y2 * a3);
      return out;
    },
    hessian(p, out) {
      const x = p[0], y = p[1];
      const y2 = y * y, y3 = y2 * y;
      const a1 = 1.5 - x + x * y;
      const a2 = 2.25 - x + x * y2;
      const a3 = 2.625 - x + x * y3;
      const d1 = y - 1, d2 = y2 - 1, d3 = y3 - 1;
      out[0] = 2 * (d1 * d1 + d2 * d2 + d3 * d3);
      // ∂/∂y of 2·Σ aᵢ·(yⁱ − 1): 2·Σ (∂aᵢ/∂y·(yⁱ − 1) + aᵢ·i·yⁱ⁻¹), with ∂aᵢ/∂y = i·x·yⁱ⁻¹
      out[1] = out[2] = 2 * (x * d1 + a1 + 2 * x * y * d2 + 2 * y * a2 + 3 * x * y2 * d3 + 3 * y2 * a3);
      // ∂/∂y of 2x·(a1 + 2y·a2 + 3y²·a3)
      out[3] = 2 * x * (x + 2 * a2 + 4 * x * y2 + 6 * y * a3 + 9 * x * y2 * y2);
      return out;
    },
    domain: [
      [-4.5, 4.5],
      [-4.5, 4.5],
    ],
    minima: [[3, 0.5]],
    minValue: 0,
  };
}
