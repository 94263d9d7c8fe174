/**
 * NAdam: Adam with Nesterov momentum and Dozat's momentum warm-up schedule.
 *
 * $$\begin{aligned}
 * \mu_t &= \beta_1\left(1 - \tfrac12\, 0.96^{\,t\psi}\right), \qquad
 * \Pi_t = \prod_{i=1}^{t} \mu_i\\
 * m_t &= \beta_1\, m_{t-1} + (1 - \beta_1)\, g_t\\
 * v_t &= \beta_2\, v_{t-1} + (1 - \beta_2)\, g_t^2\\
 * d_t &= \sqrt{v_t / (1 - \beta_2^t)} + \varepsilon\\
 * \theta_t &= \theta_{t-1} - \eta_t\,\frac{1 - \mu_t}{1 - \Pi_t}\,\frac{g_t}{d_t}
 *   - \eta_t\,\frac{\mu_{t+1}}{1 - \Pi_t\,\mu_{t+1}}\,\frac{m_t}{d_t}
 * \end{aligned}$$
 *
 * with ψ the `momentumDecay` and m₀ = v₀ = 0.
 *
 * Defaults: `lr = 2e-3`, `beta1 = 0.9`, `beta2 = 0.999`, `eps = 1e-8`, `momentumDecay = 4e-3`.
 *
 * torch.optim equivalent: `torch.optim.NAdam(params, lr, betas, eps,
 * momentum_decay=momentumDecay)` in torch ≥ 2.0.
 *
 * Paper: T. Dozat, "Incorporating Nesterov Momentum into Adam" (ICLR 2016
 * workshop), https://openreview.net/forum?id=OM0jvwB8jIp57ZJjtNEZ
 *
 * Conventions: the second factor uses Π_t·μ_{t+1}, the product up to step
 * t + 1. torch 1.x (including Debian's 1.13) computed Π_t·μ_t·μ_{t+1}, a bug
 * fixed in torch 2.0 (pytorch/pytorch#92699); this follows the fixed rule.
 * ε is outside the root, after the bias correction of v.
 *
 * State: `m` (torch's `exp_avg`), `v` (`exp_avg_sq`), `muProduct` (Π_t, torch's `mu_product`).
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { validateAdamHyper } from "./adam.js";
import { checkStep, initDim, learningRate, readOptions, validateNonNegative } from "./common.js";

export interface NadamHyper {
  /** The learning rate η: a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The decay β₁ ∈ [0, 1) of the first moment (the limit of μ_t). */
  readonly beta1: number;
  /** The decay β₂ ∈ [0, 1) of the second moment. */
  readonly beta2: number;
  /** ε > 0, added outside the square root. */
  readonly eps: number;
  /** ψ ≥ 0 in the momentum schedule μ_t = β₁(1 − ½·0.96^{tψ}). */
  readonly momentumDecay: number;
}

export interface NadamState extends OptimizerState {
  /** The first moment m (torch's `exp_avg`). */
  readonly m: Float64Array;
  /** The second moment v (torch's `exp_avg_sq`). */
  readonly v: Float64Array;
  /** Π_t, the product of the momentum schedule so far (torch's `mu_product`); 1 before the first step. */
  muProduct: number;
}

const DEFAULTS: NadamHyper = { lr: 2e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, momentumDecay: 4e-3 };

function nadamStep(theta: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, c: Float64Array): void {
  const beta1 = c[0], beta2 = c[1], eps = c[2], bc2 = c[3], gScale = c[4], mScale = c[5];
  for (let i = 0; i < theta.length; i++) {
    m[i] = beta1 * m[i] + (1 - beta1) * g[i];
    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
    const d = Math.sqrt(v[i] / bc2) + eps;
    theta[i] -= gScale * g[i] / d;
    theta[i] -= mScale * m[i] / d;
  }
}

class Nadam implements Optimizer<NadamState, NadamHyper> {
  readonly name = "nadam";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(6);
  constructor(readonly hyper: Readonly<NadamHyper>) {}
  init(dim: number): NadamState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, m: new Float64Array(n), v: new Float64Array(n), muProduct: 1 };
  }
  step(params: Float64Array, grad: Float64Array, state: NadamState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const h = this.hyper;
    const lr = learningRate(this.name, h.lr, t);
    const mu = h.beta1 * (1 - 0.5 * 0.96 ** (t * h.momentumDecay));
    const muNext = h.beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * h.momentumDecay));
    const muProduct = state.muProduct * mu;
    const muProductNext = muProduct * muNext;
    const gScale = (lr * (1 - mu)) / (1 - muProduct);
    const mScale = (lr * muNext) / (1 - muProductNext);
    const c = this.c;
    c[0] = h.beta1;
    c[1] = h.beta2;
    c[2] = h.eps;
    c[3] = 1 - h.beta2 ** t;
    c[4] = gScale;
    c[5] = mScale;
    nadamStep(params, grad, state.m, state.v, c);
    state.muProduct = muProduct;
    state.t = t;
  }
  with(changes: Partial<NadamHyper>): Optimizer<NadamState, NadamHyper> {
    return nadam({ ...this.hyper, ...changes });
  }
}

/** Creates NAdam (torch.optim.NAdam, torch ≥ 2.0 rule). */
export function nadam(options: Partial<NadamHyper> = {}): Optimizer<NadamState, NadamHyper> {
  const o = readOptions("nadam", options, DEFAULTS);
  return new Nadam(
    Object.freeze({ ...validateAdamHyper("nadam", o), momentumDecay: validateNonNegative("nadam", "momentumDecay", o.momentumDecay) })
  );
}
