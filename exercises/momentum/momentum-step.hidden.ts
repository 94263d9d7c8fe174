// Hidden cases for momentum/momentum-step: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; momentum-step.hidden.test.ts runs them in vitest.
import { momentum } from "../../lib/optimizers/momentum.js";
import { rosenbrock } from "../../lib/objectives/rosenbrock.js";
import { compareSteps, objectiveProblem, requireFunction, type CheckCase } from "../check.js";
import { momentumCase, variant, type Params } from "./momentum-step.check.js";
import type * as Exercise from "./momentum-step.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the random problems' seeds follow it (the published ones: 141, 142, 143). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "200 steps on a random 10-D quadratic (η = 0.05, μ = 0.95)", run: (s) => momentumCase(s, p.seed + 100, 10, { lr: 0.05, momentum: 0.95 }, 200, "quadratic") },
  { name: "μ = 0 is plain gradient descent", run: (s) => momentumCase(s, p.seed + 101, 4, { lr: 0.1, momentum: 0 }, 20, "gradients") },
  { name: "μ > 1 is allowed (and grows)", run: (s) => momentumCase(s, p.seed + 102, 3, { lr: 0.01, momentum: 1.1 }, 15, "gradients") },
  {
    name: "Rosenbrock from (−1.5, 2), 300 steps",
    run(s) {
      const step = requireFunction(s, "momentumStep") as Submission["momentumStep"];
      const hyper = { lr: 2e-4, momentum: 0.9 };
      return compareSteps({ step, initState: (n) => ({ t: 0, v: new Float64Array(n) }), hyper, reference: momentum(hyper), problem: objectiveProblem(rosenbrock(), [-1.5, 2]), steps: 300, tol: { rtol: 1e-8, atol: 1e-10 } });
    },
  },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
