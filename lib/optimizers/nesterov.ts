/**
 * Nesterov accelerated gradient in the form frameworks implement.
 *
 * $$\begin{aligned}
 * v_t &= \mu\, v_{t-1} + g_t \qquad (v_0 = 0)\\
 * \theta_t &= \theta_{t-1} - \eta_t\,(g_t + \mu\, v_t)
 * \end{aligned}$$
 *
 * Defaults: `lr` required, `momentum = 0.9`.
 *
 * torch.optim equivalent: `torch.optim.SGD(params, lr, momentum, nesterov=True)`
 * (dampening 0, which torch requires for Nesterov).
 *
 * Paper: Y. Nesterov, "A method for solving the convex programming problem with
 * convergence rate O(1/k²)" (1983); the deep-learning form is from I. Sutskever
 * et al., "On the importance of initialization and momentum in deep learning"
 * (ICML 2013), https://proceedings.mlr.press/v28/sutskever13.html
 *
 * Conventions: this is the look-ahead method of Sutskever et al. after a change
 * of variables. If the literal form (`nesterovLookahead`) keeps the point θ and
 * the velocity u, with u ← γu + η∇J(θ − γu), θ ← θ − u, then this optimizer's
 * parameters are the look-ahead points θ − γu and its buffer is v = u/η
 * (constant η). The gradient is therefore taken at the parameters themselves,
 * which is why frameworks prefer this form. torch refuses `momentum = 0` with
 * `nesterov=True`; here it is allowed and reduces to `sgd`.
 *
 * State: `v` (torch's `momentum_buffer`).
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateLr, validateNonNegative } from "./common.js";

export interface NesterovHyper {
  /** The learning rate η (required): a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The momentum μ ≥ 0. */
  readonly momentum: number;
}

export interface NesterovState extends OptimizerState {
  /** The momentum buffer v (torch's `momentum_buffer`). */
  readonly v: Float64Array;
}

const DEFAULTS: Partial<NesterovHyper> = { lr: undefined, momentum: 0.9 };

function nesterovStep(theta: Float64Array, g: Float64Array, v: Float64Array, c: Float64Array): void {
  const lr = c[0], mu = c[1];
  for (let i = 0; i < theta.length; i++) {
    v[i] = mu * v[i] + g[i];
    theta[i] -= lr * (g[i] + mu * v[i]);
  }
}

class Nesterov implements Optimizer<NesterovState, NesterovHyper> {
  readonly name = "nesterov";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(2);
  constructor(readonly hyper: Readonly<NesterovHyper>) {}
  init(dim: number): NesterovState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, v: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: NesterovState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const c = this.c;
    c[0] = learningRate(this.name, this.hyper.lr, t);
    c[1] = this.hyper.momentum;
    nesterovStep(params, grad, state.v, c);
    state.t = t;
  }
  with(changes: Partial<NesterovHyper>): Optimizer<NesterovState, NesterovHyper> {
    return nesterov({ ...this.hyper, ...changes });
  }
}

/** Creates Nesterov momentum in torch's form (torch.optim.SGD with `nesterov=True`). */
export function nesterov(options: Partial<NesterovHyper>): Optimizer<NesterovState, NesterovHyper> {
  const o = readOptions("nesterov", options, DEFAULTS);
  return new Nesterov(
    Object.freeze({
      lr: validateLr("nesterov", o.lr),
      momentum: validateNonNegative("nesterov", "momentum", o.momentum),
    })
  );
}
