// Hidden cases for nesterov/nesterov-step: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; nesterov-step.hidden.test.ts runs them in vitest.
import { nesterov } from "../../lib/optimizers/nesterov.js";
import { rosenbrock } from "../../lib/objectives/rosenbrock.js";
import { compareSteps, objectiveProblem, requireFunction, type CheckCase } from "../check.js";
import { nesterovCase, variant, type Params } from "./nesterov-step.check.js";
import type * as Exercise from "./nesterov-step.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the random problems' seeds follow it (the published ones: 151, 152, 153). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "200 steps on a random 10-D quadratic (η = 0.05, μ = 0.95)", run: (s) => nesterovCase(s, p.seed + 100, 10, { lr: 0.05, momentum: 0.95 }, 200, "quadratic") },
  { name: "μ = 0 is plain gradient descent", run: (s) => nesterovCase(s, p.seed + 101, 4, { lr: 0.1, momentum: 0 }, 20, "gradients") },
  { name: "one coordinate, many steps", run: (s) => nesterovCase(s, p.seed + 102, 1, { lr: 0.2, momentum: 0.8 }, 100, "quadratic") },
  {
    name: "Rosenbrock from (−1.5, 2), 300 steps",
    run(s) {
      const step = requireFunction(s, "nesterovStep") as Submission["nesterovStep"];
      const hyper = { lr: 2e-4, momentum: 0.9 };
      return compareSteps({ step, initState: (n) => ({ t: 0, v: new Float64Array(n) }), hyper, reference: nesterov(hyper), problem: objectiveProblem(rosenbrock(), [-1.5, 2]), steps: 300, tol: { rtol: 1e-8, atol: 1e-10 } });
    },
  },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
