/**
 * The Robbins–Monro conditions for a learning-rate schedule η(t), t = 1, 2, …:
 *
 *   Σₜ η(t) = ∞     (the steps add up to an unbounded distance: any minimum is reachable)
 *   Σₜ η(t)² < ∞    (the injected noise, of variance ∝ η², adds up to a finite amount)
 *
 * Here: partial sums of a schedule and its square, and each seed schedule's
 * series in closed form where one exists, so a page can tabulate which
 * schedules meet the conditions and show it with numbers rather than words.
 */
import type { Schedule } from "../types.js";
import { requireFunction, requireInRange, requireInteger } from "../validate.js";

/**
 * The polynomial decay η(t) = η₀ / (1 + d·n)^p, n = t − 1 (p = 1 is the usual
 * time-based decay, p = ½ the 1/√t rate of online convex optimization). It
 * meets the Robbins–Monro conditions exactly when ½ < p ≤ 1.
 */
export function polynomialDecay(lr0: number, d: number, p: number): Schedule {
  requireInRange("polynomialDecay", "lr0", lr0, 0, Infinity);
  requireInRange("polynomialDecay", "d", d, 0, Infinity, { loOpen: true });
  requireInRange("polynomialDecay", "p", p, 0, Infinity);
  return (t) => lr0 / (1 + d * (t - 1)) ** p;
}

export interface PartialSum {
  /** Steps summed: t = 1 … N. */
  N: number;
  /** Σ_{t ≤ N} η(t). */
  sum: number;
  /** Σ_{t ≤ N} η(t)². */
  sumSq: number;
}

/**
 * Σ η(t) and Σ η(t)² for t = 1 … N at each N of `checkpoints` (increasing),
 * by one running sum (Neumaier-compensated, so 10⁶ small terms lose nothing).
 */
export function partialSums(schedule: Schedule, checkpoints: readonly number[]): PartialSum[] {
  requireFunction("partialSums", "schedule", schedule);
  checkpoints.forEach((N, i) => requireInteger("partialSums", `checkpoints[${i}]`, N, i === 0 ? 1 : checkpoints[i - 1], 1e8));
  const out: PartialSum[] = [];
  let s = 0, cs = 0, q = 0, cq = 0;
  let t = 1;
  for (const N of checkpoints) {
    for (; t <= N; ++t) {
      const eta = schedule(t);
      const e2 = eta * eta;
      let u = s + eta;
      cs += Math.abs(s) >= Math.abs(eta) ? s - u + eta : eta - u + s;
      s = u;
      u = q + e2;
      cq += Math.abs(q) >= Math.abs(e2) ? q - u + e2 : e2 - u + q;
      q = u;
    }
    out.push({ N, sum: s + cs, sumSq: q + cq });
  }
  return out;
}

/** Checkpoints 1, 2, 5, 10, 20, 50, … up to `max` (and `max` itself): a log-spaced x axis. */
export function logCheckpoints(max: number): number[] {
  requireInteger("logCheckpoints", "max", max, 1, 1e8);
  const out: number[] = [];
  for (let decade = 1; decade <= max; decade *= 10) {
    for (const m of [1, 2, 5]) if (m * decade <= max) out.push(m * decade);
  }
  if (out[out.length - 1] !== max) out.push(max);
  return out;
}

/** The limit of a series: a finite value, or Infinity with how the partial sums grow. */
export interface SeriesLimit {
  value: number;
  /** How the partial sums behave, in words (e.g. "grows like (η₀/d)·ln N"). */
  growth: string;
}

export interface RobbinsMonroRow {
  name: string;
  /** The schedule as a function of the 1-based step. */
  schedule: Schedule;
  sum: SeriesLimit;
  sumSq: SeriesLimit;
  /** Σ η = ∞. */
  first: boolean;
  /** Σ η² < ∞. */
  second: boolean;
}

