/**
 * Learning-rate schedules: plain functions `(t) => lr` of the 1-based step t,
 * validated once at construction (as optax's `count → lr`). Any optimizer
 * accepts one as its `lr`; `minimize(..., { schedule })` swaps one in.
 *
 * Indexing. The seeds write decays in terms of the iteration n = 0, 1, 2, …
 * with η₀ the initial rate. Here the step t = 1, 2, 3, … maps to n = t − 1, so
 * every schedule starts at its initial rate: s(1) = η₀ (except `linearWarmup`,
 * which starts at η₀/warmupSteps).
 *
 * The seeds' decays (lecture notes, "Types of learning rate schedules for Decay"):
 * - time-based, recursive:  η_{n+1} = η_n / (1 + d·n)         → `timeDecayRecursive`
 * - time-based, usual form: η_n = η₀ / (1 + d·n)              → `timeDecay`
 * - step-based:             η_n = η₀ · d^⌊(1 + n)/r⌋          → `stepDecay`
 * - exponential:            η_n = η₀ · e^(−d·n)               → `exponentialDecay`
 */
import type { Schedule } from "./types.js";
import { requireFunction, requireInRange, requireInteger } from "./validate.js";

const nonNegative = (owner: string, name: string, v: unknown) => requireInRange(owner, name, v, 0, Infinity);

/** η(t) = lr for every t. */
export function constant(lr: number): Schedule {
  nonNegative("constant", "lr", lr);
  return () => lr;
}

/**
 * The usual time-based decay η(t) = η₀ / (1 + d·n), n = t − 1 (Keras's legacy
 * `decay`, torch's Adagrad `lr_decay`): it decays like 1/t, so Σ η = ∞ and
 * Σ η² < ∞ — the Robbins–Monro conditions hold.
 *
 * Example, η₀ = 1, d = 0.5: 1, 1/1.5, 1/2, 1/2.5, … for t = 1, 2, 3, 4.
 */
export function timeDecay(lr0: number, d: number): Schedule {
  nonNegative("timeDecay", "lr0", lr0);
  nonNegative("timeDecay", "d", d);
  return (t) => lr0 / (1 + d * (t - 1));
}

/**
 * The seeds' recursive time-based decay η_{n+1} = η_n / (1 + d·n), η_0 = η₀,
 * read literally: η_n = η₀ / Π_{k=0}^{n−1} (1 + d·k) = η₀ / Π_{k=1}^{n−1} (1 + d·k),
 * and η(t) = η_{t−1}. The k = 0 factor is 1, so η(1) = η(2) = η₀.
 *
 * Unlike the usual form it is not ~1/t: the product grows like
 * d^n·Γ(n + 1/d)/Γ(1 + 1/d), faster than any power of n, so the rate decays
 * super-polynomially (factorially), Σ η < ∞ and the Robbins–Monro condition
 * Σ η = ∞ fails: the iterates stop moving after a few dozen steps for d ≈ 0.1.
 * Values are computed by the recursion itself (one division per step, exact to
 * rounding) and cached, so a call costs O(1) after the first call at a given t.
 * Defined at integer t ≥ 1 (NaN elsewhere).
 *
 * Example, η₀ = 1, d = 0.5: 1, 1, 1/1.5, 1/(1.5·2), 1/(1.5·2·2.5), … for t = 1, 2, 3, 4, 5.
 */
export function timeDecayRecursive(lr0: number, d: number): Schedule {
  nonNegative("timeDecayRecursive", "lr0", lr0);
  nonNegative("timeDecayRecursive", "d", d);
  if (d === 0) return (t) => (Number.isInteger(t) && t >= 1 ? lr0 : NaN);
  let cache = new Float64Array(64);
  cache[0] = lr0; // cache[n] = η_n
  let filled = 1;
  return (t) => {
    const n = t - 1;
    if (!Number.isInteger(n) || n < 0) return NaN;
    if (n < filled) return cache[n];
    if (cache[filled - 1] === 0) return 0; // underflowed: stays 0, the cache stops growing
    for (let k = filled; k <= n; ++k) {
      if (k === cache.length) {
        const bigger = new Float64Array(2 * cache.length);
        bigger.set(cache);
        cache = bigger;
      }
      cache[k] = cache[k - 1] / (1 + d * (k - 1));
      if (cache[k] === 0) {
        filled = k + 1;
        return 0;
      }
    }
    filled = n + 1;
    return cache[n];
  };
}

