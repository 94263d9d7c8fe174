// Hidden cases for ewa/bias-corrected: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; bias-corrected.hidden.test.ts runs them in vitest.
import { random, randomVector, type CheckCase } from "../check.js";
import { averageCase, variant, type Params } from "./bias-corrected.check.js";
import type * as Exercise from "./bias-corrected.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the long random series' seed follows it (the published one: 131). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "β = 0 is the series itself", run: (s) => averageCase(s, [3, -1, 4, 1, -5], 0, "a short series") },
  { name: "β = 0.999 over 2000 values", run: (s) => averageCase(s, Array.from(randomVector(random(p.seed + 100), 2000)), 0.999, "2000 normal values") },
  { name: "an empty series gives an empty result", run: (s) => averageCase(s, [], 0.9, "the empty series") },
  { name: "a single value is returned as it is", run: (s) => averageCase(s, [7.5], 0.95, "the one-value series 7.5") },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
