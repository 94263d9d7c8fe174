/**
 * Adam: momentum on the gradient, RMSprop on its scale, both bias-corrected.
 *
 * $$\begin{aligned}
 * m_t &= \beta_1\, m_{t-1} + (1 - \beta_1)\, g_t\\
 * v_t &= \beta_2\, v_{t-1} + (1 - \beta_2)\, g_t^2\\
 * \theta_t &= \theta_{t-1} - \frac{\eta_t}{1 - \beta_1^t}\; \frac{m_t}{\sqrt{v_t}\,/\sqrt{1 - \beta_2^t} + \varepsilon}
 * \end{aligned}$$
 *
 * with m₀ = v₀ = 0. In real arithmetic this is η m̂/(√v̂ + ε) with
 * m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ); the code evaluates it in torch's order.
 *
 * Defaults: `lr = 1e-3`, `beta1 = 0.9`, `beta2 = 0.999`, `eps = 1e-8`.
 *
 * torch.optim equivalent: `torch.optim.Adam(params, lr, betas=(beta1, beta2), eps)`.
 *
 * Paper: D. P. Kingma and J. Ba, "Adam: A Method for Stochastic Optimization"
 * (ICLR 2015), https://arxiv.org/abs/1412.6980 (Algorithm 1).
 *
 * Conventions: ε is added outside the square root and *after* the bias
 * correction of v (Algorithm 1; torch and optax). TensorFlow's Keras Adam uses
 * the formulation just before the paper's §2.1, ε̂ added to √v without
 * correction, which differs when √v̂ is comparable to ε. With `beta1 = 0`
 * Adam is RMSprop (α = β₂) whose v is bias-corrected and whose ε sits outside
 * the root: θ ← θ − η g/(√(v/(1 − β₂ᵗ)) + ε).
 *
 * State: `m` (torch's `exp_avg`), `v` (`exp_avg_sq`).
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateEps, validateLr, validateRate } from "./common.js";

export interface AdamHyper {
  /** The learning rate η: a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The decay β₁ ∈ [0, 1) of the first moment. */
  readonly beta1: number;
  /** The decay β₂ ∈ [0, 1) of the second moment. */
  readonly beta2: number;
  /** ε > 0, added outside the square root. */
  readonly eps: number;
}

export interface AdamState extends OptimizerState {
  /** The first moment m (torch's `exp_avg`). */
  readonly m: Float64Array;
  /** The second moment v (torch's `exp_avg_sq`). */
  readonly v: Float64Array;
}

const DEFAULTS: AdamHyper = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** Validates Adam's hyperparameters for `owner` (shared with amsgrad). */
export function validateAdamHyper(owner: string, o: AdamHyper): AdamHyper {
  return {
    lr: validateLr(owner, o.lr),
    beta1: validateRate(owner, "beta1", o.beta1),
    beta2: validateRate(owner, "beta2", o.beta2),
    eps: validateEps(owner, o.eps),
  };
}

function adamStep(theta: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, c: Float64Array): void {
  const lr = c[0], beta1 = c[1], beta2 = c[2], eps = c[3], t = c[4];
  const stepSize = lr / (1 - beta1 ** t);
  const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
  for (let i = 0; i < theta.length; i++) {
    m[i] = beta1 * m[i] + (1 - beta1) * g[i];
    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
    theta[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / bc2Sqrt + eps);
  }
}

class Adam implements Optimizer<AdamState, AdamHyper> {
  readonly name = "adam";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(5);
  constructor(readonly hyper: Readonly<AdamHyper>) {}
  init(dim: number): AdamState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, m: new Float64Array(n), v: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: AdamState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const h = this.hyper;
    const c = this.c;
    c[0] = learningRate(this.name, h.lr, t);
    c[1] = h.beta1;
    c[2] = h.beta2;
    c[3] = h.eps;
    c[4] = t;
    adamStep(params, grad, state.m, state.v, c);
    state.t = t;
  }
  with(changes: Partial<AdamHyper>): Optimizer<AdamState, AdamHyper> {
    return adam({ ...this.hyper, ...changes });
  }
}

/** Creates Adam (torch.optim.Adam). */
export function adam(options: Partial<AdamHyper> = {}): Optimizer<AdamState, AdamHyper> {
  return new Adam(Object.freeze(validateAdamHyper("adam", readOptions("adam", options, DEFAULTS))));
}
