// Hidden cases for parallel/hogwild-step: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; hogwild-step.hidden.test.ts runs them in vitest.
import type { CheckCase } from "../check.js";
import { gradientCase, interleavedCase, readCase, writeCase, variant, type Params } from "./hogwild-step.check.js";
import type * as Exercise from "./hogwild-step.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the problems' seeds follow it (the published ones: 11 … 15). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "readCoordinates: a single coordinate (k = 1)", run: (s) => readCase(s, p.seed + 10, 6, 1, 3) },
  { name: "sparseGradient: a dense example (k = d)", run: (s) => gradientCase(s, p.seed + 11, 5, 5, 7) },
  { name: "writeUpdate: a tiny step", run: (s) => writeCase(s, p.seed + 12, 20, 4, 9, 1e-3) },
  { name: "two workers on the same example (the fullest overlap)", run: (s) => interleavedCase(s, p.seed + 13, 3, 3, 2, 2, 0.7) },
  { name: "two workers on a larger sparse problem", run: (s) => interleavedCase(s, p.seed + 14, 30, 5, 3, 8, 1.5) },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
