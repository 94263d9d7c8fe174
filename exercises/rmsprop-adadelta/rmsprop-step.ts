/**
 * Exercise rmsprop-adadelta/rmsprop-step — RMSprop's step.
 *
 * RMSprop replaces Adagrad's growing sum by a leaky average of the squared
 * gradients, so the step size stops shrinking. In torch's convention (ε
 * outside the square root, no bias correction, no momentum, not centered):
 *
 *     v ← α·v + (1 − α)·g²          (per coordinate; v starts at 0)
 *     x ← x − η·g / (√v + ε)
 *
 * `rmspropStep(x, g, state, hyper)` takes one step: it counts the step
 * (state.t += 1), updates state.v and x in place, and returns nothing.
 * hyper = {lr: η, alpha: α, eps: ε}.
 */
export interface RmspropStepState {
  t: number;
  v: Float64Array;
}

export interface RmspropStepHyper {
  lr: number;
  alpha: number;
  eps: number;
}

export function rmspropStep(x: Float64Array, g: Float64Array, state: RmspropStepState, hyper: RmspropStepHyper): void {
  // BEGIN SOLUTION
  state.t += 1;
  const { lr, alpha, eps } = hyper;
  for (let i = 0; i < x.length; i++) {
    state.v[i] = alpha * state.v[i] + (1 - alpha) * g[i] * g[i];
    x[i] -= (lr * g[i]) / (Math.sqrt(state.v[i]) + eps);
  }
  // END SOLUTION
}
