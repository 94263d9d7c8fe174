/**
 * Rastrigin's function f(x) = A·n + Σᵢ (xᵢ² − A·cos(2πxᵢ)) in n dimensions: a
 * bowl covered in a lattice of local minima (near every integer point), global
 * minimum f(0) = 0. The classic domain is [−5.12, 5.12]ⁿ with A = 10.
 */
import type { Objective } from "../types.js";
import { rejectUnknownKeys, requireInRange, requireInteger } from "../validate.js";

export interface RastriginOptions {
  /** The dimension n, an integer ≥ 1. Default 2. */
  dim?: number;
  /** The amplitude of the ripples, ≥ 0. Default 10. */
  A?: number;
}

const TWO_PI = 2 * Math.PI;

export function rastrigin(options: RastriginOptions = {}): Objective {
  rejectUnknownKeys("rastrigin", options, ["dim", "A"]);
  const dim = requireInteger("rastrigin", "dim", options.dim ?? 2, 1);
  const A = requireInRange("rastrigin", "A", options.A ?? 10, 0, Infinity);
  return {
    name: "rastrigin",
    dim,
    value(x) {
      let sum = A * dim;
      for (let i = 0; i < dim; ++i) sum += x[i] * x[i] - A * Math.cos(TWO_PI * x[i]);
      return sum;
    },
    grad(x, out) {
      for (let i = 0; i < dim; ++i) out[i] = 2 * x[i] + TWO_PI * A * Math.sin(TWO_PI * x[i]);
      return out;
    },
    hessian(x, out) {
      out.fill(0);
      for (let i = 0; i < dim; ++i) out[i * dim + i] = 2 + TWO_PI * TWO_PI * A * Math.cos(TWO_PI * x[i]);
      return out;
    },
    domain: Array.from({ length: dim }, () => [-5.12, 5.12] as const),
    minima: [new Array<number>(dim).fill(0)],
    minValue: 0,
  };
}
