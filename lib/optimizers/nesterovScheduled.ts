/**
 * Nesterov's accelerated gradient with the increasing momentum schedule of
 * his 1983 method, the one that carries the O(1/t²) guarantee on every convex
 * L-smooth function.
 *
 * $$\begin{aligned}
 * x_t &= y_{t-1} - \eta\,\nabla f(y_{t-1}) \qquad (y_0 = x_0)\\
 * y_t &= x_t + \gamma_t\,(x_t - x_{t-1}), \qquad \gamma_t = \frac{t-1}{t+2}
 * \end{aligned}$$
 *
 * With η = 1/L: f(x_t) − f* ≤ 2L‖x₀ − x*‖²/(t + 1)² for every convex
 * L-smooth f (see e.g. W. Su, S. Boyd, E. Candès, "A differential equation for
 * modeling Nesterov's accelerated gradient method", JMLR 17, 2016, eq. (1.2)
 * and Theorem 6; A. Beck, M. Teboulle, FISTA, SIAM J. Imaging Sci. 2, 2009).
 * γ_1 = 0, so the first step is a gradient step; γ_t → 1.
 *
 * Defaults: `lr` required. No torch.optim equivalent (torch's `nesterov=True`
 * keeps γ constant).
 *
 * Conventions: like torch's Nesterov, the parameters are the points y where
 * the gradient is taken; the gradient-step iterates x_t (the ones the bound is
 * about) live in the state. With a constant γ in place of γ_t this is the
 * `nesterov` optimizer in yet another change of variables.
 *
 * State: `x`, the last gradient-step iterate x_t.
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateLr } from "./common.js";

export interface NesterovScheduledHyper {
  /** The learning rate η (required): a number ≥ 0 or a schedule; 1/L for the guarantee. */
  readonly lr: LearningRate;
}

export interface NesterovScheduledState extends OptimizerState {
  /** x_t = y_{t−1} − η∇f(y_{t−1}), the gradient-step iterate (zero before the first step). */
  readonly x: Float64Array;
}

const DEFAULTS: Partial<NesterovScheduledHyper> = { lr: undefined };

/** The momentum of step t (1-based): γ_t = (t − 1)/(t + 2). */
export function nesterovMomentumAt(t: number): number {
  return (t - 1) / (t + 2);
}

/** x_new = y − ηg; y ← x_new + γ(x_new − x); x ← x_new. */
function scheduledStep(y: Float64Array, g: Float64Array, x: Float64Array, c: Float64Array): void {
  const lr = c[0], gamma = c[1];
  for (let i = 0; i < y.length; i++) {
    const xNew = y[i] - lr * g[i];
    y[i] = xNew + gamma * (xNew - x[i]);
    x[i] = xNew;
  }
}

class NesterovScheduled implements Optimizer<NesterovScheduledState, NesterovScheduledHyper> {
  readonly name = "nesterovScheduled";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(2);
  constructor(readonly hyper: Readonly<NesterovScheduledHyper>) {}
  init(dim: number): NesterovScheduledState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, x: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: NesterovScheduledState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const c = this.c;
    c[0] = learningRate(this.name, this.hyper.lr, t);
    c[1] = nesterovMomentumAt(t);
    scheduledStep(params, grad, state.x, c);
    state.t = t;
  }
  with(changes: Partial<NesterovScheduledHyper>): Optimizer<NesterovScheduledState, NesterovScheduledHyper> {
    return nesterovScheduled({ ...this.hyper, ...changes });
  }
}

/** Creates Nesterov's method with the momentum schedule γ_t = (t − 1)/(t + 2). */
export function nesterovScheduled(options: Partial<NesterovScheduledHyper>): Optimizer<NesterovScheduledState, NesterovScheduledHyper> {
  const o = readOptions("nesterovScheduled", options, DEFAULTS);
  return new NesterovScheduled(Object.freeze({ lr: validateLr("nesterovScheduled", o.lr) }));
}
