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
 *   Adagrad's iterates do not change when a coordinate's gradients are
 *   multiplied by a constant (the step
 *   η g_j/√s_j does not change when g_j is multiplied by a constant), so the
 *   distances θ_j − θ_j* do not depend on H_jj: from equal starting distances
 *   √(s_j/t) is proportional to H_jj itself.
 * - **Minibatch gradients of a sparse model** (logistic regression over binary
 *   word features, s starting at 0, batch size B dividing n, E whole epochs,
 *   word j in at most one sentence of a batch): the minibatch gradient is
 *   g_j = r_i x_ij / B for that sentence (r_i = σ(z_i) − y_i at the weights the
 *   run has when it visits the batch) and 0 otherwise, so t = E·n/B and
 *
 *       s_j / t = F̄_jj / B,   F̄_jj = (1/(E·n)) Σ_epochs Σ_i r_i² x_ij²,
 *
 *   F̄ the mean squared per-example gradient averaged along the run (not the
 *   empirical Fisher at one set of weights). When a batch holds word j twice,
 *   cross terms 2 r_i r_k x_ij x_kj / B² enter s_j as well. *If* F̄ ≈ H(w) at
 *   some weights w (the run stayed near w and the model is calibrated there;
 *   see `fisherHessianDiagonal`), then
 *
 *       √(s_j/t) ≈ √(H_jj / B):
 *
 *   Adagrad's scale is the square root of a curvature estimate, and on log–log
 *   axes √(s_j/t) against H_jj has slope ½, not 1. At w = 0 (σ = ½)
 *   H_jj = k_j/(4n) for a word in k_j sentences, so slope ½ against H(0) is
 *   the frequency law s_j ∝ k_j.
 *
 * `adagradScale` returns each feature's √(s_j/t) beside that prediction, the
 * least-squares slope of log √(s_j/t) on log H_jj, and quantiles of the ratio
 * √(s_j/t) / √(H_jj/B).
 */
import { requireInRange, requireInteger } from "../validate.js";
import type { Model } from "../models/model.js";
import type { Dataset } from "../datasets.js";

export interface AdagradScalePoint {
  /** The feature's index j. */
  index: number;
  /** The Hessian's diagonal entry H_jj at the chosen weights. */
  hessian: number;
  /** Adagrad's learned scale √(s_j/t). */
  rms: number;
  /** The prediction √(H_jj / B). */
  predicted: number;
  /** √(F̄_jj / B) from `squaredGradientsAlongRun` (when given): what √(s_j/t) equals up to the cross terms. */
  alongRun?: number;
}

export interface AdagradScale {
  points: AdagradScalePoint[];
  /** Least-squares slope of log √(s_j/t) against log H_jj (½ if the prediction holds, 1 if √(s_j/t) ∝ H_jj). */
  slope: number;
  /** Quantile q ∈ [0, 1] of the ratio √(s_j/t) / √(H_jj/B) over the points. */
  ratioQuantile: (q: number) => number;
  /** Quantile q of the ratio √(s_j/t) / √(F̄_jj/B) over the points (NaN without `alongRun`). */
  alongRunRatioQuantile: (q: number) => number;
}

/**
 * Pairs Adagrad's accumulator `s` after `t` steps of batch size `batchSize`
 * with a Hessian diagonal `hessian` (same length). Features with s_j = 0 or
 * H_jj = 0 (never seen, or σ(1 − σ) underflowed) are left out. `alongRun`
 * (optional, same length) is `squaredGradientsAlongRun`'s `sum` for the same
 * run, giving each point √(F̄_jj/B) = √(alongRun_j / t).
 */
