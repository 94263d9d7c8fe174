/**
 * The convergence rate of momentum and Nesterov on a quadratic, from the
 * eigenvalues of a 2×2 matrix (Polyak 1964; G. Goh, "Why Momentum Really
 * Works", Distill 2017, https://distill.pub/2017/momentum/).
 *
 * On f(x) = ½ xᵀAx (A symmetric, eigenvalues λᵢ > 0), every method here is
 * linear, and in A's eigenbasis each coordinate evolves on its own. With
 * PyTorch's momentum (v ← βv + g, θ ← θ − ηv; g = λθ in an eigen-direction),
 * eliminating v gives the three-term recurrence
 *
 *   θ_{t+1} = (1 + β − ηλ) θ_t − β θ_{t−1},
 *
 * i.e. (θ_{t+1}, θ_t) = M (θ_t, θ_{t−1}) with the companion matrix
 *
 *   M = [[1 + β − ηλ, −β], [1, 0]],   σ² − (1 + β − ηλ) σ + β = 0.
 *
 * The error shrinks like max(|σ₁|, |σ₂|)^t (times t when the roots coincide);
 * that maximum is the rate. Nesterov's look-ahead (y = θ + β(θ − θ_prev),
 * θ_next = y − η∇f(y)) gives σ² − (1 + β)(1 − ηλ) σ + β(1 − ηλ) = 0.
 * Plain gradient descent is β = 0: σ = 1 − ηλ.
 *
 * A quadratic with several eigenvalues converges at the slowest of them:
 * rate = maxᵢ rate(λᵢ).
 */

/** A complex number re + i·im. */
export interface Complex {
  readonly re: number;
  readonly im: number;
}

/** The two roots of σ² − T σ + D = 0 (T the trace, D the determinant of a 2×2 matrix). */
export function quadraticRoots(trace: number, det: number): [Complex, Complex] {
  const disc = trace * trace - 4 * det;
  if (disc >= 0) {
    const s = Math.sqrt(disc);
    // Avoid cancellation: compute the larger-magnitude root first, the other from the product D.
    const big = trace >= 0 ? (trace + s) / 2 : (trace - s) / 2;
    const small = big === 0 ? 0 : det / big;
    return [
      { re: big, im: 0 },
      { re: small, im: 0 },
    ];
  }
  const im = Math.sqrt(-disc) / 2;
  return [
    { re: trace / 2, im },
    { re: trace / 2, im: -im },
  ];
}

/** |z|. */
export function modulus(z: Complex): number {
  return Math.hypot(z.re, z.im);
}

/** The larger modulus of the two roots of σ² − Tσ + D = 0. */
export function spectralRadius2(trace: number, det: number): number {
  const [a, b] = quadraticRoots(trace, det);
  return Math.max(modulus(a), modulus(b));
}

/** Heavy-ball momentum's 2×2 matrix on one eigen-direction, row-major [m11, m12, m21, m22], acting on (θ_t, θ_{t−1}). */
export function momentumMatrix(lr: number, beta: number, lambda: number): [number, number, number, number] {
  return [1 + beta - lr * lambda, -beta, 1, 0];
}

/** The eigenvalues σ₁, σ₂ of heavy-ball momentum on the eigen-direction λ. */
export function momentumRoots(lr: number, beta: number, lambda: number): [Complex, Complex] {
  return quadraticRoots(1 + beta - lr * lambda, beta);
}

/** max(|σ₁|, |σ₂|) of momentum on one eigen-direction (≥ 1: that direction does not converge). */
export function momentumRateAt(lr: number, beta: number, lambda: number): number {
  return spectralRadius2(1 + beta - lr * lambda, beta);
}

/** The rate of momentum on a quadratic with these eigenvalues: the slowest direction's. */
export function momentumRate(lr: number, beta: number, eigenvalues: ArrayLike<number>): number {
  let r = 0;
  for (let i = 0; i < eigenvalues.length; ++i) r = Math.max(r, momentumRateAt(lr, beta, eigenvalues[i]));
  return r;
}

/** The eigenvalues of Nesterov's method on the eigen-direction λ. */
export function nesterovRoots(lr: number, beta: number, lambda: number): [Complex, Complex] {
  const q = 1 - lr * lambda;
  return quadraticRoots((1 + beta) * q, beta * q);
}

/** max(|σ₁|, |σ₂|) of Nesterov's method on one eigen-direction. */
export function nesterovRateAt(lr: number, beta: number, lambda: number): number {
  const q = 1 - lr * lambda;
  return spectralRadius2((1 + beta) * q, beta * q);
}

/** The rate of Nesterov's method on a quadratic with these eigenvalues. */
export function nesterovRate(lr: number, beta: number, eigenvalues: ArrayLike<number>): number {
  let r = 0;
  for (let i = 0; i < eigenvalues.length; ++i) r = Math.max(r, nesterovRateAt(lr, beta, eigenvalues[i]));
  return r;
}

/** The rate of gradient descent: maxᵢ |1 − ηλᵢ|. */
export function gdRate(lr: number, eigenvalues: ArrayLike<number>): number {
  let r = 0;
  for (let i = 0; i < eigenvalues.length; ++i) r = Math.max(r, Math.abs(1 - lr * eigenvalues[i]));
  return r;
}

/** The largest stable learning rate of momentum on curvature λ: ηλ < 2 + 2β (for 0 ≤ β < 1). */
export function momentumLrLimit(beta: number, lambda: number): number {
  return (2 + 2 * beta) / lambda;
}

/** The largest stable learning rate of Nesterov on curvature λ: ηλ < (2 + 2β)/(1 + 2β). */
export function nesterovLrLimit(beta: number, lambda: number): number {
  return (2 + 2 * beta) / ((1 + 2 * beta) * lambda);
}

