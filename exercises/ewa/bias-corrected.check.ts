/** Checks for ewa/bias-corrected: the series against the library's `ewa(values, beta, {biasCorrection: true})`. */
import { ewa } from "../../lib/ewa.js";
import { diagnose, fail, firstMismatch, random, randomVector, requireArray, requireFunction, show, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
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

/**
 * A student's variant: the constant of the constant series, the four values of
 * the series by hand (small integers, so v̂ can be worked out on paper with
 * β = 0.5), and the noisy series' seed (the hidden cases add 100) and β.
 */
export interface Params {
  constant: number;
  series: number[];
  seed: number;
  beta: number;
}

/** The noisy seasonal series of 200 values of a seed. */
export function temperatures(seed: number): number[] {
  return Array.from(randomVector(random(seed), 200, 3), (x, i) => 15 + 10 * Math.sin(i / 30) + x);
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { constant: 20, series: [4, 0, 2, 6], seed: 31, beta: 0.98 },
  draw: (rng) => ({
    constant: 5 + rng.int(36),
    series: Array.from({ length: 4 }, () => rng.int(10)),
    seed: 1000 + 2 * rng.int(500_000),
    beta: pick(rng, [0.95, 0.98, 0.99]),
  }),
  cases: (p): CheckCase<Submission>[] => [
    { name: `a constant series: v̂_t = ${p.constant} for every t`, run: (s) => averageCase(s, Array(5).fill(p.constant), 0.9, `the constant series ${p.constant}, ${p.constant}, …`) },
    { name: "a short series by hand, β = 0.5", run: (s) => averageCase(s, p.series.slice(), 0.5, `the series ${p.series.join(", ")}`) },
    { name: `200 noisy temperatures, β = ${show(p.beta)}`, run: (s) => averageCase(s, temperatures(p.seed), p.beta, "a noisy seasonal series of 200 values") },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "ewa/bias-corrected",
  exports: ["biasCorrectedAverage"],
  cases: variant.cases(variant.defaults),
  variant,
};
