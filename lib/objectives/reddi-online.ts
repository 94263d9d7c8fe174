/**
 * Reddi, Kale & Kumar's online counterexample to Adam ("On the Convergence of
 * Adam and Beyond", ICLR 2018, §3), in the scaled form used by the course:
 *
 *   f_t(x) = 1010·x   when t mod 3 = 1,
 *   f_t(x) = −10·x    otherwise,          x ∈ [−1, 1], t = 1, 2, 3, …
 *
 * Over each period of three steps the losses sum to 990·x, so the best fixed
 * point is x = −1. This is the paper's Theorem 1 example (f_t = C·x, −x) with
 * C = 101, scaled by 10 (Adam is scale-invariant up to ε). In the theorem's
 * setting β₁ = 0, β₂ = 1/(1 + C²) ≈ 1e-4, Adam's normalized steps are ±η: −η at
 * the rare large gradient, +η at each of the two small ones, so it drifts to
 * the worst point x = +1, while AMSGrad goes to −1. (Measured here: with
 * β₂ ≥ 0.01, or β₁ ≥ 0.5, Adam also reaches −1 on this problem.) The domain
 * constraint is applied by the runner: `minimize(..., { project: projectBox(-1, 1) })`.
 *
 * `value(x, t)` is f_t, the loss revealed at step t. Without `t` it is the average
 * loss over a period, (large − 2·small)/3 · x = 330·x, whose minimum over [−1, 1]
 * is `minValue` = −330 at x = −1.
 */
import type { Objective } from "../types.js";
import { rejectUnknownKeys, requireInRange } from "../validate.js";
import { periodicLinear, periodicLinearMean } from "./periodic-linear.js";

export interface ReddiOnlineOptions {
  /** The gradient revealed at steps t ≡ 1 (mod 3). Default 1010. */
  large?: number;
  /** Minus the gradient revealed at the other steps. Default 10; `large` must exceed 2·small. */
  small?: number;
}

export function reddiOnline(options: ReddiOnlineOptions = {}): Objective {
  rejectUnknownKeys("reddiOnline", options, ["large", "small"]);
  const small = requireInRange("reddiOnline", "small", options.small ?? 10, 0, Infinity, { loOpen: true });
  const large = requireInRange("reddiOnline", "large", options.large ?? 1010, 2 * small, Infinity, { loOpen: true });
  const spec = { period: 3, phase: 1, rare: large, usual: -small };
  return periodicLinear("reddi-online", spec, {
    hessian(_x, out) {
      out[0] = 0;
      return out;
    },
    minima: [[-1]],
    minValue: -periodicLinearMean(spec),
  });
}