export function adagradScale(s: ArrayLike<number>, t: number, batchSize: number, hessian: ArrayLike<number>, alongRun?: ArrayLike<number>): AdagradScale {
  requireInteger("adagradScale", "t", t, 1);
  requireInteger("adagradScale", "batchSize", batchSize, 1);
  if (hessian.length !== s.length) throw new RangeError(`adagradScale: hessian has length ${hessian.length}, expected s.length = ${s.length}`);
  if (alongRun && alongRun.length !== s.length) throw new RangeError(`adagradScale: alongRun has length ${alongRun.length}, expected s.length = ${s.length}`);
  const points: AdagradScalePoint[] = [];
  for (let j = 0; j < s.length; ++j) {
    const h = hessian[j];
    if (!(s[j] > 0 && h > 0 && Number.isFinite(s[j]) && Number.isFinite(h))) continue;
    points.push({ index: j, hessian: h, rms: Math.sqrt(s[j] / t), predicted: Math.sqrt(h / batchSize), ...(alongRun ? { alongRun: Math.sqrt(alongRun[j] / t) } : {}) });
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
  const along = alongRun ? points.map((p) => p.rms / p.alongRun!).sort((a, b) => a - b) : [];
  const quantile = (name: string, list: number[]) => (q: number) => {
    requireInRange(name, "q", q, 0, 1);
    return list.length ? list[Math.min(list.length - 1, Math.floor(q * list.length))] : NaN;
  };
  return {
    points,
    slope: sxx > 0 ? sxy / sxx : NaN,
    ratioQuantile: quantile("ratioQuantile", ratios),
    alongRunRatioQuantile: quantile("alongRunRatioQuantile", along),
  };
}

/** How far the fitted slope may be from ½ to count as "near ½". */
export const SLOPE_TOLERANCE = 0.1;
/** The median ratio √(s_j/t)/√(H_jj/B) counts as "near 1" within [1/MEDIAN_BAND, MEDIAN_BAND]. */
export const MEDIAN_BAND = 1.5;
/** …and the 10 % and 90 % quantiles of the ratio within [1/SPREAD_BAND, SPREAD_BAND]. */
export const SPREAD_BAND = 2;

/**
 * Whether a measured `AdagradScale` agrees with the prediction √(s_j/t) ≈
 * √(H_jj/B): `slopeNear` (|slope − ½| ≤ SLOPE_TOLERANCE), `ratiosNear`
 * (median within a factor MEDIAN_BAND of 1, 10–90 % quantiles within a factor
 * SPREAD_BAND), and `close` only when both hold — a slope of ½ alone is also
 * what √(s_j/t) = c·√H_jj gives for any constant c.
 */
export function predictionVerdict(scale: AdagradScale): { slopeNear: boolean; ratiosNear: boolean; close: boolean } {
  const slopeNear = Math.abs(scale.slope - 0.5) <= SLOPE_TOLERANCE;
  const median = scale.ratioQuantile(0.5), q10 = scale.ratioQuantile(0.1), q90 = scale.ratioQuantile(0.9);
  const ratiosNear = median >= 1 / MEDIAN_BAND && median <= MEDIAN_BAND && q10 >= 1 / SPREAD_BAND && q90 <= SPREAD_BAND;
  return { slopeNear, ratiosNear, close: slopeNear && ratiosNear };
}

/**
 * squaredGradientsAlongRun(model): `model` wrapped so that each minibatch
 * gradient `train` asks for also adds, for every example i of the batch
 * (m examples), (g_ij / m)² to `sum[j]` — g_i the example's own gradient at the
 * weights of that step. That is Adagrad's accumulator without the cross terms
 * between examples of one batch; after E whole epochs of batch size B (B | n),
 *
 *     sum_j / t = F̄_jj / B,   F̄_jj = (1/(E·n)) Σ_epochs Σ_i g_ij²,
 *
 * with t = steps(). The wrapped model computes the same gradients and losses,
 * so a run with it follows the same trajectory as one without.
 */
export function squaredGradientsAlongRun<D extends Dataset>(model: Model<D>): { model: Model<D>; sum: Float64Array; steps: () => number } {
  const sum = new Float64Array(model.dim);
  const one = new Float64Array(model.dim);
  let steps = 0;
  const wrapped: Model<D> = Object.create(model);
  wrapped.grad = (params, data, indices, out, start = 0, end = indices.length) => {
    const loss = model.grad(params, data, indices, out, start, end);
    const m = end - start;
    for (let k = start; k < end; ++k) {
      model.grad(params, data, indices, one, k, k + 1);
      for (let j = 0; j < one.length; ++j) if (one[j] !== 0) sum[j] += (one[j] / m) ** 2;
    }
    steps += 1;
    return loss;
  };
  return { model: wrapped, sum, steps: () => steps };
}