/**
 * The Σ η of the seeds' recursive decay η_{n+1} = η_n/(1 + d·n), summed until
 * the terms no longer change the sum (they fall faster than geometrically, so
 * this is the limit to rounding). Also Σ η².
 */
export function recursiveDecaySums(lr0: number, d: number): { sum: number; sumSq: number; terms: number } {
  requireInRange("recursiveDecaySums", "lr0", lr0, 0, Infinity);
  requireInRange("recursiveDecaySums", "d", d, 0, Infinity, { loOpen: true });
  let eta = lr0, sum = 0, sumSq = 0, n = 0;
  // η_0 = lr0; η_{n+1} = η_n/(1 + d n). Stop when a term is below 1e-17 of the sum.
  for (; n < 1e8; ++n) {
    sum += eta;
    sumSq += eta * eta;
    if (eta <= 1e-17 * sum) break;
    eta /= 1 + d * n;
  }
  return { sum, sumSq, terms: n + 1 };
}

/**
 * How far the recursive decay stays above its Gaussian bound. Unrolled,
 * η_n = η₀ / Π_{k<n} (1 + d·k), and since ln(1 + dk) ≤ dk,
 *
 *   η_n ≥ η₀ · e^{−d·n(n−1)/2}:
 *
 * the Gaussian is a lower bound, not an approximation that holds forever.
 * Returns the ratio η_n / (η₀ e^{−d n(n−1)/2}) = exp(d n(n−1)/2 − Σ_{k<n} ln(1 + dk)) ≥ 1,
 * computed in logarithms so that it stays finite where η_n itself underflows.
 * Near 1 while d·n ≪ 1; it grows without bound later (the rate then decays
 * more slowly than the Gaussian).
 */
export function recursiveOverGaussian(d: number, n: number): number {
  requireInRange("recursiveOverGaussian", "d", d, 0, Infinity);
  requireInteger("recursiveOverGaussian", "n", n, 0, 1e8);
  let logProduct = 0;
  for (let k = 0; k < n; ++k) logProduct += Math.log1p(d * k);
  return Math.exp((d * n * (n - 1)) / 2 - logProduct);
}

/**
 * Σ_{n≥0} 1/(1 + d·n)^s for s > 1: the sum of the first `head` terms plus the
 * Euler–Maclaurin tail ∫_{head}^∞ + ½·f(head), accurate to ~1e-10 relative
 * with head = 10⁵.
 */
export function powerSeriesSum(d: number, s: number, head = 100000): number {
  requireInRange("powerSeriesSum", "d", d, 0, Infinity, { loOpen: true });
  requireInRange("powerSeriesSum", "s", s, 1, Infinity, { loOpen: true });
  let sum = 0;
  for (let n = head - 1; n >= 0; --n) sum += (1 + d * n) ** -s; // small terms first
  const a = 1 + d * head;
  return sum + a ** (1 - s) / (d * (s - 1)) + 0.5 * a ** -s;
}

/**
 * The table of the seeds' schedules (and a few more) against the Robbins–Monro
 * conditions, with each series' limit in closed form where it has one.
 * `d` is the decay rate of the time-based, recursive, exponential and
 * polynomial rows; the step decay multiplies by `drop` every `r` steps (the
 * seeds call both d); `p` is the polynomial row's exponent (default 0.5, 1/√t).
 */
