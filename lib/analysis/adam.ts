/**
 * Numerics for the Adam chapter (src/adam.md).
 *
 * - `uncorrectedStepRatio(t, β₁, β₂)`: how much larger Adam's step would be at
 *   step t without bias correction, (1 − β₁ᵗ)/√(1 − β₂ᵗ) (ε neglected).
 * - `adamUncorrected`: Adam with neither moment bias-corrected (the rule before
 *   Kingma & Ba add the correction), for comparison runs.
 * - `reddiPeriodic`: Reddi, Kale & Kumar's online problem with any period, e.g.
 *   their §5 synthetic experiment f_t(x) = 1010x if t mod 101 = 1, −10x otherwise.
 * - `scaled(objective, c)`: c·f, to test invariance to the scale of the loss.
 */
import type { LearningRate, Objective, Optimizer, OptimizerState } from "../types.js";
import { checkStep, initDim, learningRate, readOptions, validateEps, validateLr, validateRate } from "../optimizers/common.js";
import { periodicLinear, periodicLinearMean } from "../objectives/periodic-linear.js";
import { random } from "../random.js";
import { rejectUnknownKeys, requireInRange, requireInteger } from "../validate.js";

/** Uncorrected over corrected Adam step at step t (t ≥ 1): (1 − β₁ᵗ)/√(1 − β₂ᵗ). */
export function uncorrectedStepRatio(t: number, beta1: number, beta2: number): number {
  requireInteger("uncorrectedStepRatio", "t", t, 1);
  requireInRange("uncorrectedStepRatio", "beta1", beta1, 0, 1, { hiOpen: true });
  requireInRange("uncorrectedStepRatio", "beta2", beta2, 0, 1, { hiOpen: true });
  return (1 - beta1 ** t) / Math.sqrt(1 - beta2 ** t);
}

export interface AdamUncorrectedHyper {
  readonly lr: LearningRate;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}

export interface AdamUncorrectedState extends OptimizerState {
  readonly m: Float64Array;
  readonly v: Float64Array;
}

const DEFAULTS: AdamUncorrectedHyper = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

class AdamUncorrected implements Optimizer<AdamUncorrectedState, AdamUncorrectedHyper> {
  readonly name = "adamUncorrected";
  constructor(readonly hyper: Readonly<AdamUncorrectedHyper>) {}
  init(dim: number): AdamUncorrectedState {
    const n = initDim(this.name, dim);
    return { t: 0, dim: n, m: new Float64Array(n), v: new Float64Array(n) };
  }
  step(params: Float64Array, grad: Float64Array, state: AdamUncorrectedState): void {
    checkStep(this.name, params, grad, state);
    const t = state.t + 1;
    const { beta1, beta2, eps } = this.hyper;
    const lr = learningRate(this.name, this.hyper.lr, t);
    const { m, v } = state;
    for (let i = 0; i < params.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
      v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
      params[i] -= (lr * m[i]) / (Math.sqrt(v[i]) + eps);
    }
    state.t = t;
  }
  with(changes: Partial<AdamUncorrectedHyper>): Optimizer<AdamUncorrectedState, AdamUncorrectedHyper> {
    return adamUncorrected({ ...this.hyper, ...changes });
  }
}

/**
 * Adam without bias correction: m and v as in Adam, θ ← θ − η m/(√v + ε).
 * Not a framework optimizer; it shows what the correction is for.
 */
export function adamUncorrected(options: Partial<AdamUncorrectedHyper> = {}): Optimizer<AdamUncorrectedState, AdamUncorrectedHyper> {
  const o = readOptions("adamUncorrected", options, DEFAULTS);
  return new AdamUncorrected(
    Object.freeze({
      lr: validateLr("adamUncorrected", o.lr),
      beta1: validateRate("adamUncorrected", "beta1", o.beta1),
      beta2: validateRate("adamUncorrected", "beta2", o.beta2),
      eps: validateEps("adamUncorrected", o.eps),
    })
  );
}

