// Hidden tests for gradient-descent/gd-step (grading only; not in the student edition).
import { describe, test } from "vitest";
import { assertCase, fail, random, randomVector, requireFunction, show, type CheckCase } from "../check.js";
import { sgdCase } from "./gd-step.check.js";
import * as submission from "./gd-step.js";

type Submission = typeof submission;

const cases: CheckCase<Submission>[] = [
  { name: "matches sgd for 100 steps on a random 8-D quadratic", run: (s) => sgdCase(s, 101, 8, 0.5, 100, "quadratic") },
  { name: "matches sgd with a large learning rate on random gradients", run: (s) => sgdCase(s, 102, 4, 3, 15, "gradients") },
  {
    name: "η = 0 leaves x where it is",
    run(s) {
      const gdStep = requireFunction(s, "gdStep") as Submission["gdStep"];
      const rng = random(103);
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

describe(`${"gradient-descent/gd-step"} (hidden)`, () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
