// Hidden cases for strategies/gradient-noise: more schedules and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; gradient-noise.hidden.test.ts runs them in vitest.
import type { CheckCase } from "../check.js";
import { noisyCase, rejectsCase, stdCase, variant, type Params } from "./gradient-noise.check.js";
import type * as Exercise from "./gradient-noise.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the generators' seeds follow it (the published ones: 1, 11, 12). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "noiseStd: γ = 1 and η = 0.01 over t = 1 … 5", run: (s) => stdCase(s, 0.01, 1, [1, 2, 3, 4, 5]) },
  { name: "noiseStd: η = 0 is no noise", run: (s) => stdCase(s, 0, 0.55, [1, 100]) },
  { name: "gradientNoise: η = 0 returns the gradient unchanged (a copy)", run: (s) => noisyCase(s, 0, 0.55, p.seed - 3, 4, 3) },
  { name: "gradientNoise: one dimension, 50 calls, γ = 1", run: (s) => noisyCase(s, 2, 1, p.seed + 7, 1, 50) },
  { name: "gradientNoise: 64 dimensions, 3 calls", run: (s) => noisyCase(s, 0.3, 0.55, p.seed + 8, 64, 3) },
  { name: "gradientNoise: a negative γ is rejected", run: (s) => rejectsCase(s, 1, -0.5) },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
