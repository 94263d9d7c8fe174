/**
 * Plain (stochastic) gradient descent.
 *
 * $$\theta_t = \theta_{t-1} - \eta_t\, g_t$$
 *
 * Defaults: none — `lr` is required, as it was in torch.optim.SGD before
 * PyTorch 2.2; since 2.2 (pytorch/pytorch#114467) torch gives it a default of
 * 1e-3. Descent keeps it required, so no run uses a learning rate nobody chose.
 *
 * torch.optim equivalent: `torch.optim.SGD(params, lr=lr)`.
 *
 * Paper: H. Robbins and S. Monro, "A Stochastic Approximation Method" (1951),
 * https://doi.org/10.1214/aoms/1177729586
 *
 * State: only the step count `t`.
 *
 * @example
 * const opt = sgd({ lr: 0.1 });
 * const x = Float64Array.of(1, 2), state = opt.init(2);
 * opt.step(x, Float64Array.of(2, 4), state); // x = [0.8, 1.6]
 */
import type { LearningRate, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateLr } from "./common.js";

export interface SgdHyper {
  /** The learning rate η (required): a number ≥ 0 or a schedule `(t) => η_t`. */
  readonly lr: LearningRate;
}

export type SgdState = OptimizerState;

const DEFAULTS: Partial<SgdHyper> = { lr: undefined };

/** θ ← θ − η g, one line per equation. */
function sgdStep(theta: Float64Array, g: Float64Array, c: Float64Array): void {
  const lr = c[0];
  for (let i = 0; i < theta.length; i++) {
    theta[i] -= lr * g[i];
  }
}

class Sgd implements Optimizer<SgdState, SgdHyper> {
  readonly name = "sgd";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(1);
  constructor(readonly hyper: Readonly<SgdHyper>) {}
  init(dim: number): SgdState {
    return { t: 0, dim: initDim(this.name, dim) };
  }
  step(params: Float64Array, grad: Float64Array, state: SgdState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const c = this.c;
    c[0] = learningRate(this.name, this.hyper.lr, t);
    sgdStep(params, grad, c);
    state.t = t;
  }
  with(changes: Partial<SgdHyper>): Optimizer<SgdState, SgdHyper> {
    return sgd({ ...this.hyper, ...changes });
  }
}

/** Creates plain gradient descent with learning rate `lr` (required). */
export function sgd(options: Partial<SgdHyper>): Optimizer<SgdState, SgdHyper> {
  const o = readOptions("sgd", options, DEFAULTS);
  return new Sgd(Object.freeze({ lr: validateLr("sgd", o.lr) }));
}
