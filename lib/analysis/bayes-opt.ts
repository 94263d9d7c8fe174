/**
 * Bayesian optimization in one dimension: a Gaussian process (GP) fitted to the
 * trials so far, and expected improvement (EI) to choose the next trial.
 *
 * GP with the squared-exponential kernel k(a, b) = s²·exp(−(a − b)²/(2ℓ²)) and
 * observation noise σₙ². For trials X, y and a query x*, with K = k(X, X) + σₙ²I
 * and k* = k(X, x*) (Rasmussen & Williams, Gaussian Processes for ML, eq. 2.25–2.26):
 *
 *   mean(x*) = k*ᵀ K⁻¹ y,   var(x*) = k(x*, x*) − k*ᵀ K⁻¹ k*.
 *
 * Expected improvement below the best value so far, y_best (minimization;
 * Jones, Schonlau & Welch 1998), with z = (y_best − mean)/sd:
 *
 *   EI(x*) = (y_best − mean)·Φ(z) + sd·φ(z),   and max(y_best − mean, 0) when sd = 0.
 *
 * `bayesOpt` standardizes y before fitting (zero mean, unit variance), so s = 1
 * is a sensible signal scale, and picks each next trial as the candidate with
 * the largest EI.
 */
import { random } from "../random.js";

export interface GpOptions {
  /** The kernel's length scale ℓ (> 0), in the units of x. */
  lengthScale: number;
  /** The kernel's signal variance s² (> 0). Default 1. */
  signalVar?: number;
  /** The observation noise variance σₙ² (≥ 0). Default 1e-6 (a jitter that keeps K well conditioned). */
  noiseVar?: number;
}

export interface GpPosterior {
  mean: Float64Array;
  sd: Float64Array;
}

function kernel(a: number, b: number, l: number, s2: number): number {
  return s2 * Math.exp(-((a - b) ** 2) / (2 * l * l));
}

/** Lower-triangular Cholesky factor of a symmetric positive definite n × n matrix (row-major). */
function cholesky(A: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; ++i) {
    for (let j = 0; j <= i; ++j) {
      let s = A[i * n + j];
      for (let k = 0; k < j; ++k) s -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(s > 0)) throw new RangeError(`gpPosterior: the kernel matrix is not positive definite (pivot ${s} at ${i}); raise noiseVar`);
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j];
    }
  }
  return L;
}

/** Solves L z = b (forward substitution). */
function forward(L: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const z = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    let s = b[i];
    for (let k = 0; k < i; ++k) s -= L[i * n + k] * z[k];
    z[i] = s / L[i * n + i];
  }
  return z;
}

/** The GP posterior mean and standard deviation at each query point. */
export function gpPosterior(xs: ArrayLike<number>, ys: ArrayLike<number>, query: ArrayLike<number>, options: GpOptions): GpPosterior {
  const n = xs.length;
  if (ys.length !== n) throw new RangeError(`gpPosterior: xs and ys must have the same length, got ${n} and ${ys.length}`);
  const l = options.lengthScale, s2 = options.signalVar ?? 1, noise = options.noiseVar ?? 1e-6;
  if (!(l > 0) || !Number.isFinite(l)) throw new RangeError(`gpPosterior: lengthScale must be a finite number > 0, got ${l}`);
  if (!(s2 > 0) || !Number.isFinite(s2)) throw new RangeError(`gpPosterior: signalVar must be a finite number > 0, got ${s2}`);
  if (!(noise >= 0) || !Number.isFinite(noise)) throw new RangeError(`gpPosterior: noiseVar must be a finite number ≥ 0, got ${noise}`);
  const m = query.length;
  const mean = new Float64Array(m), sd = new Float64Array(m);
  if (n === 0) {
    sd.fill(Math.sqrt(s2));
    return { mean, sd };
  }
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; ++i) for (let j = 0; j < n; ++j) K[i * n + j] = kernel(xs[i], xs[j], l, s2) + (i === j ? noise : 0);
  const L = cholesky(K, n);
  // α = K⁻¹y through L Lᵀ α = y.
  const z = forward(L, n, ys);
  const alpha = new Float64Array(n);
  for (let i = n - 1; i >= 0; --i) {
    let s = z[i];
    for (let k = i + 1; k < n; ++k) s -= L[k * n + i] * alpha[k];
    alpha[i] = s / L[i * n + i];
  }
  const kStar = new Float64Array(n);
  for (let q = 0; q < m; ++q) {
    for (let i = 0; i < n; ++i) kStar[i] = kernel(xs[i], query[q], l, s2);
    let mu = 0;
    for (let i = 0; i < n; ++i) mu += kStar[i] * alpha[i];
    const v = forward(L, n, kStar);
    let vv = 0;
    for (let i = 0; i < n; ++i) vv += v[i] * v[i];
    mean[q] = mu;
    sd[q] = Math.sqrt(Math.max(0, s2 - vv));
  }
  return { mean, sd };
}

/** The standard normal density φ. */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** The standard normal distribution function Φ, from Numerical Recipes' erfc approximation (relative error < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Expected improvement below `best` for a normal prediction (mean, sd). */
export function expectedImprovement(mean: number, sd: number, best: number): number {
  const gain = best - mean;
  if (!(sd > 0)) return Math.max(gain, 0);
  const z = gain / sd;
  return gain * normalCdf(z) + sd * normalPdf(z);
}

export interface BayesRound {
  /** The trials so far (before this round's pick). */
  xs: number[];
  ys: number[];
  /** The posterior over the candidates, in the units of y. */
  mean: Float64Array;
  sd: Float64Array;
  /** EI over the candidates, in the units of y. */
  ei: Float64Array;
  /** The candidate chosen next. */
  next: number;
}

