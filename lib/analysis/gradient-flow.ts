/**
 * The gradient flow x′(t) = −∇f(x(t)) and gradient descent as its Euler method.
 *
 * Euler's method for x′ = F(x) with time step h is x_{k+1} = x_k + h·F(x_k); with
 * F = −∇f and h = η it is exactly gradient descent x_{k+1} = x_k − η∇f(x_k), and
 * x_k approximates x(kη). Euler's method is first order: over a fixed time T its
 * error is O(η) as η → 0 (for smooth f), so halving η halves the gap.
 *
 * The "exact" flow here is classical fourth-order Runge–Kutta with a small step
 * (error O(dt⁴), far below the Euler gaps a page shows).
 */
import type { Objective } from "../types.js";
import { minimize } from "../run.js";
import { sgd } from "../optimizers/sgd.js";

export interface Flow {
  readonly dim: number;
  /** The times, t[0] = 0. */
  readonly t: Float64Array;
  /** Row-major positions: row k is x(t[k]). */
  readonly x: Float64Array;
  /** f(x(t[k])). */
  readonly loss: Float64Array;
}

export interface FlowOptions {
  /** The end time T (> 0). */
  tEnd: number;
  /** The RK4 step (default T/2000). Positions are recorded every step. */
  dt?: number;
}

/** Integrates the gradient flow from x0 to time tEnd with RK4. */
export function gradientFlow(objective: Objective, x0: ArrayLike<number>, options: FlowOptions): Flow {
  const owner = "gradientFlow";
  const { tEnd } = options;
  if (!(tEnd > 0) || !Number.isFinite(tEnd)) throw new RangeError(`${owner}: tEnd must be a positive finite number, got ${tEnd}`);
  const dt0 = options.dt ?? tEnd / 2000;
  if (!(dt0 > 0)) throw new RangeError(`${owner}: dt must be > 0, got ${dt0}`);
  const dim = objective.dim;
  if (x0.length !== dim) throw new RangeError(`${owner}: x0 has length ${x0.length}, expected ${dim}`);
  const steps = Math.ceil(tEnd / dt0 - 1e-9);
  const h = tEnd / steps;
  const t = new Float64Array(steps + 1);
  const x = new Float64Array((steps + 1) * dim);
  const loss = new Float64Array(steps + 1);
  const p = Float64Array.from(x0);
  const k1 = new Float64Array(dim), k2 = new Float64Array(dim), k3 = new Float64Array(dim), k4 = new Float64Array(dim), q = new Float64Array(dim);
  x.set(p, 0);
  loss[0] = objective.value(p);
  for (let s = 1; s <= steps; ++s) {
    rk4Step(objective, p, h, k1, k2, k3, k4, q);
    t[s] = s * h;
    x.set(p, s * dim);
    loss[s] = objective.value(p);
  }
  return { dim, t, x, loss };
}

/** One RK4 step of x′ = −∇f(x), in place. */
function rk4Step(objective: Objective, p: Float64Array, h: number, k1: Float64Array, k2: Float64Array, k3: Float64Array, k4: Float64Array, q: Float64Array): void {
  const n = p.length;
  objective.grad(p, k1);
  for (let i = 0; i < n; ++i) q[i] = p[i] - 0.5 * h * k1[i];
  objective.grad(q, k2);
  for (let i = 0; i < n; ++i) q[i] = p[i] - 0.5 * h * k2[i];
  objective.grad(q, k3);
  for (let i = 0; i < n; ++i) q[i] = p[i] - h * k3[i];
  objective.grad(q, k4);
  for (let i = 0; i < n; ++i) p[i] -= (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
}

/** The flow's position at each time in `times` (ascending), by RK4 with steps of at most `dt` between them. */
export function flowAt(objective: Objective, x0: ArrayLike<number>, times: ArrayLike<number>, dt = 1e-3): Float64Array {
  const dim = objective.dim;
  const out = new Float64Array(times.length * dim);
  const p = Float64Array.from(x0);
  const k1 = new Float64Array(dim), k2 = new Float64Array(dim), k3 = new Float64Array(dim), k4 = new Float64Array(dim), q = new Float64Array(dim);
  let now = 0;
  for (let k = 0; k < times.length; ++k) {
    const span = times[k] - now;
    if (span < 0) throw new RangeError(`flowAt: times must be ascending and ≥ 0, got ${times[k]} after ${now}`);
    const m = Math.ceil(span / dt - 1e-9);
    for (let s = 0; s < m; ++s) rk4Step(objective, p, span / m, k1, k2, k3, k4, q);
    now = times[k];
    out.set(p, k * dim);
  }
  return out;
}

/**
 * The largest distance ‖x_k − x(kη)‖ between gradient descent with step η
 * (Euler's method, run with the library's `sgd`) and the flow, over the steps
 * with kη ≤ tEnd. Infinity if the GD run diverges.
 */
export function eulerGap(objective: Objective, x0: ArrayLike<number>, eta: number, tEnd: number): number {
  if (!(eta > 0)) throw new RangeError(`eulerGap: eta must be > 0, got ${eta}`);
  const steps = Math.floor(tEnd / eta + 1e-9);
  const run = minimize(objective, sgd({ lr: eta }), x0, { steps });
  if (run.diverged) return Infinity;
  const times = Float64Array.from({ length: steps + 1 }, (_, k) => k * eta);
  const flow = flowAt(objective, x0, times, Math.min(1e-3, eta / 4));
  const dim = objective.dim;
  let worst = 0;
  for (let k = 0; k <= steps; ++k) {
    let s = 0;
    for (let i = 0; i < dim; ++i) s += (run.x[k * dim + i] - flow[k * dim + i]) ** 2;
    worst = Math.max(worst, Math.sqrt(s));
  }
  return worst;
}

/**
 * Euler's order, measured: `eulerGap` at each η, and the least-squares slope of
 * log gap against log η. A first-order method has slope ≈ 1 (halve η, halve
 * the gap). Steps that diverge give an infinite gap and are left out of the fit.
 */
export function eulerOrder(objective: Objective, x0: ArrayLike<number>, etas: ArrayLike<number>, tEnd: number): { rows: Array<{ eta: number; gap: number }>; slope: number } {
  const rows = Array.from(etas, (eta) => ({ eta, gap: eulerGap(objective, x0, eta, tEnd) }));
  const fit = rows.filter((r) => Number.isFinite(r.gap) && r.gap > 0);
  if (fit.length < 2) return { rows, slope: NaN };
  const lx = fit.map((r) => Math.log(r.eta)), ly = fit.map((r) => Math.log(r.gap));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length, my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < lx.length; ++i) {
    sxy += (lx[i] - mx) * (ly[i] - my);
    sxx += (lx[i] - mx) ** 2;
  }
  return { rows, slope: sxy / sxx };
}
