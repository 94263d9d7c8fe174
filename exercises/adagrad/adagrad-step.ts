/**
 * Exercise adagrad/adagrad-step — Adagrad's step.
 *
 * Adagrad gives every coordinate its own learning rate, shrinking with the
 * sum s of the squared gradients it has seen. In torch's convention (ε
 * outside the square root, no learning-rate decay):
 *
 *     s ← s + g²                     (per coordinate; s starts at 0)
 *     x ← x − η·g / (√s + ε)
 *
 * `adagradStep(x, g, state, hyper)` takes one step: it counts the step
 * (state.t += 1), updates state.s and x in place, and returns nothing.
 * hyper = {lr: η, eps: ε}.
 */
export interface AdagradStepState {
  t: number;
  s: Float64Array;
}

export interface AdagradStepHyper {
  lr: number;
  eps: number;
}

export function adagradStep(x: Float64Array, g: Float64Array, state: AdagradStepState, hyper: AdagradStepHyper): void {
  // BEGIN SOLUTION
  state.t += 1;
  for (let i = 0; i < x.length; i++) {
    state.s[i] += g[i] * g[i];
    x[i] -= (hyper.lr * g[i]) / (Math.sqrt(state.s[i]) + hyper.eps);
  }
  // END SOLUTION
}