export interface ReddiPeriodicOptions {
  /** Steps per period; the large gradient comes at t ≡ 1 (mod period). Default 101. */
  period?: number;
  /** The gradient at t ≡ 1 (mod period). Default 1010. */
  large?: number;
  /** Minus the gradient at the other steps. Default 10. */
  small?: number;
}

/**
 * f_t(x) = large·x when t mod period = 1, −small·x otherwise, on x ∈ [−1, 1]
 * (project with `projectBox(-1, 1)`). The period's losses sum to
 * (large − (period − 1)·small)·x, so when that is positive the best point is −1.
 * Defaults: Reddi et al.'s §5 synthetic experiment (period 101, 1010, 10);
 * period 3 gives lib's `reddiOnline`. Without t, `value` is the mean loss.
 */
export function reddiPeriodic(options: ReddiPeriodicOptions = {}): Objective {
  rejectUnknownKeys("reddiPeriodic", options, ["period", "large", "small"]);
  const period = requireInteger("reddiPeriodic", "period", options.period ?? 101, 2);
  const small = requireInRange("reddiPeriodic", "small", options.small ?? 10, 0, Infinity, { loOpen: true });
  const large = requireInRange("reddiPeriodic", "large", options.large ?? 1010, (period - 1) * small, Infinity, { loOpen: true });
  const spec = { period, phase: 1, rare: large, usual: -small };
  return periodicLinear("reddi-periodic", spec, { minima: [[-1]], minValue: -periodicLinearMean(spec) });
}

/** The objective c·f: same minimizers, gradients scaled by c. */
export function scaled(objective: Objective, c: number): Objective {
  requireInRange("scaled", "c", c, 0, Infinity, { loOpen: true });
  return {
    ...objective,
    name: `${c}·${objective.name}`,
    value: (x, t) => c * objective.value(x, t),
    grad(x, out, t) {
      objective.grad(x, out, t);
      for (let i = 0; i < out.length; ++i) out[i] *= c;
      return out;
    },
    ...(objective.hessian
      ? {
          hessian(x: Float64Array, out: Float64Array) {
            objective.hessian!(x, out);
            for (let i = 0; i < out.length; ++i) out[i] *= c;
            return out;
          },
        }
      : {}),
    ...(objective.minValue !== undefined ? { minValue: c * objective.minValue } : {}),
  };
}

/** Where Adam's ε goes: after the bias correction, outside the root (torch, optax, Algorithm 1); ε̂ on the uncorrected √v (TensorFlow/Keras, the formula before §2.1); inside the root (optax's eps_root). */
export type AdamEpsForm = "outside" | "hat" | "inside";

/**
 * |Δθ|/η of Adam's first step for a gradient g (m₀ = v₀ = 0, t = 1), in each ε
 * convention: |g|/(|g| + ε); |g|/(|g| + ε̂/√(1 − β₂)); |g|/√(g² + ε).
 */
export function adamFirstStepRatio(g: number, eps: number, beta2: number, form: AdamEpsForm): number {
  requireInRange("adamFirstStepRatio", "eps", eps, 0, Infinity, { loOpen: true });
  requireInRange("adamFirstStepRatio", "beta2", beta2, 0, 1, { hiOpen: true });
  const beta1 = 0.9; // cancels: m₁/(1 − β₁) = g
  const m = (1 - beta1) * g, v = (1 - beta2) * g * g;
  const mHat = m / (1 - beta1), vHat = v / (1 - beta2);
  const step =
    form === "outside" ? mHat / (Math.sqrt(vHat) + eps)
    : form === "inside" ? mHat / Math.sqrt(vHat + eps)
    : ((Math.sqrt(1 - beta2) / (1 - beta1)) * m) / (Math.sqrt(v) + eps);
  return Math.abs(step);
}

