/**
 * Exercise adam/adam-step — Adam's step with bias correction.
 *
 * Adam keeps two exponentially weighted averages, of the gradient (m) and of
 * its square (v), both starting at 0 and so biased toward 0 early on; it
 * divides the bias out before stepping. With t the 1-based step count:
 *
 *     m ← β₁·m + (1 − β₁)·g
 *     v ← β₂·v + (1 − β₂)·g²
 *     m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
 *     x ← x − η·m̂ / (√v̂ + ε)
 *
 * (ε outside the square root, after the correction: Algorithm 1 of Kingma &
 * Ba, and torch.optim.Adam.)
 *
 * `adamStep(x, g, state, hyper)` takes one step: it counts the step
 * (state.t += 1, so t = 1 at the first step), updates state.m, state.v and x
 * in place, and returns nothing. hyper = {lr: η, beta1: β₁, beta2: β₂, eps: ε}.
 */
export interface AdamStepState {
  t: number;
  m: Float64Array;
  v: Float64Array;
}

export interface AdamStepHyper {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
}

export function adamStep(x: Float64Array, g: Float64Array, state: AdamStepState, hyper: AdamStepHyper): void {
  // BEGIN SOLUTION
  state.t += 1;
  const { lr, beta1, beta2, eps } = hyper;
  const correction1 = 1 - Math.pow(beta1, state.t);
  const correction2 = 1 - Math.pow(beta2, state.t);
  for (let i = 0; i < x.length; i++) {
    state.m[i] = beta1 * state.m[i] + (1 - beta1) * g[i];
    state.v[i] = beta2 * state.v[i] + (1 - beta2) * g[i] * g[i];
    const mHat = state.m[i] / correction1;
    const vHat = state.v[i] / correction2;
    x[i] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
  }
  // END SOLUTION
}
