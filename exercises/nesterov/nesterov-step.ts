/**
 * Exercise nesterov/nesterov-step — Nesterov momentum as frameworks write it.
 *
 * torch.optim.SGD(momentum=μ, nesterov=True) keeps the heavy-ball buffer but
 * steps along the gradient plus the *updated* buffer once more — the
 * look-ahead method after a change of variables:
 *
 *     v ← μ·v + g          (v starts at 0)
 *     x ← x − η·(g + μ·v)
 *
 * `nesterovStep(x, g, state, hyper)` takes one step: it counts the step
 * (state.t += 1), updates state.v and x in place, and returns nothing.
 * hyper = {lr: η, momentum: μ}.
 */
export interface NesterovStepState {
  t: number;
  v: Float64Array;
}

export interface NesterovStepHyper {
  lr: number;
  momentum: number;
}

export function nesterovStep(x: Float64Array, g: Float64Array, state: NesterovStepState, hyper: NesterovStepHyper): void {
  // BEGIN SOLUTION
  state.t += 1;
  const { lr, momentum: mu } = hyper;
  for (let i = 0; i < x.length; i++) {
    state.v[i] = mu * state.v[i] + g[i];
    x[i] -= lr * (g[i] + mu * state.v[i]);
  }
  // END SOLUTION
}
