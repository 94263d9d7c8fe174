// Hidden cases for minibatch/minibatch-sgd: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; minibatch-sgd.hidden.test.ts runs them in vitest.
import type { CheckCase } from "../check.js";
import { epochCase, gradientCase, variant, type Params } from "./minibatch-sgd.check.js";
import type * as Exercise from "./minibatch-sgd.js";

type Submission = typeof Exercise;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The hidden cases of a student's variant: the problems' seeds follow it (the published ones: 11 … 17). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "minibatchGradient: the full batch is the exact gradient", run: (s) => gradientCase(s, p.seed + 10, 30, 4, range(30)) },
  { name: "minibatchGradient: one input (d = 1)", run: (s) => gradientCase(s, p.seed + 11, 9, 1, [0, 3, 8]) },
  { name: "minibatchGradient: a batch with a repeated example", run: (s) => gradientCase(s, p.seed + 12, 10, 3, [4, 4, 1]) },
  { name: "sgdEpoch: batch size 1 (plain SGD)", run: (s) => epochCase(s, p.seed + 13, 12, 2, 0.02, 1, range(12).reverse()) },
  { name: "sgdEpoch: batch size n (one full-batch step)", run: (s) => epochCase(s, p.seed + 14, 16, 3, 0.3, 16, range(16)) },
  { name: "sgdEpoch: batch larger than the data", run: (s) => epochCase(s, p.seed + 15, 7, 2, 0.3, 50, range(7)) },
  { name: "sgdEpoch: an order with repeats (sampling with replacement)", run: (s) => epochCase(s, p.seed + 16, 10, 2, 0.1, 3, [1, 1, 5, 9, 0, 5, 2, 2, 7, 3]) },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
