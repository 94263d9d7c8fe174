/**
 * Gradient descent on a quadratic, in closed form. On f(x) = ½(x − x*)ᵀA(x − x*)
 * with A symmetric positive definite, eigenvalues λ₁ ≤ … ≤ λₙ, one step
 * x ← x − η∇f(x) multiplies the error's component along the i-th eigenvector
 * by (1 − ηλᵢ):
 *
 *   x_t − x* = (I − ηA)ᵗ (x₀ − x*),   |component i| shrinks by |1 − ηλᵢ| per step.
 *
 * So GD converges iff every |1 − ηλᵢ| < 1, i.e. 0 < η < 2/λₙ (= 2/L, L the
 * Lipschitz constant of ∇f); the slowest factor max_i |1 − ηλᵢ| is the rate.
 * It is smallest at η* = 2/(λ₁ + λₙ), where it equals (κ − 1)/(κ + 1) with
 * κ = λₙ/λ₁ the condition number.
 */

function checkEigenvalues(owner: string, eigenvalues: ArrayLike<number>): { min: number; max: number } {
  if (!eigenvalues || eigenvalues.length === 0) throw new RangeError(`${owner}: eigenvalues must be a non-empty list of positive numbers`);
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < eigenvalues.length; ++i) {
    const l = eigenvalues[i];
    if (!(l > 0) || !Number.isFinite(l)) throw new RangeError(`${owner}: eigenvalues[${i}] must be a positive finite number, got ${l}`);
    min = Math.min(min, l);
    max = Math.max(max, l);
  }
  return { min, max };
}

/** |1 − ηλᵢ| for each eigenvalue: the factor by which GD shrinks (or, above 1, grows) each eigen-component per step. */
export function gdFactors(eigenvalues: ArrayLike<number>, eta: number): Float64Array {
  checkEigenvalues("gdFactors", eigenvalues);
  return Float64Array.from(eigenvalues, (l) => Math.abs(1 - eta * l));
}

/** The rate of GD with step η: max_i |1 − ηλᵢ|. Below 1 it converges; above 1 it diverges. */
export function gdRate(eigenvalues: ArrayLike<number>, eta: number): number {
  const { min, max } = checkEigenvalues("gdRate", eigenvalues);
  // |1 − ηλ| is convex in λ, so its maximum over the spectrum sits at an end.
  return Math.max(Math.abs(1 - eta * min), Math.abs(1 - eta * max));
}

/** The largest stable step 2/λₙ: GD converges for 0 < η < 2/λₙ and diverges for η > 2/λₙ. */
export function stableLimit(eigenvalues: ArrayLike<number>): number {
  return 2 / checkEigenvalues("stableLimit", eigenvalues).max;
}

export interface OptimalStep {
  /** η* = 2/(λ₁ + λₙ). */
  eta: number;
  /** (κ − 1)/(κ + 1), the rate at η*. */
  rate: number;
  /** κ = λₙ/λ₁. */
  kappa: number;
}

/** The step that minimizes the rate, the rate there and the condition number. */
export function optimalStep(eigenvalues: ArrayLike<number>): OptimalStep {
  const { min, max } = checkEigenvalues("optimalStep", eigenvalues);
  const kappa = max / min;
  return { eta: 2 / (min + max), rate: (kappa - 1) / (kappa + 1), kappa };
}

/**
 * The number of steps for an error that shrinks by `rate` per step to shrink by
 * `factor` (e.g. 1e-3): ⌈ln factor / ln rate⌉; Infinity when rate ≥ 1.
 */
export function stepsToReduce(rate: number, factor: number): number {
  if (!(factor > 0 && factor < 1)) throw new RangeError(`stepsToReduce: factor must be in (0, 1), got ${factor}`);
  if (!(rate >= 0)) throw new RangeError(`stepsToReduce: rate must be ≥ 0, got ${rate}`);
  if (rate >= 1) return Infinity;
  if (rate === 0) return 1;
  return Math.ceil(Math.log(factor) / Math.log(rate) - 1e-12);
}

/** Rows `{eta, eigenvalue, factor}` for η on [0, etaMax] (n + 1 points), one series per eigenvalue, plus "max" (the rate). */
export function rateCurve(eigenvalues: ArrayLike<number>, etaMax: number, n = 200): Array<{ eta: number; series: string; factor: number }> {
  checkEigenvalues("rateCurve", eigenvalues);
  if (!(etaMax > 0)) throw new RangeError(`rateCurve: etaMax must be > 0, got ${etaMax}`);
  const rows: Array<{ eta: number; series: string; factor: number }> = [];
  for (let k = 0; k <= n; ++k) {
    const eta = (etaMax * k) / n;
    for (let i = 0; i < eigenvalues.length; ++i) rows.push({ eta, series: `λ = ${+eigenvalues[i].toPrecision(4)}`, factor: Math.abs(1 - eta * eigenvalues[i]) });
    rows.push({ eta, series: "rate = max", factor: gdRate(eigenvalues, eta) });
  }
  return rows;
}
