// Hidden cases for adam/adam-step: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; adam-step.hidden.test.ts runs them in vitest.
import { adam } from "../../lib/optimizers/adam.js";
import { rosenbrock } from "../../lib/objectives/rosenbrock.js";
import { compareSteps, objectiveProblem, requireFunction, type CheckCase } from "../check.js";
import { adamCase, variant, type Params } from "./adam-step.check.js";
import type * as Exercise from "./adam-step.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the random problems' seeds follow it (the published ones: 181 … 184). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "300 steps on a random 10-D quadratic", run: (s) => adamCase(s, p.seed + 100, 10, { lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 300, "quadratic") },
  { name: "β₁ = 0 (RMSprop with a bias-corrected v)", run: (s) => adamCase(s, p.seed + 101, 4, { lr: 0.01, beta1: 0, beta2: 0.99, eps: 1e-8 }, 20, "gradients") },
  { name: "huge gradients (scale 10⁶): steps of about η", run: (s) => adamCase(s, p.seed + 102, 3, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 20, "gradients", 1e6) },
  { name: "short memory: β₁ = 0.5, β₂ = 0.6", run: (s) => adamCase(s, p.seed + 103, 5, { lr: 0.02, beta1: 0.5, beta2: 0.6, eps: 1e-8 }, 40, "gradients") },
  {
    name: "Rosenbrock from (−1.5, 2), 500 steps",
    run(s) {
      const step = requireFunction(s, "adamStep") as Submission["adamStep"];
      const hyper = { lr: 0.02, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
      return compareSteps({ step, initState: (n) => ({ t: 0, m: new Float64Array(n), v: new Float64Array(n) }), hyper, reference: adam(hyper), problem: objectiveProblem(rosenbrock(), [-1.5, 2]), steps: 500, tol: { rtol: 1e-8, atol: 1e-10 } });
    },
  },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
