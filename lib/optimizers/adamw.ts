/**
 * AdamW: Adam with weight decay decoupled from the gradient.
 *
 * $$\begin{aligned}
 * \theta' &= \theta_{t-1}\,(1 - \eta_t\, \lambda)\\
 * m_t &= \beta_1\, m_{t-1} + (1 - \beta_1)\, g_t\\
 * v_t &= \beta_2\, v_{t-1} + (1 - \beta_2)\, g_t^2\\
 * \theta_t &= \theta' - \frac{\eta_t}{1 - \beta_1^t}\; \frac{m_t}{\sqrt{v_t}\,/\sqrt{1 - \beta_2^t} + \varepsilon}
 * \end{aligned}$$
 *
 * with λ the `weightDecay` and g_t the gradient at θ_{t−1}.
 *
 * Defaults: `lr = 1e-3`, `beta1 = 0.9`, `beta2 = 0.999`, `eps = 1e-8`, `weightDecay = 1e-2`.
 *
 * torch.optim equivalent: `torch.optim.AdamW(params, lr, betas, eps, weight_decay)`.
 *
 * Paper: I. Loshchilov and F. Hutter, "Decoupled Weight Decay Regularization"
 * (ICLR 2019), https://arxiv.org/abs/1711.05101
 *
 * Conventions: the decay is multiplied by the learning rate η (torch), not
 * applied as a separate schedule multiplier as in the paper; it shrinks the
 * parameters *before* the Adam step and never enters m or v, unlike L2
 * regularization added to the gradient. With `weightDecay = 0` it is `adam`.
 *
 * State: `m` (torch's `exp_avg`), `v` (`exp_avg_sq`).
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { validateAdamHyper } from "./adam.js";
import { checkStep, initDim, learningRate, readOptions, validateNonNegative } from "./common.js";

export interface AdamwHyper {
  /** The learning rate η: a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The decay β₁ ∈ [0, 1) of the first moment. */
  readonly beta1: number;
  /** The decay β₂ ∈ [0, 1) of the second moment. */
  readonly beta2: number;
  /** ε > 0, added outside the square root. */
  readonly eps: number;
  /** The decoupled weight decay λ ≥ 0. */
  readonly weightDecay: number;
}

export interface AdamwState extends OptimizerState {
  /** The first moment m (torch's `exp_avg`). */
  readonly m: Float64Array;
  /** The second moment v (torch's `exp_avg_sq`). */
  readonly v: Float64Array;
}

const DEFAULTS: AdamwHyper = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 1e-2 };

function adamwStep(theta: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, c: Float64Array): void {
  const lr = c[0], beta1 = c[1], beta2 = c[2], eps = c[3], weightDecay = c[4], t = c[5];
  const decay = 1 - lr * weightDecay;
  const stepSize = lr / (1 - beta1 ** t);
  const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
  for (let i = 0; i < theta.length; i++) {
    theta[i] *= decay;
    m[i] = beta1 * m[i] + (1 - beta1) * g[i];
    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
    theta[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / bc2Sqrt + eps);
  }
}

class Adamw implements Optimizer<AdamwState, AdamwHyper> {
  readonly name = "adamw";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(6);
  constructor(readonly hyper: Readonly<AdamwHyper>) {}
  init(dim: number): AdamwState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, m: new Float64Array(n), v: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: AdamwState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const h = this.hyper;
    const c = this.c;
    c[0] = learningRate(this.name, h.lr, t);
    c[1] = h.beta1;
    c[2] = h.beta2;
    c[3] = h.eps;
    c[4] = h.weightDecay;
    c[5] = t;
    adamwStep(params, grad, state.m, state.v, c);
    state.t = t;
  }
  with(changes: Partial<AdamwHyper>): Optimizer<AdamwState, AdamwHyper> {
    return adamw({ ...this.hyper, ...changes });
  }
}

/** Creates AdamW (torch.optim.AdamW). */
export function adamw(options: Partial<AdamwHyper> = {}): Optimizer<AdamwState, AdamwHyper> {
  const o = readOptions("adamw", options, DEFAULTS);
  return new Adamw(
    Object.freeze({ ...validateAdamHyper("adamw", o), weightDecay: validateNonNegative("adamw", "weightDecay", o.weightDecay) })
  );
}
