// Hidden cases for learning-rate/max-stable-lr: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; max-stable-lr.hidden.test.ts runs them in vitest.
import { random, randomSpd, type CheckCase } from "../check.js";
import { lrCase, rateCase, variant, type Params } from "./max-stable-lr.check.js";
import type * as Exercise from "./max-stable-lr.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the random Hessians' seeds follow it (the published ones: 121, 122, 123). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "one dimension: H = [[4]]", run: (s) => lrCase(s, [[4]], "H = [[4]]") },
  { name: "a repeated largest eigenvalue", run: (s) => lrCase(s, randomSpd(random(p.seed + 100), [1, 5, 5]), "a 3-D Hessian with eigenvalues 1, 5, 5") },
  { name: "a nearly repeated largest eigenvalue (slow power iteration)", run: (s) => lrCase(s, randomSpd(random(p.seed + 101), [0.1, 2.97, 3]), "a 3-D Hessian with eigenvalues 0.1, 2.97, 3") },
  { name: "a singular Hessian (a flat direction)", run: (s) => lrCase(s, [[1, 1], [1, 1]], "H = [[1, 1], [1, 1]]") },
  { name: "H = 0 has no limit", run: (s) => lrCase(s, [[0, 0], [0, 0]], "H = 0") },
  { name: "contraction factor past the limit is ≥ 1", run: (s) => rateCase(s, [[0.2, 0], [0, 4]], 0.6, "H = diag(0.2, 4)") },
  { name: "contraction factor of a random 6-D Hessian", run: (s) => rateCase(s, randomSpd(random(p.seed + 102), [0.3, 0.5, 1, 2, 2.5, 4]), 0.2, "a random 6-D Hessian") },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
