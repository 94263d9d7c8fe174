/**
 * Exercise adam/nadam-step — Nadam's step, as torch.optim.NAdam (torch ≥ 2.0).
 *
 * Nadam (Dozat 2016) is Adam with a Nesterov look-ahead in the first moment
 * and a momentum that warms up, μ_t = β₁·(1 − ½·0.96^(t·ψ)), ψ = momentumDecay.
 * With Π_t = μ₁·μ₂·…·μ_t (state.muProduct, 1 before the first step):
 *
 *     m ← β₁·m + (1 − β₁)·g,      v ← β₂·v + (1 − β₂)·g²        (per coordinate)
 *     d = √(v / (1 − β₂ᵗ)) + ε
 *     x ← x − η·(1 − μ_t)/(1 − Π_t) · g/d − η·μ_{t+1}/(1 − Π_t·μ_{t+1}) · m/d
 *
 * (torch 1.x used Π_t·μ_t·μ_{t+1} in the last denominator, a bug fixed in
 * torch 2.0; write the fixed rule.)
 *
 * `nadamStep(x, g, state, hyper)` takes one step: it counts the step
 * (state.t += 1, t = 1 at the first step), updates state.m, state.v,
 * state.muProduct and x in place, and returns nothing.
 * hyper = {lr: η, beta1: β₁, beta2: β₂, eps: ε, momentumDecay: ψ}.
 */
export interface NadamStepState {
  t: number;
  m: Float64Array;
  v: Float64Array;
  muProduct: number;
}

export interface NadamStepHyper {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  momentumDecay: number;
}

export function nadamStep(x: Float64Array, g: Float64Array, state: NadamStepState, hyper: NadamStepHyper): void {
  // BEGIN SOLUTION
  state.t += 1;
  const t = state.t;
  const { lr, beta1, beta2, eps, momentumDecay } = hyper;
  const mu = beta1 * (1 - 0.5 * 0.96 ** (t * momentumDecay));
  const muNext = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * momentumDecay));
  state.muProduct *= mu;
  const gScale = (lr * (1 - mu)) / (1 - state.muProduct);
  const mScale = (lr * muNext) / (1 - state.muProduct * muNext);
  for (let i = 0; i < x.length; i++) {
    state.m[i] = beta1 * state.m[i] + (1 - beta1) * g[i];
    state.v[i] = beta2 * state.v[i] + (1 - beta2) * g[i] * g[i];
    const d = Math.sqrt(state.v[i] / (1 - beta2 ** t)) + eps;
    x[i] -= (gScale * g[i]) / d;
    x[i] -= (mScale * state.m[i]) / d;
  }
  // END SOLUTION
}
