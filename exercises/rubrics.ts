/**
 * Rubrics of the written (`concept`) exercises, for the instructor's answer
 * key (scripts/coursework/answer-key.ts; never in a student edition): the
 * criteria a grader awards points for, summing to the exercise's points, and
 * where the page's worked solution is — the chapter's source file and the
 * start of the question's bold heading, whose next `<details class="solution">`
 * is the worked solution.
 *
 * Adding a concept exercise to exercises/index.ts needs a rubric here:
 * test/coursework/answer-key.test.ts fails otherwise.
 */
export interface Criterion {
  points: number;
  /** What the answer must show to earn these points. */
  text: string;
}

export interface Rubric {
  /** The page, relative to src/ (e.g. "gradient-descent.md"). */
  page: string;
  /** The beginning of the question's heading in the page (e.g. "**5. Euler's method"). */
  heading: string;
  criteria: readonly Criterion[];
}

export const RUBRICS: Readonly<Record<string, Rubric>> = Object.freeze({
  "gradient-descent/euler-flow": {
    page: "gradient-descent.md",
    heading: "**5. Euler's method converges to the flow.**",
    criteria: [
      { points: 1, text: "Solves the flow x′ = −λx: x(t) = e^(−λt)·x₀." },
      { points: 1, text: "Writes gradient descent's iterates as x_k = (1 − ηλ)^k·x₀." },
      { points: 2, text: "With η = t/k, shows (1 − λt/k)^k → e^(−λt) as k → ∞ (the limit (1 + a/k)^k → e^a, or a logarithm expansion)." },
      { points: 1, text: "Says when the two differ qualitatively: ηλ > 1 alternates in sign, ηλ > 2 diverges (or states the first-order error in η)." },
    ],
  },
  "learning-rate/log-scale": {
    page: "learning-rate.md",
    heading: "**8. Why not a grid of one?**",
    criteria: [
      { points: 1, text: "States the stability bound η < 2/λ_max and that the speed depends on ηλ_min: both scale with the curvature, unknown in advance." },
      { points: 1, text: "For the ravine (λ_max = 4): stable range (0, 0.5)." },
      { points: 1, text: "Scaling f by 100 scales every eigenvalue by 100: the range becomes (0, 0.005), hence a search over decades (log scale)." },
    ],
  },
  "schedules/step-decay-sum": {
    page: "schedules.md",
    heading: "**4. Step decay, summed.**",
    criteria: [
      { points: 2, text: "Counts the steps per exponent: r − 1 steps with exponent 0 (t = 1 … r − 1), then r steps with exponent k ≥ 1." },
      { points: 2, text: "Sums the geometric series: η₀[(r − 1) + r·d/(1 − d)] = η₀(r/(1 − d) − 1)." },
      { points: 1, text: "Concludes that a finite sum violates Σ η = ∞: the iterate freezes after a bounded distance, so convergence from far away is not guaranteed." },
    ],
  },
  "minibatch/your-machine": {
    page: "minibatch.md",
    heading: "**4. Your machine.**",
    criteria: [
      { points: 1, text: "Reads the ratio from their own timing table (any measured value, stated with its source)." },
      { points: 2, text: "Two per-step costs a batch of one pays n times per epoch: the optimizer update of every parameter, function-call / loop bookkeeping, bounds checks, memory traffic (any two, each 1 point)." },
      { points: 2, text: "One GPU/PyTorch reason: per-step Python and kernel-launch overhead, or a GPU reaching its throughput only on large matrix products." },
    ],
  },
  "minibatch/early-stopping-ridge": {
    page: "minibatch.md",
    heading: "**5. Early stopping as ridge.**",
    criteria: [
      { points: 2, text: "Along the eigenvector, e_t = (1 − ηλ)e_{t−1}, so w_t = (1 − (1 − ηλ)^t)·w⋆." },
      { points: 1, text: "The two regimes: ηλt ≫ 1 fitted (factor ≈ 1), ηλt ≪ 1 barely started (factor ≈ ηλt)." },
      { points: 2, text: "Compares with ridge's λ/(λ + α): the same two regimes with α ≈ 1/(ηt); early stopping is a penalty that weakens as training goes on." },
    ],
  },
  "nesterov/lookahead-equivalence": {
    page: "nesterov.md",
    heading: "**5. Prove the change of variables by induction.**",
    criteria: [
      { points: 2, text: "Both forms evaluate the gradient at the same point: ∇f(θ_{t−1} − γv_{t−1}) = ∇f(φ_{t−1})." },
      { points: 2, text: "Induction step: b_t = γv_{t−1}/η + g_t = v_t/η and φ_t = θ_t − γv_t." },
      { points: 1, text: "Base case: both start at θ₀ with zero velocity (and notes the identity b = v/η needs a constant η)." },
    ],
  },
  "adam/why-bias-correction": {
    page: "adam.md",
    heading: "**1. The first uncorrected step.**",
    criteria: [
      { points: 2, text: "m₁ = (1 − β₁)g₁ and v₁ = (1 − β₂)g₁², so the uncorrected first step is η(1 − β₁)/√(1 − β₂) = 0.1/√0.001 ≈ 3.16 times η." },
      { points: 1, text: "Why: the averages start at 0, so v₁ is biased toward 0 much more strongly (1 − β₂ = 0.001) than m₁ (1 − β₁ = 0.1)." },
      { points: 2, text: "With the correction m̂₁ = g₁ and v̂₁ = g₁², so the first step is η·g₁/|g₁| = η·sign(g₁) as ε → 0." },
    ],
  },
  "strategies/bn-invariance": {
    page: "strategies.md",
    heading: "**3. Batch norm's invariance.**",
    criteria: [
      { points: 2, text: "Shows μ(cz) = cμ(z) and σ(cz) = cσ(z) for c > 0, so the normalized ẑ = (z − μ)/σ (and the layer's output) is unchanged: ℓ(cW) = ℓ(W)." },
      { points: 2, text: "Differentiates the identity ℓ(cW) = ℓ(W) with respect to W (chain rule): c·(∇ℓ)(cW) = (∇ℓ)(W), i.e. (∇ℓ)(cW) = (1/c)(∇ℓ)(W)." },
      { points: 1, text: "Draws a consequence: larger weights get proportionally smaller gradients (effective rate η/‖W‖² on W's direction), or the gradient is orthogonal to W." },
    ],
  },
  "strategies/sorted-bias": {
    page: "strategies.md",
    heading: "**4. Sorted order.**",
    criteria: [
      { points: 1, text: "Predicts a positive bias at the end of an epoch." },
      { points: 1, text: "Explains it: the epoch ends with a run of y = 1 examples, each moving b by −η(σ(z) − 1) > 0." },
      { points: 1, text: "Checks it with the page's cells (the bias, the last entry of the parameters) and relates it to the saw-tooth of the loss curve." },
    ],
  },
  "strategies/noise-vs-batch": {
    page: "strategies.md",
    heading: "**5. Noise versus batch size.**",
    criteria: [
      { points: 1, text: "Splits the total variance T = s + a with minibatch part s = T/2 and added part a = T/2." },
      { points: 1, text: "Doubling B halves the minibatch variance to T/4." },
      { points: 1, text: "Concludes a′ = 3T/4: the added variance grows by a factor 1.5." },
    ],
  },
});
