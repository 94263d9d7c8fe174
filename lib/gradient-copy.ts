/**
 * `withGradientCopy(optimizer)`: the same optimizer, except that each `step`
 * receives a copy of the gradient instead of the runner's own buffer.
 *
 * For a reader's optimizer run by `train` on a sparse model: the Optimizer
 * contract (lib/types.ts) lets `step` overwrite `grad`, but
 * `logisticRegression.grad` clears only the coordinates it wrote on its last
 * call (its cost is the batch's nonzeros), so anything a step writes elsewhere
 * into `grad` would be added to every later gradient. One copy of `dim`
 * numbers per step, no more allocation after the first.
 */
import type { Optimizer, OptimizerState } from "./types.js";

export function withGradientCopy<S extends OptimizerState, H extends object>(inner: Optimizer<S, H>): Optimizer<S, H> {
  let scratch: Float64Array | null = null;
  const copying: Optimizer<S, H> = {
    name: inner.name,
    hyper: inner.hyper,
    init: (dim: number) => inner.init(dim),
    step(params: Float64Array, grad: Float64Array, state: S) {
      if (scratch === null || scratch.length !== grad.length) scratch = new Float64Array(grad.length);
      scratch.set(grad);
      inner.step(params, scratch, state);
    },
    with: (changes: Partial<H>) => withGradientCopy(inner.with(changes)),
  };
  if (typeof inner.gradientPoint === "function") copying.gradientPoint = inner.gradientPoint.bind(inner);
  return copying;
}
