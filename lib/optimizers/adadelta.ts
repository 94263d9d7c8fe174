/**
 * Adadelta: RMSprop whose step carries its own units, from a leaky average of
 * past squared updates.
 *
 * $$\begin{aligned}
 * v_t &= \rho\, v_{t-1} + (1 - \rho)\, g_t^2\\
 * \Delta_t &= \frac{\sqrt{u_{t-1} + \varepsilon}}{\sqrt{v_t + \varepsilon}}\, g_t\\
 * u_t &= \rho\, u_{t-1} + (1 - \rho)\, \Delta_t^2\\
 * \theta_t &= \theta_{t-1} - \eta_t\, \Delta_t
 * \end{aligned}$$
 *
 * with v₀ = u₀ = 0.
 *
 * Defaults: `lr = 1`, `rho = 0.9`, `eps = 1e-6`.
 *
 * torch.optim equivalent: `torch.optim.Adadelta(params, lr, rho, eps)`.
 *
 * Paper: M. D. Zeiler, "ADADELTA: An Adaptive Learning Rate Method" (2012),
 * https://arxiv.org/abs/1212.5701
 *
 * Conventions: ε *inside* both square roots (it is what starts the method:
 * the first step is about √ε/√(v₁ + ε)·g). The paper has no learning rate;
 * torch's `lr` multiplies Δ and defaults to 1, which is the paper's rule.
 *
 * State: `v` (torch's `square_avg`), `u` (`acc_delta`).
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateEps, validateLr, validateRate } from "./common.js";

export interface AdadeltaHyper {
  /** A factor η on the update, 1 in the paper: a number ≥ 0 or a schedule. */
  readonly lr: LearningRate;
  /** The decay ρ ∈ [0, 1) of both leaky averages. */
  readonly rho: number;
  /** ε > 0, inside both square roots. */
  readonly eps: number;
}

export interface AdadeltaState extends OptimizerState {
  /** The leaky average v of squared gradients (torch's `square_avg`). */
  readonly v: Float64Array;
  /** The leaky average u of squared updates (torch's `acc_delta`). */
  readonly u: Float64Array;
}

const DEFAULTS: AdadeltaHyper = { lr: 1, rho: 0.9, eps: 1e-6 };

function adadeltaStep(theta: Float64Array, g: Float64Array, v: Float64Array, u: Float64Array, c: Float64Array): void {
  const lr = c[0], rho = c[1], eps = c[2];
  for (let i = 0; i < theta.length; i++) {
    v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
    const delta = (Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps)) * g[i];
    u[i] = rho * u[i] + (1 - rho) * delta * delta;
    theta[i] -= lr * delta;
  }
}

class Adadelta implements Optimizer<AdadeltaState, AdadeltaHyper> {
  readonly name = "adadelta";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(3);
  constructor(readonly hyper: Readonly<AdadeltaHyper>) {}
  init(dim: number): AdadeltaState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, v: new Float64Array(n), u: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: AdadeltaState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const h = this.hyper;
    const c = this.c;
    c[0] = learningRate(this.name, h.lr, t);
    c[1] = h.rho;
    c[2] = h.eps;
    adadeltaStep(params, grad, state.v, state.u, c);
    state.t = t;
  }
  with(changes: Partial<AdadeltaHyper>): Optimizer<AdadeltaState, AdadeltaHyper> {
    return adadelta({ ...this.hyper, ...changes });
  }
}

/** Creates Adadelta (torch.optim.Adadelta). */
export function adadelta(options: Partial<AdadeltaHyper> = {}): Optimizer<AdadeltaState, AdadeltaHyper> {
  const o = readOptions("adadelta", options, DEFAULTS);
  return new Adadelta(
    Object.freeze({ lr: validateLr("adadelta", o.lr), rho: validateRate("adadelta", "rho", o.rho), eps: validateEps("adadelta", o.eps) })
  );
}
