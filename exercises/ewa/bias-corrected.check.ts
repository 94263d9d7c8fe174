/** Checks for ewa/bias-corrected: the series against the library's `ewa(values, beta, {biasCorrection: true})`. */
import { ewa } from "../../lib/ewa.js";
import { diagnose, fail, firstMismatch, random, randomVector, requireArray, requireFunction, show, type ExerciseCheck } from "../check.js";
import type * as Exercise from "./bias-corrected.js";

type Submission = typeof Exercise;

/** The uncorrected averages divided by 1 − β^exponent(t): what a wrong correction gives. */
function corrected(values: ArrayLike<number>, beta: number, exponent: (t: number) => number): Float64Array {
  return ewa(values, beta).map((v, i) => v / (1 - beta ** exponent(i + 1)));
}

export function averageCase(submission: Submission, values: number[], beta: number, label: string): string {
  const biasCorrectedAverage = requireFunction(submission, "biasCorrectedAverage") as Submission["biasCorrectedAverage"];
  const input = values.slice();
  const got = requireArray(biasCorrectedAverage(input, beta), values.length, `biasCorrectedAverage(values, ${show(beta)})`);
  if (input.some((v, i) => v !== values[i])) fail("Your function changed the input values; leave them as they are.");
  const want = ewa(values, beta, { biasCorrection: true });
  const t = firstMismatch(got, want, { rtol: 1e-9, atol: 1e-12 });
  if (t < 0) return `v̂₁ … v̂_${values.length} match the library on ${label} (β = ${show(beta)}).`;
  const hint = diagnose([got], [
    { message: "These are the uncorrected averages v_t: divide each by 1 − β^t.", values: [ewa(values, beta)] },
    { message: "You divided by 1 − β^(t+1): with v₀ = 0, after t values the weights sum to 1 − β^t.", values: [corrected(values, beta, (s) => s + 1)] },
    { message: "You divided by 1 − β^(t−1): with v₀ = 0, after t values the weights sum to 1 − β^t.", values: [corrected(values, beta, (s) => s - 1).map((v, i) => (i === 0 ? got[0] : v))] },
    { message: "You divided by 1 − β (a constant), not by 1 − β^t.", values: [ewa(values, beta).map((v) => v / (1 - beta))] },
  ], { rtol: 1e-9, atol: 1e-12 }, [want]);
  fail(`On ${label} with β = ${show(beta)}: v̂_${t + 1} should be ${show(want[t])}, yours is ${show(got[t])}.${t > 0 ? ` v̂₁ … v̂_${t} matched.` : " Already v̂₁ differs: v̂₁ = v₁/(1 − β) = θ₁."}${hint ? ` ${hint}` : ""}`);
}

export const check: ExerciseCheck<Submission> = {
  id: "ewa/bias-corrected",
  exports: ["biasCorrectedAverage"],
  cases: [
    { name: "a constant series: v̂_t = 20 for every t", run: (s) => averageCase(s, [20, 20, 20, 20, 20], 0.9, "the constant series 20, 20, …") },
    { name: "a short series by hand, β = 0.5", run: (s) => averageCase(s, [4, 0, 2, 6], 0.5, "the series 4, 0, 2, 6") },
    { name: "200 noisy temperatures, β = 0.98", run: (s) => averageCase(s, Array.from(randomVector(random(31), 200, 3), (x, i) => 15 + 10 * Math.sin(i / 30) + x), 0.98, "a noisy seasonal series of 200 values") },
  ],
};