export function robbinsMonroTable(options: { lr0: number; d: number; drop: number; r: number; p?: number }): RobbinsMonroRow[] {
  const owner = "robbinsMonroTable";
  const lr0 = requireInRange(owner, "lr0", options.lr0, 0, Infinity, { loOpen: true });
  const d = requireInRange(owner, "d", options.d, 0, Infinity, { loOpen: true });
  const drop = requireInRange(owner, "drop", options.drop, 0, 1, { hiOpen: true });
  const r = requireInteger(owner, "r", options.r, 1);
  const p = requireInRange(owner, "p", options.p ?? 0.5, 0, Infinity, { loOpen: true });
  const inf = (growth: string): SeriesLimit => ({ value: Infinity, growth });
  const fin = (value: number, growth = "converges"): SeriesLimit => ({ value, growth });
  const rec = recursiveDecaySums(lr0, d);
  const rows: Omit<RobbinsMonroRow, "first" | "second">[] = [
    { name: "constant η₀", schedule: () => lr0, sum: inf("grows like η₀·N"), sumSq: inf("grows like η₀²·N") },
    {
      name: "time-based η₀/(1 + dn)",
      schedule: (t) => lr0 / (1 + d * (t - 1)),
      sum: inf("grows like (η₀/d)·ln N"),
      sumSq: fin(lr0 * lr0 * powerSeriesSum(d, 2), "converges (≈ η₀²/d² · ψ′(1/d))"),
    },
    {
      name: "recursive ηₙ₊₁ = ηₙ/(1 + dn)",
      schedule: recursiveSchedule(lr0, d),
      sum: fin(rec.sum, `converges (terms < 10⁻¹⁷ of the sum after ${rec.terms} steps)`),
      sumSq: fin(rec.sumSq),
    },
    {
      name: "step η₀·d^⌊(1+n)/r⌋",
      schedule: (t) => lr0 * drop ** Math.floor(t / r),
      sum: fin(lr0 * (r / (1 - drop) - 1), "= η₀·(r/(1 − d) − 1)"),
      sumSq: fin(lr0 * lr0 * (r / (1 - drop * drop) - 1), "= η₀²·(r/(1 − d²) − 1)"),
    },
    {
      name: "exponential η₀·e^(−dn)",
      schedule: (t) => lr0 * Math.exp(-d * (t - 1)),
      sum: fin(lr0 / (1 - Math.exp(-d)), "= η₀/(1 − e^(−d))"),
      sumSq: fin((lr0 * lr0) / (1 - Math.exp(-2 * d)), "= η₀²/(1 − e^(−2d))"),
    },
    {
      name: `polynomial η₀/(1 + dn)^${p}`,
      schedule: (t) => lr0 / (1 + d * (t - 1)) ** p,
      sum: p <= 1 ? inf(p === 1 ? "grows like (η₀/d)·ln N" : `grows like N^${round(1 - p)}`) : fin(lr0 * powerSeriesSum(d, p)),
      sumSq:
        2 * p <= 1
          ? inf(2 * p === 1 ? "grows like (η₀²/d)·ln N" : `grows like N^${round(1 - 2 * p)}`)
          : fin(lr0 * lr0 * powerSeriesSum(d, 2 * p)),
    },
  ];
  return rows.map((row) => ({ ...row, first: row.sum.value === Infinity, second: Number.isFinite(row.sumSq.value) }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The recursive decay as a schedule of t (η(t) = η_{t−1}), self-contained. */
function recursiveSchedule(lr0: number, d: number): Schedule {
  const cache = [lr0];
  return (t) => {
    const n = t - 1;
    while (cache.length <= n) {
      const k = cache.length;
      const next = cache[k - 1] / (1 + d * (k - 1));
      if (next === 0) return 0; // underflowed: zero from here on
      cache.push(next);
    }
    return cache[n];
  };
}

/**
 * Gradient descent with rates η(t) on a direction of curvature λ moves the
 * error by the factor Π_t (1 − η(t)λ). When Σ η < ∞ this product converges to
 * a nonzero number: the iterate freezes at that fraction of its starting
 * distance, even without noise. Returns Π_{t ≤ steps} (1 − η(t)λ).
 */
export function remainingFraction(schedule: Schedule, lambda: number, steps: number): number {
  requireFunction("remainingFraction", "schedule", schedule);
  requireInteger("remainingFraction", "steps", steps, 0, 1e8);
  let prod = 1;
  for (let t = 1; t <= steps; ++t) prod *= 1 - schedule(t) * lambda;
  return prod;
}
