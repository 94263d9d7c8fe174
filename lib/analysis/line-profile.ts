/**
 * The function along a line, φ(α) = f(x + α·d): what a line search sees. With
 * its slope φ′(0) = ∇f(x)ᵀd, the tangent φ(0) + αφ′(0) and the Armijo line
 * φ(0) + c·α·φ′(0), which backtracking must get below.
 */
import type { Objective } from "../types.js";

export interface LineProfile {
  rows: Array<{ alpha: number; value: number }>;
  /** φ(0) = f(x). */
  f0: number;
  /** φ′(0) = ∇f(x)ᵀd. */
  slope: number;
}

/** Samples φ on [alphaMin, alphaMax] (alphaMin defaults to 0; a negative one shows what lies behind the start). */
export function lineProfile(objective: Objective, x: ArrayLike<number>, d: ArrayLike<number>, alphaMax: number, n = 200, alphaMin = 0): LineProfile {
  const dim = objective.dim;
  if (x.length !== dim || d.length !== dim) throw new RangeError(`lineProfile: x and d must have length ${dim}`);
  if (!(alphaMax > 0)) throw new RangeError(`lineProfile: alphaMax must be > 0, got ${alphaMax}`);
  if (!(alphaMin <= 0)) throw new RangeError(`lineProfile: alphaMin must be ≤ 0, got ${alphaMin}`);
  const p = Float64Array.from(x);
  const f0 = objective.value(p);
  const g = objective.grad(p, new Float64Array(dim));
  let slope = 0;
  for (let i = 0; i < dim; ++i) slope += g[i] * d[i];
  const q = new Float64Array(dim);
  const rows: LineProfile["rows"] = [];
  for (let k = 0; k <= n; ++k) {
    const alpha = alphaMin + ((alphaMax - alphaMin) * k) / n;
    for (let i = 0; i < dim; ++i) q[i] = p[i] + alpha * d[i];
    rows.push({ alpha, value: objective.value(q) });
  }
  return { rows, f0, slope };
}

/** Cumulative evaluations (function values plus gradients) after each step, starting at `initial` for the start point. */
export function cumulativeEvaluations(perStep: ArrayLike<number>, initial = 0): Float64Array {
  const out = new Float64Array(perStep.length + 1);
  out[0] = initial;
  for (let k = 0; k < perStep.length; ++k) out[k + 1] = out[k] + perStep[k];
  return out;
}

/** The cost (e.g. cumulative evaluations) at the first entry where loss − minValue ≤ target; Infinity if never. */
export function costToReach(loss: ArrayLike<number>, cost: ArrayLike<number>, target: number, minValue = 0): number {
  for (let k = 0; k < loss.length; ++k) if (loss[k] - minValue <= target) return cost[k];
  return Infinity;
}

/**
 * The step sizes of a run grouped into runs of equal value, 1-based steps:
 * [0.5, 0.5, 0.25, 1, 1] → [{from: 1, to: 2, alpha: 0.5}, {from: 3, to: 3,
 * alpha: 0.25}, {from: 4, to: 5, alpha: 1}]. For telling a line search's story.
 */
export function alphaSegments(alpha: ArrayLike<number>): Array<{ from: number; to: number; alpha: number }> {
  const out: Array<{ from: number; to: number; alpha: number }> = [];
  for (let k = 0; k < alpha.length; ++k) {
    const last = out[out.length - 1];
    if (last && last.alpha === alpha[k]) last.to = k + 1;
    else out.push({ from: k + 1, to: k + 1, alpha: alpha[k] });
  }
  return out;
}
