/**
 * Exercise rmsprop-adadelta/adadelta-step — Adadelta's step.
 *
 * Adadelta (Zeiler 2012, Algorithm 1) divides the RMS of recent *updates* by
 * the RMS of recent gradients, so the step carries the units of x and needs
 * no learning rate. In torch's convention (ε inside both square roots, an
 * optional factor lr that is 1 in the paper):
 *
 *     v ← ρ·v + (1 − ρ)·g²                    (per coordinate; v and u start at 0)
 *     Δ = √(u + ε) / √(v + ε) · g             (u is still the previous average)
 *     u ← ρ·u + (1 − ρ)·Δ²                    (the step *before* lr enters)
 *     x ← x − lr·Δ
 *
 * `adadeltaStep(x, g, state, hyper)` takes one step: it counts the step
 * (state.t += 1), updates state.v, state.u and x in place, and returns nothing.
 * hyper = {lr, rho: ρ, eps: ε}.
 */
export interface AdadeltaStepState {
  t: number;
  v: Float64Array;
  u: Float64Array;
}

export interface AdadeltaStepHyper {
  lr: number;
  rho: number;
  eps: number;
}

export function adadeltaStep(x: Float64Array, g: Float64Array, state: AdadeltaStepState, hyper: AdadeltaStepHyper): void {
  // BEGIN SOLUTION
  state.t += 1;
  const { lr, rho, eps } = hyper;
  for (let i = 0; i < x.length; i++) {
    state.v[i] = rho * state.v[i] + (1 - rho) * g[i] * g[i];
    const delta = (Math.sqrt(state.u[i] + eps) / Math.sqrt(state.v[i] + eps)) * g[i];
    state.u[i] = rho * state.u[i] + (1 - rho) * delta * delta;
    x[i] -= lr * delta;
  }
  // END SOLUTION
}