export interface BayesOptOptions extends GpOptions {
  /** Trials in all (initial included). */
  budget: number;
  /** Random first trials before the GP takes over. Default 2. */
  initial?: number;
  /** Seed of the initial trials. */
  seed: number;
}

/**
 * Minimizes f over the candidate points by Bayesian optimization: `initial`
 * seeded random candidates, then at each round the candidate with the largest
 * EI under the GP fitted to the standardized scores. Returns the trials, the
 * best-so-far after each, and every round's posterior (for drawing).
 */
export function bayesOpt(f: (x: number) => number, candidates: ArrayLike<number>, options: BayesOptOptions): { xs: number[]; ys: number[]; bestSoFar: number[]; rounds: BayesRound[] } {
  const { budget, initial = 2, seed } = options;
  if (!Number.isInteger(budget) || budget < 1) throw new RangeError(`bayesOpt: budget must be an integer ≥ 1, got ${budget}`);
  if (!Number.isInteger(initial) || initial < 1 || initial > budget) throw new RangeError(`bayesOpt: initial must be an integer in [1, budget], got ${initial}`);
  const rng = random(seed);
  const xs: number[] = [], ys: number[] = [], rounds: BayesRound[] = [];
  for (let i = 0; i < initial; ++i) {
    const x = candidates[rng.int(candidates.length)];
    xs.push(x);
    ys.push(f(x));
  }
  while (xs.length < budget) {
    const mu = ys.reduce((a, b) => a + b, 0) / ys.length;
    const sdY = Math.sqrt(ys.reduce((a, b) => a + (b - mu) ** 2, 0) / ys.length) || 1;
    const post = gpPosterior(xs, ys.map((y) => (y - mu) / sdY), candidates, options);
    const best = (Math.min(...ys) - mu) / sdY;
    const ei = new Float64Array(candidates.length);
    let pick = 0;
    for (let q = 0; q < candidates.length; ++q) {
      ei[q] = expectedImprovement(post.mean[q], post.sd[q], best) * sdY;
      if (ei[q] > ei[pick]) pick = q;
    }
    const mean = post.mean.map((v) => mu + sdY * v), sd = post.sd.map((v) => sdY * v);
    rounds.push({ xs: xs.slice(), ys: ys.slice(), mean, sd, ei, next: candidates[pick] });
    xs.push(candidates[pick]);
    ys.push(f(candidates[pick]));
  }
  let b = Infinity;
  return { xs, ys, bestSoFar: ys.map((y) => (b = Math.min(b, y))), rounds };
}

/** Random search over the same candidates at the same budget: best-so-far after each trial. */
export function randomSearch1d(f: (x: number) => number, candidates: ArrayLike<number>, budget: number, seed: number): number[] {
  const rng = random(seed);
  let b = Infinity;
  return Array.from({ length: budget }, () => (b = Math.min(b, f(candidates[rng.int(candidates.length)]))));
}

/**
 * A 1-D objective over log₁₀ η from a stored search landscape's first row (the
 * smallest penalty): linear interpolation between grid points, with diverged
 * (negative or non-finite) scores and scores above `cap` replaced by `cap`, so
 * the GP sees a bounded function.
 */
export function landscapeSlice(landscape: { etaLogs: ArrayLike<number>; scores: ArrayLike<number> }, cap: number): (logEta: number) => number {
  const xs = landscape.etaLogs, nx = xs.length;
  const y = Array.from({ length: nx }, (_, i) => {
    const s = landscape.scores[i];
    return Number.isFinite(s) && s >= 0 ? Math.min(s, cap) : cap;
  });
  return (x: number) => {
    const t = ((x - xs[0]) / (xs[nx - 1] - xs[0])) * (nx - 1);
    const i = Math.max(0, Math.min(nx - 2, Math.floor(t)));
    const u = Math.max(0, Math.min(1, t - i));
    return (1 - u) * y[i] + u * y[i + 1];
  };
}

/** Quartiles (25 %, median, 75 %) of the best-so-far gap above `best`, trial by trial, over seeds 0 … seeds−1, for BO and for random search (seeds offset by 1000). */
export function compareBayesRandom(f: (x: number) => number, candidates: ArrayLike<number>, options: GpOptions & { budget: number; seeds: number; initial?: number }): Array<{ trial: number; method: string; q1: number; median: number; q3: number }> {
  const best = Math.min(...Array.from(candidates, f));
  const bo = Array.from({ length: options.seeds }, (_, s) => bayesOpt(f, candidates, { ...options, seed: s }).bestSoFar);
  const rs = Array.from({ length: options.seeds }, (_, s) => randomSearch1d(f, candidates, options.budget, 1000 + s));
  const q = (a: number[], p: number) => {
    const b = [...a].sort((x, y) => x - y), h = (b.length - 1) * p, i = Math.floor(h);
    return i + 1 < b.length ? b[i] + (h - i) * (b[i + 1] - b[i]) : b[i];
  };
  const rows: Array<{ trial: number; method: string; q1: number; median: number; q3: number }> = [];
  for (const [method, runs] of [["Bayesian optimization", bo], ["random search", rs]] as const) {
    for (let k = 0; k < options.budget; ++k) {
      const gaps = runs.map((r) => r[k] - best);
      rows.push({ trial: k + 1, method, q1: q(gaps, 0.25), median: q(gaps, 0.5), q3: q(gaps, 0.75) });
    }
  }
  return rows;
}
