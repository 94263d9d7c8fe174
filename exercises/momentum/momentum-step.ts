/**
 * Exercise momentum/momentum-step — a momentum step in torch's convention.
 *
 * Heavy-ball momentum as torch.optim.SGD(momentum=μ) computes it (dampening
 * 0): the buffer v sums past gradients with the decay μ, *without* the
 * (1 − μ) of an exponentially weighted average, and the learning rate
 * multiplies the whole buffer:
 *
 *     v ← μ·v + g          (v starts at 0)
 *     x ← x − η·v
 *
 * `momentumStep(x, g, state, hyper)` takes one step: it counts the step
 * (state.t += 1), updates the buffer state.v and the parameters x in place,
 * and returns nothing. hyper = {lr: η, momentum: μ}.
 */
export interface MomentumStepState {
  t: number;
  v: Float64Array;
}

export interface MomentumStepHyper {
  lr: number;
  momentum: number;
}

export function momentumStep(x: Float64Array, g: Float64Array, state: MomentumStepState, hyper: MomentumStepHyper): void {
  // BEGIN SOLUTION
  state.t += 1;
  const { lr, momentum: mu } = hyper;
  for (let i = 0; i < x.length; i++) {
    state.v[i] = mu * state.v[i] + g[i];
    x[i] -= lr * state.v[i];
  }
  // END SOLUTION
}
