/**
 * Exponentially weighted averages (the lecture notes' "EWA"):
 *
 *   v_0 = 0,  v_t = β·v_{t−1} + (1 − β)·θ_t,  corrected: v̂_t = v_t / (1 − β^t).
 *
 * Unrolled, v_t = Σ_{k=0}^{t−1} (1 − β)·β^k·θ_{t−k}: the sample of age k has
 * weight (1 − β)β^k, the weights sum to 1 − β^t (hence the bias toward 0 early
 * on, which dividing by 1 − β^t removes), and since (1 − ε)^(1/ε) ≈ 1/e with
 * ε = 1 − β, a sample's weight falls to about 1/e of the newest one's after
 * 1/(1 − β) steps — the "effective window". (The notes' "(1 − β)^(1/β) steps" is
 * a typo for β^(1/(1−β)) ≈ 1/e.)
 *
 * Numerics: the corrected average is updated in the incremental-mean form
 * v̂_t = v̂_{t−1} + ((1 − β)/w_t)·(θ_t − v̂_{t−1}), w_t = β·w_{t−1} + (1 − β) = 1 − β^t,
 * which equals v_t/(1 − β^t) in exact arithmetic and reproduces a constant
 * series exactly in floating point (θ_t − v̂_{t−1} = 0; at t = 1 the factor is 1).
 */
import { rejectUnknownKeys, requireBoolean, requireInRange, requireInteger } from "./validate.js";

const rate = (owner: string, beta: unknown) => requireInRange(owner, "beta", beta, 0, 1, { hiOpen: true });

export interface EwaOptions {
  /** Divide v_t by 1 − β^t. Default false. */
  biasCorrection?: boolean;
}

/** The running averages v_1 … v_n of `values` (or v̂ with `biasCorrection: true`). */
export function ewa(values: ArrayLike<number>, beta: number, options: EwaOptions = {}): Float64Array {
  rate("ewa", beta);
  rejectUnknownKeys("ewa", options, ["biasCorrection"]);
  const correct = requireBoolean("ewa", "biasCorrection", options.biasCorrection ?? false);
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new TypeError("ewa: values must be an array or typed array of numbers");
  }
  const out = new Float64Array(values.length);
  let v = 0;
  let vHat = 0;
  let w = 0; // 1 − β^t
  for (let t = 1; t <= values.length; ++t) {
    const theta = values[t - 1];
    if (correct) {
      w = beta * w + (1 - beta);
      vHat += ((1 - beta) / w) * (theta - vHat);
      out[t - 1] = vHat;
    } else {
      v = beta * v + (1 - beta) * theta;
      out[t - 1] = v;
    }
  }
  return out;
}

/** A streaming EWA. Its state is plain data: `beta`, `t` (samples seen) and `value` (v_t). */
export interface StreamingEwa {
  readonly beta: number;
  /** The number of samples seen. */
  readonly t: number;
  /** v_t, the biased average (0 before any sample). */
  readonly value: number;
  /** v_t / (1 − β^t), the bias-corrected average (NaN before any sample). */
  readonly corrected: number;
  /** Adds the sample θ_t and returns the new averages. */
  update(x: number): { value: number; corrected: number };
  /** Forgets every sample. */
  reset(): void;
}

export function createEwa(beta: number): StreamingEwa {
  rate("createEwa", beta);
  let t = 0;
  let value = 0;
  let vHat = 0;
  let w = 0; // 1 − β^t
  return {
    beta,
    get t() {
      return t;
    },
    get value() {
      return value;
    },
    get corrected() {
      return t === 0 ? NaN : vHat;
    },
    update(x) {
      t += 1;
      value = beta * value + (1 - beta) * x;
      w = beta * w + (1 - beta);
      vHat += ((1 - beta) / w) * (x - vHat);
      return { value, corrected: vHat };
    },
    reset() {
      t = 0;
      value = 0;
      vHat = 0;
      w = 0;
    },
  };
}

/** The weights (1 − β)·β^k, k = 0 … t − 1, of the samples of age k in v_t (index 0 is the newest). */
export function ewaWeights(beta: number, t: number): Float64Array {
  rate("ewaWeights", beta);
  requireInteger("ewaWeights", "t", t, 0, 1e8);
  const w = new Float64Array(t);
  let bk = 1;
  for (let k = 0; k < t; ++k) {
    w[k] = (1 - beta) * bk;
    bk *= beta;
  }
  return w;
}

/** 1/(1 − β): roughly how many recent samples the average spans. */
export function effectiveWindow(beta: number): number {
  rate("effectiveWindow", beta);
  return 1 / (1 - beta);
}