/** A method's tuning and the rate it achieves on curvatures in [μ, L]. */
export interface Tuning {
  readonly lr: number;
  readonly beta: number;
  readonly rate: number;
}

function checkCurvatures(owner: string, mu: number, L: number): void {
  if (!(Number.isFinite(mu) && Number.isFinite(L) && mu > 0 && L >= mu)) {
    throw new RangeError(`${owner}: needs 0 < mu ≤ L (finite), got mu = ${mu}, L = ${L}`);
  }
}

/** Gradient descent's best fixed step on curvatures in [μ, L]: η = 2/(μ + L), rate (κ − 1)/(κ + 1). */
export function optimalGd(mu: number, L: number): Tuning {
  checkCurvatures("optimalGd", mu, L);
  const k = L / mu;
  return { lr: 2 / (mu + L), beta: 0, rate: (k - 1) / (k + 1) };
}

/**
 * Polyak's optimal heavy ball on curvatures in [μ, L]:
 * η = (2/(√L + √μ))², β = ((√κ − 1)/(√κ + 1))², rate (√κ − 1)/(√κ + 1), κ = L/μ.
 * Every direction then has complex roots of modulus √β.
 */
export function optimalMomentum(mu: number, L: number): Tuning {
  checkCurvatures("optimalMomentum", mu, L);
  const sk = Math.sqrt(L / mu);
  const r = (sk - 1) / (sk + 1);
  return { lr: (2 / (Math.sqrt(L) + Math.sqrt(mu))) ** 2, beta: r * r, rate: r };
}

/**
 * Nesterov's textbook tuning for μ-strongly convex, L-smooth f: η = 1/L,
 * β = (√κ − 1)/(√κ + 1). On a quadratic the slowest direction (λ = μ) is then
 * critically damped with the double root 1 − 1/√κ, the rate.
 */
export function nesterovStandard(mu: number, L: number): Tuning {
  checkCurvatures("nesterovStandard", mu, L);
  const sk = Math.sqrt(L / mu);
  return { lr: 1 / L, beta: (sk - 1) / (sk + 1), rate: 1 - 1 / sk };
}

/**
 * The best Nesterov tuning on quadratics (Lessard, Recht & Packard, "Analysis
 * and design of optimization algorithms via integral quadratic constraints",
 * SIAM J. Optim. 2016, §3.2): η = 4/(3L + μ), β = (√(3κ+1) − 2)/(√(3κ+1) + 2),
 * rate 1 − 2/√(3κ + 1).
 */
export function optimalNesterov(mu: number, L: number): Tuning {
  checkCurvatures("optimalNesterov", mu, L);
  const s = Math.sqrt((3 * L) / mu + 1);
  return { lr: 4 / (3 * L + mu), beta: (s - 2) / (s + 2), rate: 1 - 2 / s };
}

/** Steps for the error to shrink by `factor` (e.g. 1e-6) at this rate: ln(factor)/ln(rate); ∞ when rate ≥ 1. */
export function stepsToShrink(rate: number, factor: number): number {
  if (!(rate < 1)) return Infinity;
  if (rate <= 0) return 1;
  return Math.log(factor) / Math.log(rate);
}

/**
 * The measured rate of a run: the geometric mean of the per-step shrink of the
 * distance to the minimum between steps `from` and `to`,
 * (‖x_to − x*‖ / ‖x_from − x*‖)^(1/(to − from)). `x` is a trajectory's row-major
 * positions (dim per row). NaN when the distance at `from` is 0.
 */
export function measuredRate(x: ArrayLike<number>, dim: number, minimum: ArrayLike<number>, from: number, to: number): number {
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from < to && (to + 1) * dim <= x.length)) {
    throw new RangeError(`measuredRate: needs integers 0 ≤ from < to ≤ ${Math.floor(x.length / dim) - 1}, got from = ${from}, to = ${to}`);
  }
  const dist = (row: number) => {
    let s = 0;
    for (let j = 0; j < dim; ++j) s += (x[row * dim + j] - minimum[j]) ** 2;
    return Math.sqrt(s);
  };
  const a = dist(from);
  if (a === 0) return NaN;
  return (dist(to) / a) ** (1 / (to - from));
}

/** One cell of a rate map. */
export interface RateCell {
  readonly lr: number;
  readonly beta: number;
  readonly rate: number;
}

/** The rate over a grid of learning rates × momenta, row by row (β outer). */
export function rateGrid(
  rate: (lr: number, beta: number) => number,
  lrs: ArrayLike<number>,
  betas: ArrayLike<number>
): RateCell[] {
  const cells: RateCell[] = [];
  for (let j = 0; j < betas.length; ++j) {
    for (let i = 0; i < lrs.length; ++i) cells.push({ lr: lrs[i], beta: betas[j], rate: rate(lrs[i], betas[j]) });
  }
  return cells;
}

/** `n` evenly spaced values from `a` to `b` inclusive. */
export function linspace(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; ++i) out[i] = n === 1 ? a : a + ((b - a) * i) / (n - 1);
  return out;
}

/**
 * The iterates θ_0 … θ_steps of momentum on the 1-D quadratic ½λθ² from θ_0
 * with zero velocity (PyTorch's convention): the motion along one eigen-direction.
 */
export function momentumScalarPath(lr: number, beta: number, lambda: number, theta0: number, steps: number): Float64Array {
  const out = new Float64Array(steps + 1);
  let theta = theta0;
  let v = 0;
  out[0] = theta;
  for (let t = 1; t <= steps; ++t) {
    v = beta * v + lambda * theta;
    theta -= lr * v;
    out[t] = theta;
  }
  return out;
}
