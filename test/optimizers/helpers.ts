/** Small shared helpers for the optimizer tests. */
import { expect } from "vitest";
import type { Optimizer, OptimizerState } from "../../lib/types.js";

/** Asserts |actual[i] − expected[i]| ≤ rel · max(1, |expected[i]|) for every i. */
export function expectClose(actual: ArrayLike<number>, expected: readonly number[], rel = 1e-14): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const tol = rel * Math.max(1, Math.abs(e));
    if (!(Math.abs(actual[i]! - e) <= tol)) {
      expect.fail(`element ${i}: got ${actual[i]}, expected ${e} (tolerance ${tol})`);
    }
  }
}

/** Runs `steps` steps of `opt` from `x0` with `grad(x, g, t)`, honouring `gradientPoint`. */
export function runSteps<S extends OptimizerState>(
  opt: Optimizer<S, object>,
  x0: readonly number[],
  grad: (x: Float64Array, g: Float64Array, t: number) => void,
  steps: number
): { x: Float64Array; state: S } {
  const x = Float64Array.from(x0);
  const g = new Float64Array(x.length);
  const look = new Float64Array(x.length);
  const state = opt.init(x.length);
  for (let t = 1; t <= steps; t++) {
    grad(opt.gradientPoint ? opt.gradientPoint(x, state, look) : x, g, t);
    opt.step(x, g, state);
  }
  return { x, state };
}

/** A gradient sequence that ignores the parameters: g_t[i] = sin(1.3 t + 0.7 i) · (1 + i). */
export function fixedSequence(_x: Float64Array, g: Float64Array, t: number): void {
  for (let i = 0; i < g.length; i++) g[i] = Math.sin(1.3 * t + 0.7 * i) * (1 + i);
}
