// Hidden cases for gradient-descent/gd-quadratic: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; gd-quadratic.hidden.test.ts runs them in vitest.
import { type CheckCase } from "../check.js";
import { quadraticCase, randomCase, variant, type Params } from "./gd-quadratic.check.js";
import type * as Exercise from "./gd-quadratic.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant (the random problem's seed and η follow the variant). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
    { name: "one dimension: f = x², 10 steps with η = 0.2", run: (s) => quadraticCase(s, [[2]], [0], [10], 0.2, 10, "f = x²") },
    { name: "zero steps returns [x₀]", run: (s) => quadraticCase(s, [[1, 0], [0, 1]], [1, 2], [3, 4], 0.1, 0, "a round bowl") },
    { name: "a random 7-D quadratic, 60 steps", run: (s) => randomCase(s, p.seed + 100, 7, Math.min(0.9, p.lr + 0.4), 60) },
    { name: "oscillation past the minimum (η close to 2/L) is reproduced", run: (s) => quadraticCase(s, [[1, 0], [0, 10]], [0, 0], [1, 1], 0.19, 25, "f = ½x₁² + 5x₂² near its stability limit") },
  ];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
