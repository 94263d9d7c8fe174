/**
 * AMSGrad as torch.optim implements it: Adam that never lets its second moment
 * shrink, with Adam's bias corrections kept.
 *
 * $$\begin{aligned}
 * m_t &= \beta_1\, m_{t-1} + (1 - \beta_1)\, g_t\\
 * v_t &= \beta_2\, v_{t-1} + (1 - \beta_2)\, g_t^2\\
 * v^{\max}_t &= \max(v^{\max}_{t-1},\, v_t)\\
 * \theta_t &= \theta_{t-1} - \frac{\eta_t}{1 - \beta_1^t}\; \frac{m_t}{\sqrt{v^{\max}_t}\,/\sqrt{1 - \beta_2^t} + \varepsilon}
 * \end{aligned}$$
 *
 * Defaults: as `adam`: `lr = 1e-3`, `beta1 = 0.9`, `beta2 = 0.999`, `eps = 1e-8`.
 *
 * torch.optim equivalent: `torch.optim.Adam(params, lr, betas, eps, amsgrad=True)`.
 *
 * Paper: S. J. Reddi, S. Kale and S. Kumar, "On the Convergence of Adam and
 * Beyond" (ICLR 2018), https://openreview.net/forum?id=ryQu7f-RZ
 *
 * Conventions: the maximum is taken over the *uncorrected* v, and the bias
 * correction 1/√(1 − β₂ᵗ) is applied afterwards, as torch does; the paper's
 * Algorithm 2 has no bias correction and no ε (that form is `amsgradReddi`).
 * The element-wise maximum v^max is non-decreasing in t.
 *
 * State: `m` (torch's `exp_avg`), `v` (`exp_avg_sq`), `vMax` (`max_exp_avg_sq`).
 */
import type { Optimizer, OptimizerState } from "../types.js";
import { type AdamHyper, validateAdamHyper } from "./adam.js";
import { checkStep, initDim, learningRate, readOptions } from "./common.js";

export type AmsgradHyper = AdamHyper;

export interface AmsgradState extends OptimizerState {
  /** The first moment m (torch's `exp_avg`). */
  readonly m: Float64Array;
  /** The second moment v (torch's `exp_avg_sq`). */
  readonly v: Float64Array;
  /** The running maximum of v (torch's `max_exp_avg_sq`). */
  readonly vMax: Float64Array;
}

const DEFAULTS: AmsgradHyper = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

function amsgradStep(theta: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, vMax: Float64Array, c: Float64Array): void {
  const lr = c[0], beta1 = c[1], beta2 = c[2], eps = c[3], t = c[4];
  const stepSize = lr / (1 - beta1 ** t);
  const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
  for (let i = 0; i < theta.length; i++) {
    m[i] = beta1 * m[i] + (1 - beta1) * g[i];
    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
    vMax[i] = Math.max(vMax[i], v[i]);
    theta[i] -= stepSize * m[i] / (Math.sqrt(vMax[i]) / bc2Sqrt + eps);
  }
}

class Amsgrad implements Optimizer<AmsgradState, AmsgradHyper> {
  readonly name = "amsgrad";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(5);
  constructor(readonly hyper: Readonly<AmsgradHyper>) {}
  init(dim: number): AmsgradState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, m: new Float64Array(n), v: new Float64Array(n), vMax: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: AmsgradState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const h = this.hyper;
    const c = this.c;
    c[0] = learningRate(this.name, h.lr, t);
    c[1] = h.beta1;
    c[2] = h.beta2;
    c[3] = h.eps;
    c[4] = t;
    amsgradStep(params, grad, state.m, state.v, state.vMax, c);
    state.t = t;
  }
  with(changes: Partial<AmsgradHyper>): Optimizer<AmsgradState, AmsgradHyper> {
    return amsgrad({ ...this.hyper, ...changes });
  }
}

/** Creates AMSGrad in torch's form (torch.optim.Adam with `amsgrad=True`). */
export function amsgrad(options: Partial<AmsgradHyper> = {}): Optimizer<AmsgradState, AmsgradHyper> {
  return new Amsgrad(Object.freeze(validateAdamHyper("amsgrad", readOptions("amsgrad", options, DEFAULTS))));
}
