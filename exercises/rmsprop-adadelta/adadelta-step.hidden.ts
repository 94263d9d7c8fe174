// Hidden cases for rmsprop-adadelta/adadelta-step: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; adadelta-step.hidden.test.ts runs them in vitest.
import { adadelta } from "../../lib/optimizers/adadelta.js";
import { rosenbrock } from "../../lib/objectives/rosenbrock.js";
import { compareSteps, objectiveProblem, requireFunction, type CheckCase } from "../check.js";
import { adadeltaCase, variant, type Params } from "./adadelta-step.check.js";
import type * as Exercise from "./adadelta-step.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the random problems' seeds follow it (the published ones: 191, 192, 193). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "300 steps on a random 10-D quadratic", run: (s) => adadeltaCase(s, p.seed + 100, 10, { lr: 1, rho: 0.9, eps: 1e-6 }, 300, "quadratic") },
  { name: "ρ = 0: no memory", run: (s) => adadeltaCase(s, p.seed + 101, 4, { lr: 1, rho: 0, eps: 1e-6 }, 20, "gradients") },
  { name: "huge gradients (scale 10⁶)", run: (s) => adadeltaCase(s, p.seed + 102, 3, { lr: 1, rho: 0.9, eps: 1e-6 }, 20, "gradients", 1e6) },
  {
    name: "Rosenbrock from (−1.5, 2), 300 steps, lr = 2",
    run(s) {
      const step = requireFunction(s, "adadeltaStep") as Submission["adadeltaStep"];
      const hyper = { lr: 2, rho: 0.9, eps: 1e-6 };
      return compareSteps({ step, initState: (n) => ({ t: 0, v: new Float64Array(n), u: new Float64Array(n) }), hyper, reference: adadelta(hyper), problem: objectiveProblem(rosenbrock(), [-1.5, 2]), steps: 300, tol: { rtol: 1e-8, atol: 1e-10 } });
    },
  },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
