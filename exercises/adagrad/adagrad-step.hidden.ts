// Hidden cases for adagrad/adagrad-step: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; adagrad-step.hidden.test.ts runs them in vitest.
import { adagrad } from "../../lib/optimizers/adagrad.js";
import { beale } from "../../lib/objectives/beale.js";
import { compareSteps, objectiveProblem, requireFunction, type CheckCase } from "../check.js";
import { adagradCase, variant, type Params } from "./adagrad-step.check.js";
import type * as Exercise from "./adagrad-step.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the random problems' seeds follow it (the published ones: 161, 162, 163, 164). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "300 steps on a random 10-D quadratic", run: (s) => adagradCase(s, p.seed + 100, 10, { lr: 0.3, eps: 1e-10 }, 300, "quadratic") },
  { name: "very sparse gradients keep a coordinate's rate", run: (s) => adagradCase(s, p.seed + 101, 8, { lr: 0.5, eps: 1e-10 }, 40, "gradients") },
  { name: "huge gradients (scale 10⁶): the step stays about η", run: (s) => adagradCase(s, p.seed + 102, 3, { lr: 0.1, eps: 1e-10 }, 20, "gradients", 1e6) },
  { name: "ε = 1 dominates tiny gradients", run: (s) => adagradCase(s, p.seed + 103, 3, { lr: 0.1, eps: 1 }, 20, "gradients", 1e-3) },
  {
    name: "Beale from (1, 1.5), 200 steps",
    run(s) {
      const step = requireFunction(s, "adagradStep") as Submission["adagradStep"];
      const hyper = { lr: 0.1, eps: 1e-10 };
      return compareSteps({ step, initState: (n) => ({ t: 0, s: new Float64Array(n) }), hyper, reference: adagrad(hyper), problem: objectiveProblem(beale(), [1, 1.5]), steps: 200, tol: { rtol: 1e-8, atol: 1e-10 } });
    },
  },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
