/**
 * Exercise ewa/bias-corrected — the bias-corrected average.
 *
 * The exponentially weighted average of a series θ₁, θ₂, … starts at v₀ = 0:
 *
 *     v_t = β·v_{t−1} + (1 − β)·θ_t
 *
 * Its weights sum to 1 − β^t, not 1, so early values are biased toward 0.
 * The bias-corrected average divides that out:
 *
 *     v̂_t = v_t / (1 − β^t)
 *
 * `biasCorrectedAverage(values, beta)` returns v̂₁ … v̂ₙ (one number per value,
 * as an array or Float64Array). β is in [0, 1).
 */
export function biasCorrectedAverage(values: ArrayLike<number>, beta: number): ArrayLike<number> {
  // BEGIN SOLUTION
  const out = new Float64Array(values.length);
  let v = 0;
  let betaPower = 1;
  for (let t = 1; t <= values.length; t++) {
    v = beta * v + (1 - beta) * values[t - 1];
    betaPower *= beta;
    out[t - 1] = v / (1 - betaPower);
  }
  return out;
  // END SOLUTION
}
