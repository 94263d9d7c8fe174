/**
 * The sparse least-squares problem of the parallel-SGD simulations: n examples
 * over d parameters, each touching exactly k of them (k = d: dense).
 *
 * $$L(x) = \frac1n\sum_{i=1}^n \tfrac12\,(a_i^\top x - b_i)^2,\qquad
 *   \nabla \ell_i(x) = (a_i^\top x - b_i)\, a_i$$
 *
 * Row i has k distinct coordinates drawn uniformly, Gaussian values scaled to
 * ‖a_i‖ = 1 (so one example's step is stable for η < 2), and b_i = a_i·x* + noise·N(0, 1) with x* ~ N(0, I). With
 * noise 0 the minimum is L = 0 at x* (interpolation), and SGD with a constant
 * step converges linearly: a clean setting in which to see what staleness costs.
 */
import { random } from "../random.js";
import { rejectUnknownKeys, requireInRange, requireInteger } from "../validate.js";

export interface SparseProblem {
  readonly n: number;
  readonly d: number;
  /** Nonzeros per example. */
  readonly k: number;
  /** n·k coordinates, row-major: example i touches cols[i·k .. i·k + k). */
  readonly cols: Int32Array;
  readonly vals: Float64Array;
  readonly b: Float64Array;
  readonly xStar: Float64Array;
}

export interface SparseProblemOptions {
  n?: number;
  d?: number;
  k?: number;
  noise?: number;
  seed?: number;
}

export function sparseLeastSquares(options: SparseProblemOptions = {}): SparseProblem {
  rejectUnknownKeys("sparseLeastSquares", options, ["n", "d", "k", "noise", "seed"]);
  const n = requireInteger("sparseLeastSquares", "n", options.n ?? 2000, 1);
  const d = requireInteger("sparseLeastSquares", "d", options.d ?? 400, 1);
  const k = requireInteger("sparseLeastSquares", "k", options.k ?? 5, 1, d);
  const noise = requireInRange("sparseLeastSquares", "noise", options.noise ?? 0, 0, Infinity);
  const rng = random(options.seed ?? 0);
  const xStar = Float64Array.from({ length: d }, () => rng.normal());
  const cols = new Int32Array(n * k);
  const vals = new Float64Array(n * k);
  const b = new Float64Array(n);
  const pool = Int32Array.from({ length: d }, (_, j) => j);
  for (let i = 0; i < n; ++i) {
    // k distinct coordinates: a partial Fisher–Yates shuffle of the pool
    for (let m = 0; m < k; ++m) {
      const r = m + Math.floor(rng.uniform() * (d - m));
      const t = pool[m];
      pool[m] = pool[r];
      pool[r] = t;
      cols[i * k + m] = pool[m];
    }
    let norm = 0;
    for (let m = 0; m < k; ++m) {
      const v = rng.normal();
      vals[i * k + m] = v;
      norm += v * v;
    }
    let dot = 0;
    for (let m = 0; m < k; ++m) {
      vals[i * k + m] /= Math.sqrt(norm);
      dot += vals[i * k + m] * xStar[cols[i * k + m]];
    }
    b[i] = dot + noise * rng.normal();
  }
  return { n, d, k, cols, vals, b, xStar };
}

/** The mean loss L(x) over all examples. */
export function problemLoss(p: SparseProblem, x: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < p.n; ++i) {
    let r = -p.b[i];
    for (let m = i * p.k; m < (i + 1) * p.k; ++m) r += p.vals[m] * x[p.cols[m]];
    sum += 0.5 * r * r;
  }
  return sum / p.n;
}

/**
 * The residual a_i·x − b_i of example i, reading x's coordinates from `read`
 * (length k, in the order of the example's columns) when given, else from x.
 * The gradient is residual × a_i, on the example's k coordinates.
 */
