// Hidden tests for ewa/bias-corrected (grading only; not in the student edition).
import { describe, test } from "vitest";
import { assertCase, random, randomVector, type CheckCase } from "../check.js";
import { averageCase } from "./bias-corrected.check.js";
import * as submission from "./bias-corrected.js";

type Submission = typeof submission;

const cases: CheckCase<Submission>[] = [
  { name: "β = 0 is the series itself", run: (s) => averageCase(s, [3, -1, 4, 1, -5], 0, "a short series") },
  { name: "β = 0.999 over 2000 values", run: (s) => averageCase(s, Array.from(randomVector(random(131), 2000)), 0.999, "2000 normal values") },
  { name: "an empty series gives an empty result", run: (s) => averageCase(s, [], 0.9, "the empty series") },
  { name: "a single value is returned as it is", run: (s) => averageCase(s, [7.5], 0.95, "the one-value series 7.5") },
];

describe("ewa/bias-corrected (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
