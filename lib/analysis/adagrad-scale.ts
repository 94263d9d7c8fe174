/**
 * Adagrad's accumulator as a curvature estimate, measured (src/adagrad.md,
 * "What Adagrad's accumulator measures").
 *
 * After t steps Adagrad divides coordinate j's step by √s_j = √t · √(s_j/t),
 * so the per-step scale it has learned is the root mean square gradient
 * √(s_j/t). What does that estimate?
 *
 * - **Deterministic, diagonal quadratic** f = ½ Σ H_jj (θ_j − θ_j*)²: g_j =
 *   H_jj (θ_j − θ_j*), so √(s_j/t) = H_jj · RMS_t(θ_j − θ_j*). With ε → 0
 *   Adagrad's iterates are invariant to rescaling a coordinate (the step
 *   η g_j/√s_j does not change when g_j is multiplied by a constant), so the
 *   distances θ_j − θ_j* do not depend on H_jj: from equal starting distances
 *   √(s_j/t) is proportional to H_jj itself.
 * - **Minibatch gradients of a sparse model** (logistic regression over words,
 *   batch size B, word j in at most one sentence of a batch): the minibatch
 *   gradient is g_j = r_i x_ij / B for that sentence and 0 otherwise, so over an
 *   epoch (n/B steps) s_j grows by Σ_i r_i² x_ij² / B² = (n/B²) F_jj, and
 *   s_j/t = F_jj / B — F the mean squared per-example gradient (the empirical
 *   Fisher), averaged along the trajectory. Where the model is calibrated,
 *   F ≈ H (see `fisherHessianDiagonal`), hence
 *
 *       √(s_j/t) ≈ √(H_jj / B):
 *
 *   the accumulator measures the *square root* of the curvature, and on log–log
 *   axes √(s_j/t) against H_jj has slope ½, not 1.
 *
 * `adagradScale` returns each feature's √(s_j/t) beside that prediction, the
 * least-squares slope of log √(s_j/t) on log H_jj, and quantiles of the ratio
 * √(s_j/t) / √(H_jj/B).
 */
import { requireInRange, requireInteger } from "../validate.js";

export interface AdagradScalePoint {
  /** The feature's index j. */
  index: number;
  /** The Hessian's diagonal entry H_jj at the chosen weights. */
  hessian: number;
  /** Adagrad's learned scale √(s_j/t). */
  rms: number;
  /** The prediction √(H_jj / B). */
  predicted: number;
}

export interface AdagradScale {
  points: AdagradScalePoint[];
  /** Least-squares slope of log √(s_j/t) against log H_jj (½ if the prediction holds, 1 if √(s_j/t) ∝ H_jj). */
  slope: number;
  /** Quantile q ∈ [0, 1] of the ratio √(s_j/t) / √(H_jj/B) over the points. */
  ratioQuantile: (q: number) => number;
}

/**
 * Pairs Adagrad's accumulator `s` after `t` steps of batch size `batchSize`
 * with a Hessian diagonal `hessian` (same length). Features with s_j = 0 or
 * H_jj = 0 (never seen, or σ(1 − σ) underflowed) are left out.
 */
export function adagradScale(s: ArrayLike<number>, t: number, batchSize: number, hessian: ArrayLike<number>): AdagradScale {
  requireInteger("adagradScale", "t", t, 1);
  requireInteger("adagradScale", "batchSize", batchSize, 1);
  if (hessian.length !== s.length) throw new RangeError(`adagradScale: hessian has length ${hessian.length}, expected s.length = ${s.length}`);
  const points: AdagradScalePoint[] = [];
  for (let j = 0; j < s.length; ++j) {
    const h = hessian[j];
    if (!(s[j] > 0 && h > 0 && Number.isFinite(s[j]) && Number.isFinite(h))) continue;
    points.push({ index: j, hessian: h, rms: Math.sqrt(s[j] / t), predicted: Math.sqrt(h / batchSize) });
  }
  if (points.length < 2) throw new RangeError(`adagradScale: need at least 2 features with s_j > 0 and H_jj > 0, got ${points.length}`);
  let mx = 0, my = 0;
  for (const p of points) {
    mx += Math.log(p.hessian);
    my += Math.log(p.rms);
  }
  mx /= points.length;
  my /= points.length;
  let sxy = 0, sxx = 0;
  for (const p of points) {
    const dx = Math.log(p.hessian) - mx;
    sxy += dx * (Math.log(p.rms) - my);
    sxx += dx * dx;
  }
  const ratios = points.map((p) => p.rms / p.predicted).sort((a, b) => a - b);
  return {
    points,
    slope: sxx > 0 ? sxy / sxx : NaN,
    ratioQuantile: (q: number) => {
      requireInRange("ratioQuantile", "q", q, 0, 1);
      return ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))];
    },
  };
}
