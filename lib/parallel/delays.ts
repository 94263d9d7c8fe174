/**
 * How long a worker takes to compute one gradient, in units of the mean time
 * (every distribution here has mean 1): the source of staleness in the
 * parallel-SGD simulations.
 */
import type { Random } from "../random.js";

export type DelayDistribution =
  /** Every gradient takes exactly 1. */
  | { kind: "constant" }
  /** Uniform in [1 − spread, 1 + spread], spread in [0, 1]. */
  | { kind: "uniform"; spread: number }
  /** Exponential with mean 1 (memoryless: a busy machine). */
  | { kind: "exponential" }
  /**
   * Mostly fast, sometimes a straggler: `factor` times slower with probability p (rescaled to mean 1).
   * `spread` (default 0, in [0, 1)) multiplies each duration by a uniform factor in [1 − spread, 1 + spread],
   * so that durations differ (no two workers finish at the same instant); the mean stays 1.
   */
  | { kind: "straggler"; p: number; factor: number; spread?: number };

/** One duration drawn from `dist` (mean 1). */
export function sampleDuration(dist: DelayDistribution, rng: Random): number {
  switch (dist.kind) {
    case "constant":
      return 1;
    case "uniform":
      return 1 + dist.spread * (2 * rng.uniform() - 1);
    case "exponential":
      return -Math.log(1 - rng.uniform());
    case "straggler": {
      const mean = 1 - dist.p + dist.p * dist.factor;
      const base = (rng.uniform() < dist.p ? dist.factor : 1) / mean;
      // spread 0 draws nothing more, so runs without it keep their random stream
      return dist.spread ? base * (1 + dist.spread * (2 * rng.uniform() - 1)) : base;
    }
  }
}
