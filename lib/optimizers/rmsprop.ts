/**
 * RMSprop: divide the gradient by a leaky root-mean-square of recent gradients.
 *
 * $$\begin{aligned}
 * v_t &= \alpha\, v_{t-1} + (1 - \alpha)\, g_t^2\\
 * \bar g_t &= \alpha\, \bar g_{t-1} + (1 - \alpha)\, g_t && \text{(centered only)}\\
 * d_t &= \sqrt{v_t - \bar g_t^2} + \varepsilon \quad\text{if centered, else}\quad \sqrt{v_t} + \varepsilon\\
 * b_t &= \mu\, b_{t-1} + g_t / d_t, \quad \theta_t = \theta_{t-1} - \eta_t\, b_t && \text{if } \mu > 0\\
 * \theta_t &= \theta_{t-1} - \eta_t\, g_t / d_t && \text{if } \mu = 0
 * \end{aligned}$$
 *
 * All buffers start at 0.
 *
 * Defaults: `lr = 0.01`, `alpha = 0.99`, `eps = 1e-8`, `momentum = 0`, `centered = false`.
 *
 * torch.optim equivalent: `torch.optim.RMSprop(params, lr, alpha, eps, momentum=momentum, centered=centered)`.
 *
 * Paper: T. Tieleman and G. Hinton, "Lecture 6.5 — RMSProp", Neural Networks
 * for Machine Learning (Coursera, 2012),
 * https://www.cs.toronto.edu/~tijmen/csc321/slides/lecture_slides_lec6.pdf ;
 * the centered form is from A. Graves, "Generating Sequences With Recurrent
 * Neural Networks" (2013), https://arxiv.org/abs/1308.0850
 *
 * Conventions: ε outside the square root, no bias correction (so early steps
 * are large: v₁ = (1 − α)g₁², the first step is η/√(1 − α) ≈ 10η at α = 0.99).
 * The momentum buffer accumulates the already normalized step g/d. The
 * centered form divides by an estimate of the standard deviation instead of
 * the root mean square.
 *
 * State: `v` (torch's `square_avg`), `gBar` (`grad_avg`, length 0 unless
 * centered), `b` (`momentum_buffer`, length 0 unless momentum > 0).
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { requireBoolean } from "../validate.js";
import { checkStep, initDim, learningRate, readOptions, validateEps, validateLr, validateNonNegative, validateRate } from "./common.js";

export interface RmspropHyper {
  /** The learning rate η: a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The smoothing constant α ∈ [0, 1) of the squared-gradient average. */
  readonly alpha: number;
  /** ε > 0, added outside the square root. */
  readonly eps: number;
  /** The momentum μ ≥ 0 applied to the normalized step. */
  readonly momentum: number;
  /** Whether to divide by the centered second moment v − ḡ². */
  readonly centered: boolean;
}

export interface RmspropState extends OptimizerState {
  /** The leaky average v of squared gradients (torch's `square_avg`). */
  readonly v: Float64Array;
  /** The leaky average ḡ of gradients (torch's `grad_avg`); empty unless centered. */
  readonly gBar: Float64Array;
  /** The momentum buffer b (torch's `momentum_buffer`); empty unless momentum > 0. */
  readonly b: Float64Array;
}

const DEFAULTS: RmspropHyper = { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false };

/** The default case: not centered, no momentum. */
function rmspropStep(theta: Float64Array, g: Float64Array, v: Float64Array, c: Float64Array): void {
  const lr = c[0], alpha = c[1], eps = c[2];
  for (let i = 0; i < theta.length; i++) {
    v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i];
    theta[i] -= lr * g[i] / (Math.sqrt(v[i]) + eps);
  }
}

/** The general case, centered and/or with momentum. */
function rmspropStepGeneral(
  theta: Float64Array, g: Float64Array, v: Float64Array, gBar: Float64Array, b: Float64Array, c: Float64Array
): void {
  const lr = c[0], alpha = c[1], eps = c[2], mu = c[3], centered = c[4] === 1;
  for (let i = 0; i < theta.length; i++) {
    v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i];
    let d: number;
    if (centered) {
      gBar[i] = alpha * gBar[i] + (1 - alpha) * g[i];
      d = Math.sqrt(v[i] - gBar[i] * gBar[i]) + eps;
    } else {
      d = Math.sqrt(v[i]) + eps;
    }
    if (mu > 0) {
      b[i] = mu * b[i] + g[i] / d;
      theta[i] -= lr * b[i];
    } else {
      theta[i] -= lr * g[i] / d;
    }
  }
}

class Rmsprop implements Optimizer<RmspropState, RmspropHyper> {
  readonly name = "rmsprop";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(5);
  constructor(readonly hyper: Readonly<RmspropHyper>) {}
  init(dim: number): RmspropState {
    const n = initDim(this.name, dim);
    const h = this.hyper;
    return { t: 0, dim: n, v: new Float64Array(n), gBar: new Float64Array(h.centered ? n : 0), b: new Float64Array(h.momentum > 0 ? n : 0) };
  }
  step(params: Float64Array, grad: Float64Array, state: RmspropState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const h = this.hyper;
    const c = this.c;
    c[0] = learningRate(this.name, h.lr, t);
    c[1] = h.alpha;
    c[2] = h.eps;
    c[3] = h.momentum;
    c[4] = h.centered ? 1 : 0;
    if (!h.centered && h.momentum === 0) {
      rmspropStep(params, grad, state.v, c);
    } else {
      if ((h.centered && state.gBar.length !== state.dim) || (h.momentum > 0 && state.b.length !== state.dim)) {
        throw new RangeError(`${this.name}.step: the state lacks a buffer for centered=${h.centered}, momentum=${h.momentum}; make it with this optimizer's init`);
      }
      rmspropStepGeneral(params, grad, state.v, state.gBar, state.b, c);
    }
    state.t = t;
  }
  with(changes: Partial<RmspropHyper>): Optimizer<RmspropState, RmspropHyper> {
    return rmsprop({ ...this.hyper, ...changes });
  }
}

/** Creates RMSprop (torch.optim.RMSprop). */
export function rmsprop(options: Partial<RmspropHyper> = {}): Optimizer<RmspropState, RmspropHyper> {
  const o = readOptions("rmsprop", options, DEFAULTS);
  return new Rmsprop(
    Object.freeze({
      lr: validateLr("rmsprop", o.lr),
      alpha: validateRate("rmsprop", "alpha", o.alpha),
      eps: validateEps("rmsprop", o.eps),
      momentum: validateNonNegative("rmsprop", "momentum", o.momentum),
      centered: requireBoolean("rmsprop", "centered", o.centered),
    })
  );
}