/**
 * The seeds' step decay η(t) = η₀ · d^⌊(1 + n)/r⌋, n = t − 1, i.e. η₀ · d^⌊t/r⌋:
 * the rate is multiplied by d at steps r, 2r, 3r, … (so the first plateau lasts
 * r − 1 steps, later ones r). d ∈ [0, 1] (0.5 halves it), r > 0.
 *
 * Example, η₀ = 1, d = 0.5, r = 2: 1, 0.5, 0.5, 0.25, 0.25 for t = 1…5.
 */
export function stepDecay(lr0: number, d: number, r: number): Schedule {
  nonNegative("stepDecay", "lr0", lr0);
  requireInRange("stepDecay", "d", d, 0, 1);
  requireInRange("stepDecay", "r", r, 0, Infinity, { loOpen: true });
  return (t) => lr0 * d ** Math.floor(t / r);
}

/**
 * The seeds' exponential decay η(t) = η₀ · e^(−d·n), n = t − 1: multiplied by
 * e^(−d) every step. Σ η < ∞ for d > 0, so it too stops the iterates eventually.
 */
export function exponentialDecay(lr0: number, d: number): Schedule {
  nonNegative("exponentialDecay", "lr0", lr0);
  nonNegative("exponentialDecay", "d", d);
  return (t) => lr0 * Math.exp(-d * (t - 1));
}

/**
 * Cosine annealing (Loshchilov & Hutter, SGDR, 2017; torch's CosineAnnealingLR
 * without restarts): η(t) = lrMin + (η₀ − lrMin)·(1 + cos(π·n/T))/2, n = t − 1,
 * and lrMin for n ≥ T. So η(1) = η₀ and η(T + 1) = lrMin.
 */
export function cosine(lr0: number, T: number, lrMin = 0): Schedule {
  nonNegative("cosine", "lr0", lr0);
  requireInteger("cosine", "T", T, 1);
  requireInRange("cosine", "lrMin", lrMin, 0, lr0);
  return (t) => {
    const n = t - 1;
    return n >= T ? lrMin : lrMin + ((lr0 - lrMin) * (1 + Math.cos((Math.PI * n) / T))) / 2;
  };
}

/**
 * Linear warmup η(t) = η₀ · min(1, t / warmupSteps): η₀/W at t = 1, η₀ from
 * t = W on. Follow it with a decay with `sequence`.
 */
export function linearWarmup(lr0: number, warmupSteps: number): Schedule {
  nonNegative("linearWarmup", "lr0", lr0);
  requireInteger("linearWarmup", "warmupSteps", warmupSteps, 1);
  return (t) => (t >= warmupSteps ? lr0 : (lr0 * t) / warmupSteps);
}

/**
 * Chains schedules (optax's `join_schedules`): `schedules[0]` runs for steps
 * 1 … boundaries[0], then `schedules[1]` restarts its own count at 1 for steps
 * boundaries[0] + 1 … boundaries[1], and so on; the last runs forever. So
 * `sequence([linearWarmup(0.1, 5), cosine(0.1, 100)], [5])` warms up for 5 steps
 * and then anneals: step 6 is cosine's step 1.
 */
export function sequence(schedules: readonly Schedule[], boundaries: readonly number[]): Schedule {
  const owner = "sequence";
  if (!Array.isArray(schedules) || schedules.length === 0) {
    throw new TypeError(`${owner}: schedules must be a non-empty array of schedules (t) => lr`);
  }
  schedules.forEach((s, i) => requireFunction(owner, `schedules[${i}]`, s));
  if (!Array.isArray(boundaries) || boundaries.length !== schedules.length - 1) {
    throw new RangeError(`${owner}: boundaries must have schedules.length − 1 = ${schedules.length - 1} entries, got ${Array.isArray(boundaries) ? boundaries.length : typeof boundaries}`);
  }
  boundaries.forEach((b, i) => requireInteger(owner, `boundaries[${i}]`, b, i === 0 ? 1 : boundaries[i - 1] + 1));
  const parts = [...schedules];
  const starts = [0, ...boundaries];
  return (t) => {
    let i = parts.length - 1;
    while (i > 0 && t <= starts[i]) --i;
    return parts[i](t - starts[i]);
  };
}

/** The values s(1), s(2), …, s(steps) of a schedule, for plotting. */
export function schedulePoints(schedule: Schedule, steps: number): Float64Array {
  requireFunction("schedulePoints", "schedule", schedule);
  requireInteger("schedulePoints", "steps", steps, 0, 1e7);
  const out = new Float64Array(steps);
  for (let t = 1; t <= steps; ++t) out[t - 1] = schedule(t);
  return out;
}
