/**
 * Gradient descent with (heavy-ball) momentum, in PyTorch's convention.
 *
 * $$\begin{aligned}
 * v_1 &= g_1, \qquad v_t = \mu\, v_{t-1} + (1 - \tau)\, g_t \quad (t > 1)\\
 * \theta_t &= \theta_{t-1} - \eta_t\, v_t
 * \end{aligned}$$
 *
 * with μ the momentum and τ the dampening.
 *
 * Defaults: `lr` required, `momentum = 0.9`, `dampening = 0`.
 *
 * torch.optim equivalent: `torch.optim.SGD(params, lr, momentum, dampening)`.
 *
 * Paper: B. T. Polyak, "Some methods of speeding up the convergence of iteration
 * methods" (1964), https://doi.org/10.1016/0041-5553(64)90137-5 ; the
 * framework form follows I. Sutskever et al., "On the importance of
 * initialization and momentum in deep learning" (ICML 2013),
 * https://proceedings.mlr.press/v28/sutskever13.html
 *
 * Conventions: the learning rate multiplies the whole buffer, and the buffer
 * sums gradients *without* the (1 − β) factor of an exponentially weighted
 * average (dampening 0), so v is about 1/(1 − μ) times the gradient on a
 * plateau. The first step copies the gradient into the buffer, undamped, as
 * torch does. With `momentum = 0` this is exactly `sgd` (whatever the
 * dampening: torch then keeps no buffer). The textbook EWA form
 * v ← βv + (1 − β)g, θ ← θ − ηv is `momentumEwa`; it equals this optimizer
 * with `dampening = 0` and lr scaled by (1 − β).
 *
 * State: `v` (torch's `momentum_buffer`).
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { requireInRange } from "../validate.js";
import { checkStep, initDim, learningRate, readOptions, validateLr, validateNonNegative } from "./common.js";

export interface MomentumHyper {
  /** The learning rate η (required): a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The momentum μ ≥ 0. */
  readonly momentum: number;
  /** The dampening τ ∈ [0, 1]: the gradient enters the buffer scaled by 1 − τ (not at the first step). */
  readonly dampening: number;
}

export interface MomentumState extends OptimizerState {
  /** The momentum buffer v (torch's `momentum_buffer`). */
  readonly v: Float64Array;
}

const DEFAULTS: Partial<MomentumHyper> = { lr: undefined, momentum: 0.9, dampening: 0 };

function momentumStep(theta: Float64Array, g: Float64Array, v: Float64Array, c: Float64Array): void {
  const lr = c[0], mu = c[1], dampening = c[2], t = c[3];
  if (mu === 0) {
    for (let i = 0; i < theta.length; i++) theta[i] -= lr * g[i];
    return;
  }
  if (t === 1) {
    for (let i = 0; i < theta.length; i++) {
      v[i] = g[i];
      theta[i] -= lr * v[i];
    }
    return;
  }
  for (let i = 0; i < theta.length; i++) {
    v[i] = mu * v[i] + (1 - dampening) * g[i];
    theta[i] -= lr * v[i];
  }
}

class Momentum implements Optimizer<MomentumState, MomentumHyper> {
  readonly name = "momentum";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(4);
  constructor(readonly hyper: Readonly<MomentumHyper>) {}
  init(dim: number): MomentumState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, v: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: MomentumState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const h = this.hyper;
    const c = this.c;
    c[0] = learningRate(this.name, h.lr, t);
    c[1] = h.momentum;
    c[2] = h.dampening;
    c[3] = t;
    momentumStep(params, grad, state.v, c);
    state.t = t;
  }
  with(changes: Partial<MomentumHyper>): Optimizer<MomentumState, MomentumHyper> {
    return momentum({ ...this.hyper, ...changes });
  }
}

/** Creates gradient descent with momentum (torch.optim.SGD with `momentum`, `dampening`). */
export function momentum(options: Partial<MomentumHyper>): Optimizer<MomentumState, MomentumHyper> {
  const o = readOptions("momentum", options, DEFAULTS);
  return new Momentum(
    Object.freeze({
      lr: validateLr("momentum", o.lr),
      momentum: validateNonNegative("momentum", "momentum", o.momentum),
      dampening: requireInRange("momentum", "dampening", o.dampening, 0, 1),
    })
  );
}
