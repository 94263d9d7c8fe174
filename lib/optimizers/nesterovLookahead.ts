/**
 * Nesterov accelerated gradient in the literal look-ahead form of Sutskever et al.
 *
 * $$\begin{aligned}
 * u_t &= \gamma\, u_{t-1} + \eta_t\, \nabla J(\theta_{t-1} - \gamma\, u_{t-1}) \qquad (u_0 = 0)\\
 * \theta_t &= \theta_{t-1} - u_t
 * \end{aligned}$$
 *
 * Defaults: `lr` required (as for `nesterov`), `momentum = 0.9` (γ).
 *
 * How to call it: the gradient must be taken at the look-ahead point
 * θ − γu, not at θ. `gradientPoint(params, state, out)` writes that point into
 * `out` and returns it; evaluate the gradient there and pass it to
 * `step(params, grad, state)`, which updates θ (the parameters, not the
 * look-ahead point) and u. A runner calls `gradientPoint` whenever an
 * optimizer has one. Passing ∇J(θ) instead turns this into classical momentum.
 *
 * torch.optim equivalent: `torch.optim.SGD(params, lr, momentum, nesterov=True)`
 * after a change of variables: with φ = θ − γu and b = u/η (constant η),
 * φ_t = φ_{t−1} − η(g_t + γ b_t) and b_t = γ b_{t−1} + g_t, g_t = ∇J(φ_{t−1}) —
 * exactly `nesterov`. Started from the same point with zero velocity, torch's
 * parameters are this optimizer's look-ahead points θ_t − γu_t, and torch's
 * buffer is u_t/η.
 *
 * Paper: I. Sutskever, J. Martens, G. Dahl and G. Hinton, "On the importance of
 * initialization and momentum in deep learning" (ICML 2013), eq. (3)–(4),
 * https://proceedings.mlr.press/v28/sutskever13.html
 *
 * Conventions: the velocity u carries the learning rate (u is a displacement,
 * θ ← θ − u), unlike torch's buffer, which is a sum of gradients.
 *
 * State: `u`, the velocity.
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateLr, validateNonNegative } from "./common.js";

export interface NesterovLookaheadHyper {
  /** The learning rate η (required): a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The momentum γ ≥ 0. */
  readonly momentum: number;
}

export interface NesterovLookaheadState extends OptimizerState {
  /** The velocity u: the last displacement, θ_t = θ_{t−1} − u_t. */
  readonly u: Float64Array;
}

const DEFAULTS: Partial<NesterovLookaheadHyper> = { lr: undefined, momentum: 0.9 };

/** out = θ − γu, the point where the next gradient must be evaluated. */
function lookaheadPoint(theta: Float64Array, u: Float64Array, out: Float64Array, c: Float64Array): void {
  const gamma = c[1];
  for (let i = 0; i < theta.length; i++) {
    out[i] = theta[i] - gamma * u[i];
  }
}

/** u ← γu + η g, θ ← θ − u, with g = ∇J(θ − γu). */
function nesterovLookaheadStep(theta: Float64Array, g: Float64Array, u: Float64Array, c: Float64Array): void {
  const lr = c[0], gamma = c[1];
  for (let i = 0; i < theta.length; i++) {
    u[i] = gamma * u[i] + lr * g[i];
    theta[i] -= u[i];
  }
}

class NesterovLookahead implements Optimizer<NesterovLookaheadState, NesterovLookaheadHyper> {
  readonly name = "nesterovLookahead";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(2);
  constructor(readonly hyper: Readonly<NesterovLookaheadHyper>) {}
  init(dim: number): NesterovLookaheadState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, u: new Float64Array(n) };
  }
  /** Writes the look-ahead point θ − γu into `out` (which must not be `params`) and returns it. */
  gradientPoint(params: Float64Array, state: NesterovLookaheadState, out: Float64Array): Float64Array {
    checkStep(this.name, params, out, state, "gradientPoint", "out");
    if (out === params) throw new RangeError(`${this.name}.gradientPoint: out must not be params itself`);
    this.c[1] = this.hyper.momentum;
    lookaheadPoint(params, state.u, out, this.c);
    return out;
  }
  step(params: Float64Array, grad: Float64Array, state: NesterovLookaheadState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const c = this.c;
    c[0] = learningRate(this.name, this.hyper.lr, t);
    c[1] = this.hyper.momentum;
    nesterovLookaheadStep(params, grad, state.u, c);
    state.t = t;
  }
  with(changes: Partial<NesterovLookaheadHyper>): Optimizer<NesterovLookaheadState, NesterovLookaheadHyper> {
    return nesterovLookahead({ ...this.hyper, ...changes });
  }
}

/**
 * Creates Nesterov momentum in the look-ahead form. Evaluate the gradient at
 * `gradientPoint(params, state, out)` before each `step`.
 */
export function nesterovLookahead(options: Partial<NesterovLookaheadHyper>): Optimizer<NesterovLookaheadState, NesterovLookaheadHyper> {
  const o = readOptions("nesterovLookahead", options, DEFAULTS);
  return new NesterovLookahead(
    Object.freeze({ lr: validateLr("nesterovLookahead", o.lr), momentum: validateNonNegative("nesterovLookahead", "momentum", o.momentum) })
  );
}
