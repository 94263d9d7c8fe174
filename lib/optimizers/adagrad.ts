/**
 * Adagrad: a per-coordinate learning rate that shrinks with the sum of the
 * squared gradients seen so far.
 *
 * $$\begin{aligned}
 * s_t &= s_{t-1} + g_t^2 \qquad (s_0 = \text{initialAccumulatorValue})\\
 * \tilde\eta_t &= \frac{\eta_t}{1 + (t - 1)\,\lambda}\\
 * \theta_t &= \theta_{t-1} - \tilde\eta_t\, \frac{g_t}{\sqrt{s_t} + \varepsilon}
 * \end{aligned}$$
 *
 * with λ the `lrDecay`.
 *
 * Defaults: `lr = 0.01`, `lrDecay = 0`, `eps = 1e-10`, `initialAccumulatorValue = 0`.
 *
 * torch.optim equivalent: `torch.optim.Adagrad(params, lr, lr_decay, eps=eps,
 * initial_accumulator_value)`.
 *
 * Paper: J. Duchi, E. Hazan and Y. Singer, "Adaptive Subgradient Methods for
 * Online Learning and Stochastic Optimization" (JMLR 2011),
 * https://jmlr.org/papers/v12/duchi11a.html
 *
 * Conventions: ε is added *outside* the square root, as in torch. D2L and many
 * notes write g/√(s + ε) instead: that is `adagradEpsInside`; the two steps
 * differ by a relative amount of at most max(ε/√s, ε/(2s)), negligible once
 * g² ≫ ε. Without the square root (`adagradNoSqrt`) the rule is no longer
 * invariant to rescaling the loss.
 *
 * State: `s` (torch's `sum`).
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateEps, validateLr, validateNonNegative } from "./common.js";

export interface AdagradHyper {
  /** The learning rate η: a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The decay λ ≥ 0 of the learning rate: η / (1 + (t − 1)λ). */
  readonly lrDecay: number;
  /** ε > 0, added outside the square root. */
  readonly eps: number;
  /** The starting value s₀ ≥ 0 of the accumulator. */
  readonly initialAccumulatorValue: number;
}

export interface AdagradState extends OptimizerState {
  /** The running sum s of squared gradients (torch's `sum`). */
  readonly s: Float64Array;
}

const DEFAULTS: AdagradHyper = { lr: 0.01, lrDecay: 0, eps: 1e-10, initialAccumulatorValue: 0 };

function adagradStep(theta: Float64Array, g: Float64Array, s: Float64Array, c: Float64Array): void {
  const clr = c[0], eps = c[1];
  for (let i = 0; i < theta.length; i++) {
    s[i] += g[i] * g[i];
    theta[i] -= clr * g[i] / (Math.sqrt(s[i]) + eps);
  }
}

class Adagrad implements Optimizer<AdagradState, AdagradHyper> {
  readonly name = "adagrad";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(2);
  constructor(readonly hyper: Readonly<AdagradHyper>) {}
  init(dim: number): AdagradState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, s: new Float64Array(n).fill(this.hyper.initialAccumulatorValue) };
  }
  step(params: Float64Array, grad: Float64Array, state: AdagradState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const h = this.hyper;
    const clr = learningRate(this.name, h.lr, t) / (1 + (t - 1) * h.lrDecay);
    const c = this.c;
    c[0] = clr;
    c[1] = h.eps;
    adagradStep(params, grad, state.s, c);
    state.t = t;
  }
  with(changes: Partial<AdagradHyper>): Optimizer<AdagradState, AdagradHyper> {
    return adagrad({ ...this.hyper, ...changes });
  }
}

/** Creates Adagrad (torch.optim.Adagrad). */
export function adagrad(options: Partial<AdagradHyper> = {}): Optimizer<AdagradState, AdagradHyper> {
  const o = readOptions("adagrad", options, DEFAULTS);
  return new Adagrad(
    Object.freeze({
      lr: validateLr("adagrad", o.lr),
      lrDecay: validateNonNegative("adagrad", "lrDecay", o.lrDecay),
      eps: validateEps("adagrad", o.eps),
      initialAccumulatorValue: validateNonNegative("adagrad", "initialAccumulatorValue", o.initialAccumulatorValue),
    })
  );
}
