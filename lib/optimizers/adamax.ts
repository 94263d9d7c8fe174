/**
 * AdaMax: Adam with the second moment replaced by a leaky infinity norm.
 *
 * $$\begin{aligned}
 * m_t &= \beta_1\, m_{t-1} + (1 - \beta_1)\, g_t\\
 * u_t &= \max(\beta_2\, u_{t-1},\; |g_t| + \varepsilon)\\
 * \theta_t &= \theta_{t-1} - \frac{\eta_t}{1 - \beta_1^t}\; \frac{m_t}{u_t}
 * \end{aligned}$$
 *
 * with m₀ = u₀ = 0.
 *
 * Defaults: `lr = 2e-3`, `beta1 = 0.9`, `beta2 = 0.999`, `eps = 1e-8`.
 *
 * torch.optim equivalent: `torch.optim.Adamax(params, lr, betas, eps)`.
 *
 * Paper: D. P. Kingma and J. Ba, "Adam: A Method for Stochastic Optimization"
 * (ICLR 2015), https://arxiv.org/abs/1412.6980 (§7.1, Algorithm 2).
 *
 * Conventions: the paper writes u_t = max(β₂u_{t−1}, |g_t|) with no ε; torch
 * adds ε to |g| *inside* the max, so u ≥ ε and a zero gradient never divides
 * by zero. u needs no bias correction (it is not an average); m gets the usual
 * 1/(1 − β₁ᵗ). Between steps u decays by β₂ and is otherwise non-decreasing:
 * u_t ≥ β₂ u_{t−1}.
 *
 * State: `m` (torch's `exp_avg`), `u` (`exp_inf`).
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { validateAdamHyper } from "./adam.js";
import { checkStep, initDim, learningRate, readOptions } from "./common.js";

export interface AdamaxHyper {
  /** The learning rate η: a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The decay β₁ ∈ [0, 1) of the first moment. */
  readonly beta1: number;
  /** The decay β₂ ∈ [0, 1) of the infinity norm. */
  readonly beta2: number;
  /** ε > 0, added to |g| inside the max. */
  readonly eps: number;
}

export interface AdamaxState extends OptimizerState {
  /** The first moment m (torch's `exp_avg`). */
  readonly m: Float64Array;
  /** The leaky infinity norm u (torch's `exp_inf`). */
  readonly u: Float64Array;
}

const DEFAULTS: AdamaxHyper = { lr: 2e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

function adamaxStep(theta: Float64Array, g: Float64Array, m: Float64Array, u: Float64Array, c: Float64Array): void {
  const lr = c[0], beta1 = c[1], beta2 = c[2], eps = c[3], t = c[4];
  const stepSize = lr / (1 - beta1 ** t);
  for (let i = 0; i < theta.length; i++) {
    m[i] = beta1 * m[i] + (1 - beta1) * g[i];
    u[i] = Math.max(beta2 * u[i], Math.abs(g[i]) + eps);
    theta[i] -= stepSize * m[i] / u[i];
  }
}

class Adamax implements Optimizer<AdamaxState, AdamaxHyper> {
  readonly name = "adamax";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(5);
  constructor(readonly hyper: Readonly<AdamaxHyper>) {}
  init(dim: number): AdamaxState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, m: new Float64Array(n), u: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: AdamaxState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const h = this.hyper;
    const c = this.c;
    c[0] = learningRate(this.name, h.lr, t);
    c[1] = h.beta1;
    c[2] = h.beta2;
    c[3] = h.eps;
    c[4] = t;
    adamaxStep(params, grad, state.m, state.u, c);
    state.t = t;
  }
  with(changes: Partial<AdamaxHyper>): Optimizer<AdamaxState, AdamaxHyper> {
    return adamax({ ...this.hyper, ...changes });
  }
}

/** Creates AdaMax (torch.optim.Adamax). */
export function adamax(options: Partial<AdamaxHyper> = {}): Optimizer<AdamaxState, AdamaxHyper> {
  return new Adamax(Object.freeze(validateAdamHyper("adamax", readOptions("adamax", options, DEFAULTS))));
}
