/**
 * One batch-normalization layer on its own, as torch.nn.BatchNorm1d computes
 * it (the rule `mlpBatchNorm` applies inside its hidden layers; a test checks
 * that both keep the same running averages, another checks both functions
 * against torch). A batch of m examples with `units` values each is stored
 * example by example: unit o of example i is z[i·units + o].
 *
 * Training mode, per unit o over the batch:
 *
 * $$\mu_o = \frac1m\sum_i z_{io},\quad \sigma_o^2 = \frac1m\sum_i (z_{io}-\mu_o)^2,\quad
 *   y_{io} = \gamma_o\frac{z_{io}-\mu_o}{\sqrt{\sigma_o^2+\varepsilon}} + \beta_o,$$
 *
 * and the running averages move with momentum ρ and the *unbiased* variance:
 * μ̄ ← (1 − ρ)μ̄ + ρμ, σ̄² ← (1 − ρ)σ̄² + ρ·m/(m − 1)·σ². Evaluation mode
 * normalizes with μ̄ and σ̄² instead and updates nothing.
 */
import { requireInRange, requireInteger } from "../validate.js";

/** Training-mode forward pass: returns y; updates the running averages `avgMean` (μ̄) and `avgVar` (σ̄²) in place. */
export function batchNormLayerTrain(
  z: ArrayLike<number>,
  m: number,
  units: number,
  gamma: ArrayLike<number>,
  beta: ArrayLike<number>,
  avgMean: Float64Array,
  avgVar: Float64Array,
  momentum = 0.1,
  eps = 1e-5
): Float64Array {
  requireInteger("batchNormLayerTrain", "m", m, 2);
  requireInteger("batchNormLayerTrain", "units", units, 1);
  requireInRange("batchNormLayerTrain", "momentum", momentum, 0, 1);
  requireInRange("batchNormLayerTrain", "eps", eps, 0, Infinity, { loOpen: true });
  const out = new Float64Array(m * units);
  for (let o = 0; o < units; o++) {
    let mu = 0;
    for (let i = 0; i < m; i++) mu += z[i * units + o];
    mu /= m;
    let s2 = 0;
    for (let i = 0; i < m; i++) s2 += (z[i * units + o] - mu) ** 2;
    s2 /= m;
    const scale = gamma[o] / Math.sqrt(s2 + eps);
    for (let i = 0; i < m; i++) out[i * units + o] = scale * (z[i * units + o] - mu) + beta[o];
    avgMean[o] += momentum * (mu - avgMean[o]);
    avgVar[o] += momentum * ((s2 * m) / (m - 1) - avgVar[o]);
  }
  return out;
}

/** Evaluation-mode forward pass: normalizes with the running averages; reads them only. */
export function batchNormLayerEval(
  z: ArrayLike<number>,
  m: number,
  units: number,
  gamma: ArrayLike<number>,
  beta: ArrayLike<number>,
  avgMean: ArrayLike<number>,
  avgVar: ArrayLike<number>,
  eps = 1e-5
): Float64Array {
  requireInteger("batchNormLayerEval", "m", m, 1);
  requireInteger("batchNormLayerEval", "units", units, 1);
  const out = new Float64Array(m * units);
  for (let o = 0; o < units; o++) {
    const scale = gamma[o] / Math.sqrt(avgVar[o] + eps);
    for (let i = 0; i < m; i++) out[i * units + o] = scale * (z[i * units + o] - avgMean[o]) + beta[o];
  }
  return out;
}
