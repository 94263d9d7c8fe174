// Hidden cases for rmsprop-adadelta/rmsprop-step: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; rmsprop-step.hidden.test.ts runs them in vitest.
import { rmsprop } from "../../lib/optimizers/rmsprop.js";
import { rosenbrock } from "../../lib/objectives/rosenbrock.js";
import { compareSteps, objectiveProblem, requireFunction, type CheckCase } from "../check.js";
import { rmspropCase, variant, type Params } from "./rmsprop-step.check.js";
import type * as Exercise from "./rmsprop-step.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the random problems' seeds follow it (the published ones: 171, 172, 173). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "300 steps on a random 10-D quadratic", run: (s) => rmspropCase(s, p.seed + 100, 10, { lr: 0.01, alpha: 0.99, eps: 1e-8 }, 300, "quadratic") },
  { name: "α = 0: every step has size about η", run: (s) => rmspropCase(s, p.seed + 101, 4, { lr: 0.05, alpha: 0, eps: 1e-8 }, 20, "gradients") },
  { name: "huge gradients (scale 10⁶)", run: (s) => rmspropCase(s, p.seed + 102, 3, { lr: 0.01, alpha: 0.9, eps: 1e-8 }, 20, "gradients", 1e6) },
  {
    name: "Rosenbrock from (−1.5, 2), 300 steps",
    run(s) {
      const step = requireFunction(s, "rmspropStep") as Submission["rmspropStep"];
      const hyper = { lr: 1e-3, alpha: 0.99, eps: 1e-8 };
      return compareSteps({ step, initState: (n) => ({ t: 0, v: new Float64Array(n) }), hyper, reference: rmsprop(hyper), problem: objectiveProblem(rosenbrock(), [-1.5, 2]), steps: 300, tol: { rtol: 1e-8, atol: 1e-10 } });
    },
  },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
