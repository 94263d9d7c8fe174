// Hidden cases for gradient-descent/gd-step: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; gd-step.hidden.test.ts runs them in vitest.
import { fail, random, randomVector, requireFunction, show, type CheckCase } from "../check.js";
import { sgdCase, variant, type Params } from "./gd-step.check.js";
import type * as Exercise from "./gd-step.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant: the random problems' seeds follow it (the published ones: 101, 102, 103). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
  { name: "matches sgd for 100 steps on a random 8-D quadratic", run: (s) => sgdCase(s, p.seed + 100, 8, 0.5, 100, "quadratic") },
  { name: "matches sgd with a large learning rate on random gradients", run: (s) => sgdCase(s, p.seed + 101, 4, 3, 15, "gradients") },
  {
    name: "η = 0 leaves x where it is",
    run(s) {
      const gdStep = requireFunction(s, "gdStep") as Submission["gdStep"];
      const rng = random(p.seed + 102);
      const x = randomVector(rng, 6);
      const before = x.slice();
      gdStep(x, randomVector(rng, 6), 0);
      const i = x.findIndex((v, k) => v !== before[k]);
      if (i >= 0) fail(`With η = 0, x[${i}] moved from ${show(before[i])} to ${show(x[i])}.`);
      return "x unchanged.";
    },
  },
  {
    name: "returns nothing and keeps the same array",
    run(s) {
      const gdStep = requireFunction(s, "gdStep") as Submission["gdStep"];
      const x = Float64Array.of(1);
      const out = gdStep(x, Float64Array.of(1), 0.5) as unknown;
      if (out !== undefined && out !== x) fail("gdStep should update x in place and return nothing.");
      if (x[0] !== 0.5) fail(`x should be [0.5], got [${show(x[0])}].`);
      return "In place.";
    },
  },
];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