export function residual(p: SparseProblem, i: number, x: Float64Array, read?: Float64Array): number {
  let r = -p.b[i];
  const o = i * p.k;
  if (read) for (let m = 0; m < p.k; ++m) r += p.vals[o + m] * read[m];
  else for (let m = 0; m < p.k; ++m) r += p.vals[o + m] * x[p.cols[o + m]];
  return r;
}

/**
 * Niu et al.'s sparsity statistics of the problem's "hypergraph" (examples are
 * edges over the coordinates): Ω, the largest edge (= k); Δ, the largest
 * fraction of examples touching one coordinate; ρ, the largest fraction of
 * examples that share a coordinate with a given example. Hogwild!'s speedup is
 * near-linear when Ω·ρ and Ω·Δ^{1/2} are small.
 */
export function conflictStatistics(p: SparseProblem): { omega: number; delta: number; rho: number } {
  const byCol: number[][] = Array.from({ length: p.d }, () => []);
  for (let i = 0; i < p.n; ++i) for (let m = i * p.k; m < (i + 1) * p.k; ++m) byCol[p.cols[m]].push(i);
  let maxDeg = 0;
  for (const list of byCol) maxDeg = Math.max(maxDeg, list.length);
  const mark = new Int32Array(p.n).fill(-1);
  let maxOverlap = 0;
  for (let i = 0; i < p.n; ++i) {
    let count = 0;
    for (let m = i * p.k; m < (i + 1) * p.k; ++m) {
      for (const e of byCol[p.cols[m]]) {
        if (mark[e] !== i) {
          mark[e] = i;
          count++;
        }
      }
    }
    maxOverlap = Math.max(maxOverlap, count);
  }
  return { omega: p.k, delta: maxDeg / p.n, rho: maxOverlap / p.n };
}

/**
 * The least-squares minimizer x̂ of L and its loss L(x̂): the floor no
 * algorithm can go below when `noise` > 0 (with noise 0 it is x*, loss 0).
 * Conjugate gradients on the normal equations (AᵀA) x = Aᵀb, from x = 0,
 * until ‖Aᵀ(Ax − b)‖ ≤ tol·‖Aᵀb‖ or `maxIter` iterations.
 */
export function leastSquaresMinimum(p: SparseProblem, { tol = 1e-12, maxIter = 10 * p.d }: { tol?: number; maxIter?: number } = {}): { x: Float64Array; loss: number; iterations: number } {
  const { n, d, k, cols, vals, b } = p;
  /** out = Aᵀ(A v) */
  const normal = (v: Float64Array, out: Float64Array) => {
    out.fill(0);
    for (let i = 0; i < n; ++i) {
      let dot = 0;
      for (let q = i * k; q < (i + 1) * k; ++q) dot += vals[q] * v[cols[q]];
      for (let q = i * k; q < (i + 1) * k; ++q) out[cols[q]] += vals[q] * dot;
    }
  };
  const x = new Float64Array(d);
  const r = new Float64Array(d); // Aᵀb − AᵀA x
  for (let i = 0; i < n; ++i) for (let q = i * k; q < (i + 1) * k; ++q) r[cols[q]] += vals[q] * b[i];
  const dir = r.slice();
  const Ad = new Float64Array(d);
  let rr = 0;
  for (let j = 0; j < d; ++j) rr += r[j] * r[j];
  const stop = tol * tol * rr;
  let iterations = 0;
  while (rr > stop && iterations < maxIter) {
    normal(dir, Ad);
    let dAd = 0;
    for (let j = 0; j < d; ++j) dAd += dir[j] * Ad[j];
    if (!(dAd > 0)) break; // a direction in the null space of A: nothing left to fit
    const step = rr / dAd;
    let next = 0;
    for (let j = 0; j < d; ++j) {
      x[j] += step * dir[j];
      r[j] -= step * Ad[j];
      next += r[j] * r[j];
    }
    for (let j = 0; j < d; ++j) dir[j] = r[j] + (next / rr) * dir[j];
    rr = next;
    iterations++;
  }
  return { x, loss: problemLoss(p, x), iterations };
}
