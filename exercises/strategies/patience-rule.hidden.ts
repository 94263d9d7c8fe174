// Hidden cases for strategies/patience-rule: more curves and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; patience-rule.hidden.test.ts runs them in vitest.
import type { CheckCase } from "../check.js";
import { exactDeltaCurve, noisyCurve, rejectsCase, stopCase, variant, type Params } from "./patience-rule.check.js";
import type * as Exercise from "./patience-rule.js";

type Submission = typeof Exercise;

/** The hidden cases of a student's variant (the published ones: δ = 0.125 from 1, noisy seeds 7 and 11 … 16). */
export function casesFor(p: Params): CheckCase<Submission>[] {
  return [
    { name: "a tie with the best is no improvement", run: (s) => stopCase(s, [0.5, 0.4, 0.4, 0.4, 0.3], 2, 0) },
    // binary fractions, so best − δ and best − v are exact and rounding cannot decide: counting epoch 3's
    // improvement of exactly δ as one would stop at epoch 5 restoring 3 instead of stopping at 4 restoring 2
    { name: "an improvement of exactly δ is no improvement", run: (s) => stopCase(s, exactDeltaCurve(p), 2, p.delta) },
    { name: "δ > 0 and patience never runs out: the last improving epoch, not the lowest", run: (s) => stopCase(s, [0.75, 0.5, 0.4375, 0.46875, 0.40625, 0.5], 5, 0.125) },
    { name: "rises from the start: stops after `patience` epochs, restores epoch 1", run: (s) => stopCase(s, [0.3, 0.31, 0.32, 0.33, 0.34], 3, 0) },
    { name: "a single epoch", run: (s) => stopCase(s, [0.7], 1, 0) },
    { name: "patience as long as the curve", run: (s) => stopCase(s, noisyCurve(p.noisySeed + 6, 12), 12, 0) },
    { name: "noisy curves, patience 1 to 6 and δ = 0.005", run: (s) => [1, 2, 3, 4, 5, 6].map((k) => stopCase(s, noisyCurve(p.noisySeed + 9 + k, 40, 0.02), k, 0.005)).at(-1)! },
    { name: "a fractional patience is rejected", run: (s) => rejectsCase(s, 1.5, 0) },
    { name: "a negative δ is rejected", run: (s) => rejectsCase(s, 2, -0.1) },
  ];
}

export const cases: CheckCase<Submission>[] = casesFor(variant.defaults);
