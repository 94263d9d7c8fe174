/**
 * The third way of writing momentum: the learning rate inside the velocity.
 *
 * $$\begin{aligned}
 * u_t &= \gamma\, u_{t-1} + \eta_t\, g_t \qquad (u_0 = 0)\\
 * \theta_t &= \theta_{t-1} - u_t
 * \end{aligned}$$
 *
 * This is the form of Ruder's overview, of the lecture notes (γ for β) and of
 * Sutskever et al. (2013) eq. (1)–(2): u is a displacement, not a sum of
 * gradients. With a constant η it is a reparameterization of PyTorch's
 * `momentum` (v ← βv + g, θ ← θ − ηv): u_t = η v_t exactly, the same
 * trajectory. With a schedule they differ: here a new η_t scales only the new
 * gradient, in PyTorch's form it rescales the whole buffer at once.
 *
 * Defaults: `lr` required, `momentum = 0.9`.
 *
 * State: `u`, the velocity (the last displacement, θ_t = θ_{t−1} − u_t).
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateLr, validateNonNegative } from "../optimizers/common.js";

export interface MomentumVelocityHyper {
  /** The learning rate η (required): a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The momentum γ ≥ 0. */
  readonly momentum: number;
}

export interface MomentumVelocityState extends OptimizerState {
  /** The velocity u, in units of the parameters. */
  readonly u: Float64Array;
}

const DEFAULTS: Partial<MomentumVelocityHyper> = { lr: undefined, momentum: 0.9 };

function velocityStep(theta: Float64Array, g: Float64Array, u: Float64Array, lr: number, gamma: number): void {
  for (let i = 0; i < theta.length; i++) {
    u[i] = gamma * u[i] + lr * g[i];
    theta[i] -= u[i];
  }
}

class MomentumVelocity implements Optimizer<MomentumVelocityState, MomentumVelocityHyper> {
  readonly name = "momentumVelocity";
  constructor(readonly hyper: Readonly<MomentumVelocityHyper>) {}
  init(dim: number): MomentumVelocityState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, u: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: MomentumVelocityState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    velocityStep(params, grad, state.u, learningRate(this.name, this.hyper.lr, t), this.hyper.momentum);
    state.t = t;
  }
  with(changes: Partial<MomentumVelocityHyper>): Optimizer<MomentumVelocityState, MomentumVelocityHyper> {
    return momentumVelocity({ ...this.hyper, ...changes });
  }
}

/** Creates momentum with the learning rate inside the velocity (u ← γu + ηg, θ ← θ − u). */
export function momentumVelocity(options: Partial<MomentumVelocityHyper>): Optimizer<MomentumVelocityState, MomentumVelocityHyper> {
  const o = readOptions("momentumVelocity", options, DEFAULTS);
  return new MomentumVelocity(
    Object.freeze({ lr: validateLr("momentumVelocity", o.lr), momentum: validateNonNegative("momentumVelocity", "momentum", o.momentum) })
  );
}

/** The largest |aᵢ − bᵢ| over two equal-length arrays (NaN when the lengths differ). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return NaN;
  let m = 0;
  for (let i = 0; i < a.length; ++i) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
