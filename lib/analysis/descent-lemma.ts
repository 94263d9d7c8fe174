/**
 * The descent lemma drawn along one gradient step. If ∇f is L-Lipschitz, then
 * for every y
 *
 *   f(y) ≤ f(x) + ∇f(x)ᵀ(y − x) + (L/2)‖y − x‖²,
 *
 * and with y = x − η∇f(x) this is the parabola in η
 *
 *   f(x − η∇f(x)) ≤ f(x) − η(1 − Lη/2)‖∇f(x)‖² =: u(η).
 *
 * Its minimum is at η = 1/L, where it guarantees the decrease ‖∇f‖²/(2L); it
 * comes back to f(x) at η = 2/L, where the guaranteed decrease reaches zero.
 * `descentLemmaProfile` samples the actual f along the step and the bound u.
 */
import type { Objective } from "../types.js";

export interface DescentLemmaProfile {
  rows: Array<{ eta: number; actual: number; bound: number }>;
  /** f(x). */
  f0: number;
  /** ‖∇f(x)‖². */
  gradNormSq: number;
  /** The Lipschitz constant used for the bound. */
  L: number;
  /** 1/L: the step that minimizes the bound. */
  bestEta: number;
  /** ‖∇f‖²/(2L): the decrease the bound guarantees at η = 1/L, the largest it guarantees. */
  bestDecrease: number;
  /** 2/L: where the bound returns to f(x) and guarantees nothing. */
  zeroEta: number;
}

/** The decrease the descent lemma guarantees for a gradient step η: η(1 − Lη/2)‖g‖² (negative past 2/L). */
export function guaranteedDecrease(gradNormSq: number, L: number, eta: number): number {
  return eta * (1 - (L * eta) / 2) * gradNormSq;
}

export function descentLemmaProfile(objective: Objective, x: ArrayLike<number>, L: number, etaMax: number, n = 200): DescentLemmaProfile {
  if (!(L > 0) || !Number.isFinite(L)) throw new RangeError(`descentLemmaProfile: L must be a finite number > 0, got ${L}`);
  if (!(etaMax > 0) || !Number.isFinite(etaMax)) throw new RangeError(`descentLemmaProfile: etaMax must be a finite number > 0, got ${etaMax}`);
  const dim = objective.dim;
  if (x.length !== dim) throw new RangeError(`descentLemmaProfile: x must have length ${dim}, got ${x.length}`);
  const p = Float64Array.from(x);
  const f0 = objective.value(p);
  const g = objective.grad(p, new Float64Array(dim));
  let gradNormSq = 0;
  for (let i = 0; i < dim; ++i) gradNormSq += g[i] * g[i];
  const q = new Float64Array(dim);
  const rows: DescentLemmaProfile["rows"] = [];
  for (let k = 0; k <= n; ++k) {
    const eta = (etaMax * k) / n;
    for (let i = 0; i < dim; ++i) q[i] = p[i] - eta * g[i];
    rows.push({ eta, actual: objective.value(q), bound: f0 - guaranteedDecrease(gradNormSq, L, eta) });
  }
  return { rows, f0, gradNormSq, L, bestEta: 1 / L, bestDecrease: gradNormSq / (2 * L), zeroEta: 2 / L };
}
