/**
 * Adagrad as D2L and most lecture notes write it, with ε *inside* the square root.
 *
 * $$\begin{aligned}
 * s_t &= s_{t-1} + g_t^2 \qquad (s_0 = 0)\\
 * \theta_t &= \theta_{t-1} - \eta_t\, \frac{g_t}{\sqrt{s_t + \varepsilon}}
 * \end{aligned}$$
 *
 * Defaults: `lr = 0.01`, `eps = 1e-6` (D2L's value).
 *
 * torch.optim equivalent: none exactly; `torch.optim.Adagrad` puts ε outside
 * the root (`adagrad`). For the same state the two steps differ by a relative
 * amount of at most max(ε/√s, ε/(2s)): with g² ≫ ε they agree to many digits.
 *
 * Paper: J. Duchi, E. Hazan and Y. Singer (JMLR 2011),
 * https://jmlr.org/papers/v12/duchi11a.html ; form of A. Zhang et al., "Dive
 * into Deep Learning", §12.7, https://d2l.ai/chapter_optimization/adagrad.html
 *
 * State: `s`.
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateEps, validateLr } from "./common.js";

export interface AdagradEpsInsideHyper {
  /** The learning rate η: a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** ε > 0, added inside the square root. */
  readonly eps: number;
}

export interface AdagradEpsInsideState extends OptimizerState {
  /** The running sum s of squared gradients. */
  readonly s: Float64Array;
}

const DEFAULTS: AdagradEpsInsideHyper = { lr: 0.01, eps: 1e-6 };

function adagradEpsInsideStep(theta: Float64Array, g: Float64Array, s: Float64Array, c: Float64Array): void {
  const lr = c[0], eps = c[1];
  for (let i = 0; i < theta.length; i++) {
    s[i] += g[i] * g[i];
    theta[i] -= lr * g[i] / Math.sqrt(s[i] + eps);
  }
}

class AdagradEpsInside implements Optimizer<AdagradEpsInsideState, AdagradEpsInsideHyper> {
  readonly name = "adagradEpsInside";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(2);
  constructor(readonly hyper: Readonly<AdagradEpsInsideHyper>) {}
  init(dim: number): AdagradEpsInsideState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, s: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: AdagradEpsInsideState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const c = this.c;
    c[0] = learningRate(this.name, this.hyper.lr, t);
    c[1] = this.hyper.eps;
    adagradEpsInsideStep(params, grad, state.s, c);
    state.t = t;
  }
  with(changes: Partial<AdagradEpsInsideHyper>): Optimizer<AdagradEpsInsideState, AdagradEpsInsideHyper> {
    return adagradEpsInside({ ...this.hyper, ...changes });
  }
}

/** Creates Adagrad with ε inside the square root (the D2L / lecture-notes form). */
export function adagradEpsInside(options: Partial<AdagradEpsInsideHyper> = {}): Optimizer<AdagradEpsInsideState, AdagradEpsInsideHyper> {
  const o = readOptions("adagradEpsInside", options, DEFAULTS);
  return new AdagradEpsInside(
    Object.freeze({ lr: validateLr("adagradEpsInside", o.lr), eps: validateEps("adagradEpsInside", o.eps) })
  );
}
