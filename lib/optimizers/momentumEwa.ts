/**
 * Momentum as an exponentially weighted average of gradients (the textbook /
 * Andrew Ng form).
 *
 * $$\begin{aligned}
 * v_t &= \beta\, v_{t-1} + (1 - \beta)\, g_t \qquad (v_0 = 0)\\
 * \theta_t &= \theta_{t-1} - \eta_t\, v_t
 * \end{aligned}$$
 *
 * Defaults: `lr` required (as for `momentum`), `beta = 0.9`.
 *
 * torch.optim equivalent: `torch.optim.SGD(params, lr=lr * (1 - beta),
 * momentum=beta)` — i.e. `momentum({ lr: (1 − β)η, momentum: β, dampening: 0 })`.
 * Both buffers are sums Σ β^{t−k} g_k, this one times (1 − β), so the two
 * trajectories coincide exactly for a constant η (for a schedule, scale each
 * η_t). It is *not* torch's `dampening = β`: torch copies g₁ into the buffer
 * undamped at the first step, so its buffer exceeds this one by exactly
 * β^t g₁ at every step t.
 *
 * Paper: B. T. Polyak (1964), https://doi.org/10.1016/0041-5553(64)90137-5 ;
 * form of A. Ng's "Improving Deep Neural Networks" (deeplearning.ai) and of
 * A. Zhang et al., "Dive into Deep Learning", §12.6,
 * https://d2l.ai/chapter_optimization/momentum.html
 *
 * Conventions: v is an average, so it has the units of g and no bias
 * correction (it starts too small for the first ~1/(1 − β) steps); the
 * effective learning rate on a plateau is η, not η/(1 − β).
 *
 * State: `v`.
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateLr, validateRate } from "./common.js";

export interface MomentumEwaHyper {
  /** The learning rate η (required): a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The averaging weight β ∈ [0, 1). */
  readonly beta: number;
}

export interface MomentumEwaState extends OptimizerState {
  /** The exponentially weighted average v of the gradients. */
  readonly v: Float64Array;
}

const DEFAULTS: Partial<MomentumEwaHyper> = { lr: undefined, beta: 0.9 };

function momentumEwaStep(theta: Float64Array, g: Float64Array, v: Float64Array, c: Float64Array): void {
  const lr = c[0], beta = c[1];
  for (let i = 0; i < theta.length; i++) {
    v[i] = beta * v[i] + (1 - beta) * g[i];
    theta[i] -= lr * v[i];
  }
}

class MomentumEwa implements Optimizer<MomentumEwaState, MomentumEwaHyper> {
  readonly name = "momentumEwa";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(2);
  constructor(readonly hyper: Readonly<MomentumEwaHyper>) {}
  init(dim: number): MomentumEwaState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, v: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: MomentumEwaState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const c = this.c;
    c[0] = learningRate(this.name, this.hyper.lr, t);
    c[1] = this.hyper.beta;
    momentumEwaStep(params, grad, state.v, c);
    state.t = t;
  }
  with(changes: Partial<MomentumEwaHyper>): Optimizer<MomentumEwaState, MomentumEwaHyper> {
    return momentumEwa({ ...this.hyper, ...changes });
  }
}

/** Creates momentum in its exponentially-weighted-average form. */
export function momentumEwa(options: Partial<MomentumEwaHyper>): Optimizer<MomentumEwaState, MomentumEwaHyper> {
  const o = readOptions("momentumEwa", options, DEFAULTS);
  return new MomentumEwa(Object.freeze({ lr: validateLr("momentumEwa", o.lr), beta: validateRate("momentumEwa", "beta", o.beta) }));
}
