// Hidden cases for adam/nadam-step: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; nadam-step.hidden.test.ts runs them in vitest.
import { nadam } from "../../lib/optimizers/nadam.js";
import { rosenbrock } from "../../lib/objectives/rosenbrock.js";
import { compareSteps, objectiveProblem, requireFunction, type CheckCase } from "../check.js";
import { nadamCase, variant, type Params } from "./nadam-step.check.js";
import type * as Exercise from "./nadam-step.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the random problems' seeds follow it (the published ones: 201, 202, 203). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "300 steps on a random 10-D quadratic", run: (s) => nadamCase(s, p.seed + 100, 10, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, momentumDecay: 4e-3 }, 300, "quadratic") },
  { name: "ψ = 0: a constant μ = β₁/2", run: (s) => nadamCase(s, p.seed + 101, 4, { lr: 0.02, beta1: 0.9, beta2: 0.999, eps: 1e-8, momentumDecay: 0 }, 20, "gradients") },
  { name: "huge gradients (scale 10⁶)", run: (s) => nadamCase(s, p.seed + 102, 3, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, momentumDecay: 4e-3 }, 20, "gradients", 1e6) },
  {
    name: "Rosenbrock from (−1.5, 2), 300 steps",
    run(s) {
      const step = requireFunction(s, "nadamStep") as Submission["nadamStep"];
      const hyper = { lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8, momentumDecay: 4e-3 };
      return compareSteps({ step, initState: (n) => ({ t: 0, m: new Float64Array(n), v: new Float64Array(n), muProduct: 1 }), hyper, reference: nadam(hyper), problem: objectiveProblem(rosenbrock(), [-1.5, 2]), steps: 300, tol: { rtol: 1e-8, atol: 1e-10 } });
    },
  },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
