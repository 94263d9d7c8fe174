// Hidden cases for strategies/batchnorm-forward: more layers and settings, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; batchnorm-forward.hidden.test.ts runs them in vitest.
import type { CheckCase } from "../check.js";
import { layerCase, variant, type Params } from "./batchnorm-forward.check.js";
import type * as Exercise from "./batchnorm-forward.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the problems' seeds follow it (the published ones: 11 … 15). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "ten batches of 2 (the smallest training batch), 1 unit", run: (s) => layerCase(s, p.seed + 10, 1, Array(10).fill(2)) },
  { name: "batches of different sizes (3, 16, 7), 5 units", run: (s) => layerCase(s, p.seed + 11, 5, [3, 16, 7]) },
  { name: "momentum 0.5 and ε = 10⁻³", run: (s) => layerCase(s, p.seed + 12, 3, [6, 6], 0.5, 1e-3) },
  { name: "momentum 1 (the running averages are the last batch's)", run: (s) => layerCase(s, p.seed + 13, 2, [5, 4], 1) },
  { name: "32 units, one batch of 32", run: (s) => layerCase(s, p.seed + 14, 32, [32]) },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