export interface NoisyStepOptions {
  /** Mean of the gradient (the signal). */
  mu: number;
  /** Standard deviation of the gradient noise (default 1). */
  sigma?: number;
  beta1?: number;
  beta2?: number;
  /** Steps to run (default 2000); the average is over the second half. */
  steps?: number;
  /** Seed of the noise (default 0). */
  seed?: number;
}

/**
 * Adam's mean step size |Δθ|/η under noisy gradients g_t = μ + σξ_t (ξ standard
 * normal), averaged over the second half of the run (bias correction on, ε
 * negligible). Kingma & Ba §2.1: |Δθ| ≤ η·(1 − β₁)/√(1 − β₂) when
 * (1 − β₁) > √(1 − β₂), and |Δθ| ≤ η otherwise; typically |Δθ| ≈ η·|E g|/√(E g²)
 * = η·|μ|/√(μ² + σ²), a signal-to-noise ratio — plus the noise left in m̂ when
 * μ ≈ 0. The parameter does not enter the gradient, so no objective is needed.
 */
export function adamNoisyStepSize(options: NoisyStepOptions): number {
  rejectUnknownKeys("adamNoisyStepSize", options, ["mu", "sigma", "beta1", "beta2", "steps", "seed"]);
  const mu = requireInRange("adamNoisyStepSize", "mu", options.mu, -1e6, 1e6);
  const sigma = requireInRange("adamNoisyStepSize", "sigma", options.sigma ?? 1, 0, 1e6);
  const beta1 = requireInRange("adamNoisyStepSize", "beta1", options.beta1 ?? 0.9, 0, 1, { hiOpen: true });
  const beta2 = requireInRange("adamNoisyStepSize", "beta2", options.beta2 ?? 0.999, 0, 1, { hiOpen: true });
  const steps = requireInteger("adamNoisyStepSize", "steps", options.steps ?? 2000, 2);
  const rng = random(requireInteger("adamNoisyStepSize", "seed", options.seed ?? 0, 0, 2 ** 32 - 1));
  let m = 0, v = 0, sum = 0, count = 0;
  for (let t = 1; t <= steps; ++t) {
    const g = mu + sigma * rng.normal();
    m = beta1 * m + (1 - beta1) * g;
    v = beta2 * v + (1 - beta2) * g * g;
    const step = Math.abs(m / (1 - beta1 ** t)) / (Math.sqrt(v / (1 - beta2 ** t)) + 1e-12);
    if (2 * t > steps) { sum += step; count += 1; }
  }
  return sum / count;
}

/**
 * The first step t after which the uncorrected/corrected step ratio
 * (1 − β₁ᵗ)/√(1 − β₂ᵗ) stays within `tol` of 1 (searched up to `maxT`;
 * returns null if it does not settle by then). Both factors tend to 1
 * monotonically, so the ratio's distance from 1 is eventually decreasing.
 */
export function uncorrectedRatioSettles(beta1: number, beta2: number, tol = 0.01, maxT = 1_000_000): number | null {
  requireInRange("uncorrectedRatioSettles", "beta1", beta1, 0, 1, { hiOpen: true });
  requireInRange("uncorrectedRatioSettles", "beta2", beta2, 0, 1, { hiOpen: true });
  requireInRange("uncorrectedRatioSettles", "tol", tol, 0, 1, { loOpen: true });
  requireInteger("uncorrectedRatioSettles", "maxT", maxT, 1);
  // The last step whose ratio is off by tol or more; β₁ᵗ and β₂ᵗ by running products.
  let p1 = 1, p2 = 1, last = 0;
  for (let t = 1; t <= maxT; ++t) {
    p1 *= beta1;
    p2 *= beta2;
    if (Math.abs((1 - p1) / Math.sqrt(1 - p2) - 1) >= tol) last = t;
    else if (p1 < tol * 1e-3 && p2 < tol * 1e-3) break;
  }
  return last >= maxT ? null : last + 1;
}
