/**
 * Adagrad without the square root — the variant that shows why the root matters.
 *
 * $$\begin{aligned}
 * s_t &= s_{t-1} + g_t^2 \qquad (s_0 = 0)\\
 * \theta_t &= \theta_{t-1} - \eta_t\, \frac{g_t}{s_t + \varepsilon}
 * \end{aligned}$$
 *
 * Defaults: `lr = 0.01`, `eps = 1e-10`.
 *
 * torch.optim equivalent: none.
 *
 * Notes: the step g/s has the units of 1/g, so scaling the loss by c scales the
 * step by 1/c (with the root, g/√s is scale-free), and under a constant
 * gradient the step decays like 1/t instead of 1/√t, which stalls progress.
 * Paper of the original: J. Duchi, E. Hazan and Y. Singer (JMLR 2011),
 * https://jmlr.org/papers/v12/duchi11a.html
 *
 * State: `s`.
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateEps, validateLr } from "./common.js";

export interface AdagradNoSqrtHyper {
  /** The learning rate η: a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** ε > 0, added to the accumulator. */
  readonly eps: number;
}

export interface AdagradNoSqrtState extends OptimizerState {
  /** The running sum s of squared gradients. */
  readonly s: Float64Array;
}

const DEFAULTS: AdagradNoSqrtHyper = { lr: 0.01, eps: 1e-10 };

function adagradNoSqrtStep(theta: Float64Array, g: Float64Array, s: Float64Array, c: Float64Array): void {
  const lr = c[0], eps = c[1];
  for (let i = 0; i < theta.length; i++) {
    s[i] += g[i] * g[i];
    theta[i] -= lr * g[i] / (s[i] + eps);
  }
}

class AdagradNoSqrt implements Optimizer<AdagradNoSqrtState, AdagradNoSqrtHyper> {
  readonly name = "adagradNoSqrt";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(2);
  constructor(readonly hyper: Readonly<AdagradNoSqrtHyper>) {}
  init(dim: number): AdagradNoSqrtState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, s: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: AdagradNoSqrtState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const c = this.c;
    c[0] = learningRate(this.name, this.hyper.lr, t);
    c[1] = this.hyper.eps;
    adagradNoSqrtStep(params, grad, state.s, c);
    state.t = t;
  }
  with(changes: Partial<AdagradNoSqrtHyper>): Optimizer<AdagradNoSqrtState, AdagradNoSqrtHyper> {
    return adagradNoSqrt({ ...this.hyper, ...changes });
  }
}

/** Creates Adagrad without the square root (a teaching variant). */
export function adagradNoSqrt(options: Partial<AdagradNoSqrtHyper> = {}): Optimizer<AdagradNoSqrtState, AdagradNoSqrtHyper> {
  const o = readOptions("adagradNoSqrt", options, DEFAULTS);
  return new AdagradNoSqrt(Object.freeze({ lr: validateLr("adagradNoSqrt", o.lr), eps: validateEps("adagradNoSqrt", o.eps) }));
}
