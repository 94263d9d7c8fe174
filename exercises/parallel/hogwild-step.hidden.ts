// Hidden cases for parallel/hogwild-step: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; hogwild-step.hidden.test.ts runs them in vitest.
import type { CheckCase } from "../check.js";
import { gradientCase, interleavedCase, readCase, writeCase } from "./hogwild-step.check.js";
import type * as Exercise from "./hogwild-step.js";

type Submission = typeof Exercise;

export const cases: CheckCase<Submission>[] = [
  { name: "readCoordinates: a single coordinate (k = 1)", run: (s) => readCase(s, 11, 6, 1, 3) },
  { name: "sparseGradient: a dense example (k = d)", run: (s) => gradientCase(s, 12, 5, 5, 7) },
  { name: "writeUpdate: a tiny step", run: (s) => writeCase(s, 13, 20, 4, 9, 1e-3) },
  { name: "two workers on the same example (the fullest overlap)", run: (s) => interleavedCase(s, 14, 3, 3, 2, 2, 0.7) },
  { name: "two workers on a larger sparse problem", run: (s) => interleavedCase(s, 15, 30, 5, 3, 8, 1.5) },
];
