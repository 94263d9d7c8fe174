/**
 * Exercise strategies/batchnorm-forward — batch normalization's forward pass,
 * in training and in evaluation mode, as torch.nn.BatchNorm1d computes it.
 *
 * A batch of m examples with `units` pre-activations each is stored example
 * by example: unit o of example i is z[i·units + o]. Each unit has a learned
 * scale γ_o and shift β_o, and two running averages μ̄_o and σ̄²_o (buffers
 * that training updates and evaluation uses).
 *
 * 1. `batchNormTrain(z, m, units, gamma, beta, runningMean, runningVar,
 *    momentum, eps)` — training mode. For each unit o, over the batch:
 *
 *        μ_o = (1/m) Σᵢ zᵢₒ,   σ²_o = (1/m) Σᵢ (zᵢₒ − μ_o)²   (the biased variance),
 *        yᵢₒ = γ_o (zᵢₒ − μ_o)/√(σ²_o + ε) + β_o.
 *
 *    Return y as a new Float64Array (same layout as z), and update the
 *    running averages in place with momentum ρ and the UNBIASED variance:
 *
 *        μ̄_o ← (1 − ρ) μ̄_o + ρ μ_o,   σ̄²_o ← (1 − ρ) σ̄²_o + ρ · m/(m − 1) · σ²_o.
 *
 *    (torch's defaults: ρ = 0.1, ε = 10⁻⁵. A batch of m = 1 has no unbiased
 *    variance: throw a RangeError, as torch refuses it.)
 *
 * 2. `batchNormEval(z, m, units, gamma, beta, runningMean, runningVar, eps)`
 *    — evaluation mode: yᵢₒ = γ_o (zᵢₒ − μ̄_o)/√(σ̄²_o + ε) + β_o, with the
 *    running averages; nothing is updated, and each example's output depends
 *    on that example alone.
 */
export function batchNormTrain(
  z: ArrayLike<number>, m: number, units: number, gamma: ArrayLike<number>, beta: ArrayLike<number>,
  runningMean: Float64Array, runningVar: Float64Array, momentum: number, eps: number
): Float64Array {
  // BEGIN SOLUTION
  if (!Number.isInteger(m) || m < 2) throw new RangeError(`batchNormTrain: the batch needs m ≥ 2 examples in training mode, got ${m}`);
  const y = new Float64Array(m * units);
  for (let o = 0; o < units; o++) {
    let mean = 0;
    for (let i = 0; i < m; i++) mean += z[i * units + o];
    mean /= m;
    let variance = 0;
    for (let i = 0; i < m; i++) variance += (z[i * units + o] - mean) ** 2;
    variance /= m;
    const inv = 1 / Math.sqrt(variance + eps);
    for (let i = 0; i < m; i++) y[i * units + o] = gamma[o] * (z[i * units + o] - mean) * inv + beta[o];
    runningMean[o] = (1 - momentum) * runningMean[o] + momentum * mean;
    runningVar[o] = (1 - momentum) * runningVar[o] + momentum * variance * m / (m - 1);
  }
  return y;
  // END SOLUTION
}

export function batchNormEval(
  z: ArrayLike<number>, m: number, units: number, gamma: ArrayLike<number>, beta: ArrayLike<number>,
  runningMean: ArrayLike<number>, runningVar: ArrayLike<number>, eps: number
): Float64Array {
  // BEGIN SOLUTION
  const y = new Float64Array(m * units);
  for (let i = 0; i < m; i++) {
    for (let o = 0; o < units; o++) {
      y[i * units + o] = gamma[o] * (z[i * units + o] - runningMean[o]) / Math.sqrt(runningVar[o] + eps) + beta[o];
    }
  }
  return y;
  // END SOLUTION
}
