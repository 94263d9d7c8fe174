/**
 * Gradient descent, Nesterov with a constant momentum γ, and Nesterov with the
 * schedule γ_t = (t − 1)/(t + 2) on the spring chain, a convex function that
 * is not strongly convex (lib/objectives/spring-chain.ts), all with η = 1/L.
 *
 * Only the scheduled method carries the guarantee
 * f(x_t) − f* ≤ 2L‖x₀ − x*‖²/(t + 1)² on every convex L-smooth f (Nesterov
 * 1983; Su, Boyd & Candès 2016, Theorem 6), for its gradient-step iterates x_t
 * (the optimizer's state `x`); gradient descent's is L‖x₀ − x*‖²/(2t).
 */
import { minimize } from "../run.js";
import { nesterov } from "../optimizers/nesterov.js";
import { nesterovScheduled } from "../optimizers/nesterovScheduled.js";
import { sgd } from "../optimizers/sgd.js";
import { springChain } from "../objectives/spring-chain.js";
import { requireInRange, requireInteger } from "../validate.js";

export interface ConvexRace {
  /** f − f* at t = 0 … steps: gradient descent. */
  readonly gd: Float64Array;
  /** Nesterov with γ_t = (t − 1)/(t + 2), at the gradient-step iterates x_t. */
  readonly scheduled: Float64Array;
  /** 2L‖x₀ − x*‖²/(t + 1)², the scheduled method's guarantee. */
  readonly bound: Float64Array;
  /** L‖x₀ − x*‖²/(2t) (t ≥ 1), gradient descent's guarantee (∞ at t = 0). */
  readonly gdBound: Float64Array;
  /** The smallest nonzero curvature 2 − 2cos(π/n): the iterates from x₀ = 0 never see the zero one. */
  readonly smallestCurvature: number;
}

const gapOf = (loss: Float64Array, fStar: number) => Float64Array.from(loss, (v) => Math.max(v - fStar, 0));

/** Gradient descent and scheduled Nesterov on the n-bead spring chain from x₀ = 0, η = 1/L, with both guarantees. */
export function convexRace(n: number, steps: number): ConvexRace {
  requireInteger("convexRace", "steps", steps, 1, 1e6);
  const f = springChain(n);
  const x0 = new Array(n).fill(0);
  const lr = 1 / f.L, fStar = f.minValue!;
  const gd = minimize(f, sgd({ lr }), x0, { steps });
  const sched = minimize(f, nesterovScheduled({ lr }), x0, { steps, record: ["x"] });
  const scheduled = new Float64Array(steps + 1);
  scheduled[0] = f.value(Float64Array.from(x0)) - fStar;
  const xs = sched.state!.x as Float64Array;
  for (let t = 1; t <= steps; ++t) scheduled[t] = Math.max(f.value(xs.subarray((t - 1) * n, t * n)) - fStar, 0);
  const R2 = f.distanceSquared;
  return {
    gd: gapOf(gd.loss, fStar),
    scheduled,
    bound: Float64Array.from({ length: steps + 1 }, (_, t) => (2 * f.L * R2) / (t + 1) ** 2),
    gdBound: Float64Array.from({ length: steps + 1 }, (_, t) => (t === 0 ? Infinity : (f.L * R2) / (2 * t))),
    smallestCurvature: 2 - 2 * Math.cos(Math.PI / n),
  };
}

/** f − f* of Nesterov in torch's form with a constant momentum γ on the same chain (η = 1/L), at its parameters. */
export function constantNesterovGap(n: number, steps: number, gamma: number): Float64Array {
  requireInteger("constantNesterovGap", "steps", steps, 1, 1e6);
  requireInRange("constantNesterovGap", "gamma", gamma, 0, 1, { hiOpen: true });
  const f = springChain(n);
  const run = minimize(f, nesterov({ lr: 1 / f.L, momentum: gamma }), new Array(n).fill(0), { steps });
  return gapOf(run.loss, f.minValue!);
}
