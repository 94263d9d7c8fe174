/**
 * AMSGrad as Reddi et al. wrote it (Algorithm 2): no bias correction.
 *
 * $$\begin{aligned}
 * m_t &= \beta_1\, m_{t-1} + (1 - \beta_1)\, g_t\\
 * v_t &= \beta_2\, v_{t-1} + (1 - \beta_2)\, g_t^2\\
 * \hat v_t &= \max(\hat v_{t-1},\, v_t)\\
 * \theta_t &= \theta_{t-1} - \eta_t\, \frac{m_t}{\sqrt{\hat v_t} + \varepsilon}
 * \end{aligned}$$
 *
 * with m₀ = v₀ = v̂₀ = 0.
 *
 * Defaults: `lr = 1e-3`, `beta1 = 0.9`, `beta2 = 0.999`, `eps = 1e-8`.
 *
 * torch.optim equivalent: none exactly; `torch.optim.Adam(amsgrad=True)` keeps
 * Adam's bias corrections (`amsgrad`).
 *
 * Paper: S. J. Reddi, S. Kale and S. Kumar, "On the Convergence of Adam and
 * Beyond" (ICLR 2018), https://openreview.net/forum?id=ryQu7f-RZ
 *
 * Conventions: the paper has no ε (it assumes v̂ > 0) and a decaying step
 * α_t = α/√t in its theorem — pass a schedule for that; here ε is added
 * outside the root only to avoid 0/0 at a zero gradient. Without bias
 * correction the first steps are (1 − β₁)/√(1 − β₂) ≈ 3.16 times smaller than
 * a bias-corrected step at the defaults.
 *
 * State: `m`, `v`, `vHat`.
 */
import type { Optimizer, OptimizerState } from "../types.js";
import { type AdamHyper, validateAdamHyper } from "./adam.js";
import { checkStep, initDim, learningRate, readOptions } from "./common.js";

export type AmsgradReddiHyper = AdamHyper;

export interface AmsgradReddiState extends OptimizerState {
  /** The first moment m. */
  readonly m: Float64Array;
  /** The second moment v. */
  readonly v: Float64Array;
  /** The running maximum v̂ of v. */
  readonly vHat: Float64Array;
}

const DEFAULTS: AmsgradReddiHyper = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

function amsgradReddiStep(theta: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, vHat: Float64Array, c: Float64Array): void {
  const lr = c[0], beta1 = c[1], beta2 = c[2], eps = c[3];
  for (let i = 0; i < theta.length; i++) {
    m[i] = beta1 * m[i] + (1 - beta1) * g[i];
    v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
    vHat[i] = Math.max(vHat[i], v[i]);
    theta[i] -= lr * m[i] / (Math.sqrt(vHat[i]) + eps);
  }
}

class AmsgradReddi implements Optimizer<AmsgradReddiState, AmsgradReddiHyper> {
  readonly name = "amsgradReddi";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(4);
  constructor(readonly hyper: Readonly<AmsgradReddiHyper>) {}
  init(dim: number): AmsgradReddiState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, m: new Float64Array(n), v: new Float64Array(n), vHat: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: AmsgradReddiState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const h = this.hyper;
    const c = this.c;
    c[0] = learningRate(this.name, h.lr, t);
    c[1] = h.beta1;
    c[2] = h.beta2;
    c[3] = h.eps;
    amsgradReddiStep(params, grad, state.m, state.v, state.vHat, c);
    state.t = t;
  }
  with(changes: Partial<AmsgradReddiHyper>): Optimizer<AmsgradReddiState, AmsgradReddiHyper> {
    return amsgradReddi({ ...this.hyper, ...changes });
  }
}

/** Creates AMSGrad in the paper's form (no bias correction). */
export function amsgradReddi(options: Partial<AmsgradReddiHyper> = {}): Optimizer<AmsgradReddiState, AmsgradReddiHyper> {
  return new AmsgradReddi(Object.freeze(validateAdamHyper("amsgradReddi", readOptions("amsgradReddi", options, DEFAULTS))));
}
