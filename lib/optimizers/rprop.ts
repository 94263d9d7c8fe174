/**
 * Rprop (resilient backpropagation): use only the sign of each coordinate of
 * the gradient, with a per-coordinate step size that grows while the sign
 * holds and shrinks when it flips.
 *
 * $$\begin{aligned}
 * \delta_{t,i} &= \operatorname{clip}\!\left(\delta_{t-1,i}\cdot
 *   \begin{cases} \eta^+ & g_{t,i}\, g_{t-1,i} > 0\\ \eta^- & g_{t,i}\, g_{t-1,i} < 0\\ 1 & \text{otherwise}\end{cases},\;
 *   \delta_{\min},\, \delta_{\max}\right)\\
 * g_{t,i} &\leftarrow 0 \quad \text{if } g_{t,i}\, g_{t-1,i} < 0\\
 * \theta_{t,i} &= \theta_{t-1,i} - \operatorname{sign}(g_{t,i})\, \delta_{t,i}
 * \end{aligned}$$
 *
 * with δ₀ = lr and g₀ = 0; the stored "previous gradient" is the one after
 * zeroing.
 *
 * Defaults: `lr = 0.01` (the initial step size), `etaMinus = 0.5`,
 * `etaPlus = 1.2`, `stepMin = 1e-6`, `stepMax = 50`.
 *
 * torch.optim equivalent: `torch.optim.Rprop(params, lr, etas=(etaMinus, etaPlus),
 * step_sizes=(stepMin, stepMax))`.
 *
 * Paper: M. Riedmiller and H. Braun, "A direct adaptive method for faster
 * backpropagation learning: the RPROP algorithm" (ICNN 1993),
 * https://doi.org/10.1109/ICNN.1993.298623 (torch follows the variant without
 * weight-backtracking, often called Rprop⁻ with the sign-flip skip).
 *
 * Conventions: `lr` only sets the initial step sizes, so it must be a number,
 * not a schedule. Rprop is meant for full-batch gradients: with minibatch
 * noise the sign flips and the step sizes collapse, which is what RMSprop fixes.
 *
 * State: `gPrev` (torch's `prev`), `stepSize` (`step_size`).
 */
import type { Optimizer, OptimizerState } from "../types.js";
import { requireInRange } from "../validate.js";
import { checkStep, initDim, readOptions } from "./common.js";

export interface RpropHyper {
  /** The initial step size δ₀ ≥ 0 of every coordinate (a number, not a schedule). */
  readonly lr: number;
  /** The factor η⁻ ∈ (0, 1) applied to a step size when the gradient's sign flips. */
  readonly etaMinus: number;
  /** The factor η⁺ > 1 applied to a step size when the sign holds. */
  readonly etaPlus: number;
  /** The smallest step size δ_min ≥ 0. */
  readonly stepMin: number;
  /** The largest step size δ_max ≥ δ_min. */
  readonly stepMax: number;
}

export interface RpropState extends OptimizerState {
  /** The previous gradient, zeroed where its sign flipped (torch's `prev`). */
  readonly gPrev: Float64Array;
  /** The per-coordinate step sizes δ (torch's `step_size`). */
  readonly stepSize: Float64Array;
}

const DEFAULTS: RpropHyper = { lr: 0.01, etaMinus: 0.5, etaPlus: 1.2, stepMin: 1e-6, stepMax: 50 };

function rpropStep(theta: Float64Array, g: Float64Array, gPrev: Float64Array, delta: Float64Array, c: Float64Array): void {
  const etaMinus = c[0], etaPlus = c[1], stepMin = c[2], stepMax = c[3];
  for (let i = 0; i < theta.length; i++) {
    const agreement = g[i] * gPrev[i];
    const factor = agreement > 0 ? etaPlus : agreement < 0 ? etaMinus : 1;
    delta[i] = Math.min(Math.max(delta[i] * factor, stepMin), stepMax);
    const gi = agreement < 0 ? 0 : g[i];
    theta[i] -= Math.sign(gi) * delta[i];
    gPrev[i] = gi;
  }
}

class Rprop implements Optimizer<RpropState, RpropHyper> {
  readonly name = "rprop";
  /** Scalars for the loop (see SCALARS in common.ts); overwritten every step, not state. */
  private readonly c = new Float64Array(4);
  constructor(readonly hyper: Readonly<RpropHyper>) {}
  init(dim: number): RpropState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, gPrev: new Float64Array(n), stepSize: new Float64Array(n).fill(this.hyper.lr) };
  }
  step(params: Float64Array, grad: Float64Array, state: RpropState): void {
    checkStep(this.name, params, grad, state);
    const h = this.hyper;
    const c = this.c;
    c[0] = h.etaMinus;
    c[1] = h.etaPlus;
    c[2] = h.stepMin;
    c[3] = h.stepMax;
    rpropStep(params, grad, state.gPrev, state.stepSize, c);
    state.t += 1;
  }
  with(changes: Partial<RpropHyper>): Optimizer<RpropState, RpropHyper> {
    return rprop({ ...this.hyper, ...changes });
  }
}

/** Creates Rprop (torch.optim.Rprop). */
export function rprop(options: Partial<RpropHyper> = {}): Optimizer<RpropState, RpropHyper> {
  const o = readOptions("rprop", options, DEFAULTS);
  if (typeof o.lr === "function") {
    throw new TypeError("rprop: lr is the initial step size and must be a finite number in [0, ∞), not a schedule");
  }
  const hyper: RpropHyper = {
    lr: requireInRange("rprop", "lr", o.lr, 0, Infinity),
    etaMinus: requireInRange("rprop", "etaMinus", o.etaMinus, 0, 1, { loOpen: true, hiOpen: true }),
    etaPlus: requireInRange("rprop", "etaPlus", o.etaPlus, 1, Infinity, { loOpen: true }),
    stepMin: requireInRange("rprop", "stepMin", o.stepMin, 0, Infinity),
    stepMax: requireInRange("rprop", "stepMax", o.stepMax, 0, Infinity),
  };
  if (hyper.stepMax < hyper.stepMin) {
    throw new RangeError(`rprop: stepMax must be in [stepMin, ∞) = [${hyper.stepMin}, ∞), got ${hyper.stepMax}`);
  }
  return new Rprop(Object.freeze(hyper));
}
