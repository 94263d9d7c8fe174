/**
 * How long is an exponentially weighted average's memory, how far does it lag
 * a trend, and what does bias correction cost in noise? Closed forms for
 * v_t = βv_{t−1} + (1 − β)θ_t, v_0 = 0 (chapter 5).
 *
 * Four "windows" of the weights w_k = (1 − β)β^k (age k ≥ 0):
 * - the 1/e age: β^k = 1/e at k = −1/ln β (exact);
 * - the rule of thumb 1/(1 − β) (−1/ln β ≈ 1/(1 − β) − ½ for β near 1);
 * - the mean age Σ k w_k = β/(1 − β), which is also the lag behind a linear
 *   trend: for θ_t = a·t, v_t → a·t − a·β/(1 − β);
 * - the noise-equivalent window (1 + β)/(1 − β): the n for which the plain
 *   mean of n independent values has the EWA's variance (1 − β)/(1 + β)·σ².
 *
 * Bias correction divides by 1 − β^t, so it also divides the noise: for
 * independent values of variance σ², Var v̂_t = σ²·(1 − β)²(1 − β^{2t}) /
 * ((1 − β²)(1 − β^t)²) = σ²·(1 − β)(1 + β^t) / ((1 + β)(1 − β^t)). At t = 1
 * that is σ² (v̂_1 = θ_1 carries the full noise); it falls to (1 − β)/(1 + β)·σ².
 */
import { requireInRange, requireInteger } from "../validate.js";

const rate = (owner: string, beta: unknown) => requireInRange(owner, "beta", beta, 0, 1, { hiOpen: true });

export interface EwaWindows {
  /** −1/ln β: the age where the weight is exactly 1/e of the newest (0 for β = 0). */
  readonly oneOverE: number;
  /** 1/(1 − β), the rule of thumb. */
  readonly ruleOfThumb: number;
  /** β/(1 − β), the weights' mean age (and the lag behind a linear trend). */
  readonly meanAge: number;
  /** (1 + β)/(1 − β): the plain mean of this many values has the same noise variance. */
  readonly noiseEquivalent: number;
}

/** The four window definitions for one β in [0, 1). */
export function ewaWindows(beta: number): EwaWindows {
  rate("ewaWindows", beta);
  return {
    oneOverE: beta === 0 ? 0 : -1 / Math.log(beta),
    ruleOfThumb: 1 / (1 - beta),
    meanAge: beta / (1 - beta),
    noiseEquivalent: (1 + beta) / (1 - beta),
  };
}

/**
 * The lag of the EWA behind the ramp θ_t = slope·t after n steps, measured in
 * steps: (θ_n − v_n)/slope (uncorrected), or with bias correction. Tends to
 * β/(1 − β) as n grows (for both, since β^n → 0).
 */
export function rampLag(beta: number, n: number, corrected = false): number {
  rate("rampLag", beta);
  requireInteger("rampLag", "n", n, 1, 1e8);
  let v = 0;
  for (let t = 1; t <= n; ++t) v = beta * v + (1 - beta) * t;
  const vn = corrected ? v / (1 - beta ** n) : v;
  return n - vn;
}

/**
 * Var v̂_t / σ² for independent values of variance σ², v̂_t = v_t/(1 − β^t):
 * (1 − β)(1 + β^t) / ((1 + β)(1 − β^t)). Equals 1 at t = 1, decreases to
 * (1 − β)/(1 + β).
 */
export function correctedVariance(beta: number, t: number): number {
  rate("correctedVariance", beta);
  requireInteger("correctedVariance", "t", t, 1, 1e12);
  const bt = beta ** t;
  return ((1 - beta) * (1 + bt)) / ((1 + beta) * (1 - bt));
}

/** Var v_t / σ² without correction: (1 − β)(1 − β^{2t})/(1 + β), from (1 − β)² at t = 1 up to (1 − β)/(1 + β). */
export function uncorrectedVariance(beta: number, t: number): number {
  rate("uncorrectedVariance", beta);
  requireInteger("uncorrectedVariance", "t", t, 1, 1e12);
  return ((1 - beta) * (1 - beta ** (2 * t))) / (1 + beta);
}
