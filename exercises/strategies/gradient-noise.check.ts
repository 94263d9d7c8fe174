/**
 * Checks for strategies/gradient-noise: σ_t against the library's
 * `noiseVariance`, and the noisy gradients, call after call, against the
 * library's `withGradientNoise` (wrapping plain SGD with η = 1 from x = 0, so
 * that its state's `noisy` array is g̃_t).
 */
import { noiseVariance, withGradientNoise } from "../../lib/analysis/strategies.js";
import { sgd } from "../../lib/optimizers/sgd.js";
import { random } from "../../lib/random.js";
import { close, describe, fail, firstMismatch, requireFunction, show, showArray, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./gradient-noise.js";

type Submission = typeof Exercise;

/** A RangeError, also one thrown in the sandbox's realm (where `instanceof` does not hold). */
function isRangeError(error: unknown): error is Error {
  return typeof error === "object" && error !== null && (error as Error).name === "RangeError";
}

export function stdCase(submission: Submission, eta: number, gamma: number, ts: number[]): string {
  const f = requireFunction(submission, "noiseStd") as Submission["noiseStd"];
  for (const t of ts) {
    const got = f(eta, gamma, t) as unknown;
    const want = Math.sqrt(noiseVariance(eta, gamma, t));
    if (typeof got === "number" && close(got, want, { rtol: 1e-12, atol: 1e-15 })) continue;
    const hint = typeof got !== "number"
      ? ` It returned ${describe(got)}; return a number.`
      : close(got, want * want, { rtol: 1e-12 })
        ? " That is the variance σ_t²; return its square root."
        : close(got, Math.sqrt(eta / t ** gamma), { rtol: 1e-12 })
          ? " You used t^γ; the schedule divides by (1 + t)^γ."
          : "";
    fail(`noiseStd(${show(eta)}, ${show(gamma)}, ${t}) should be √(η/(1 + t)^γ) = ${show(want)}, yours is ${describe(got)}.${hint}`);
  }
  return `σ_t for η = ${show(eta)}, γ = ${show(gamma)} at t = ${ts.join(", ")} matches the library.`;
}

/** The gradients g_1 … g_steps fed to the wrapper: seeded, of dimension `dim`. */
export function gradients(seed: number, dim: number, steps: number): Float64Array[] {
  const rng = random(seed);
  return Array.from({ length: steps }, () => Float64Array.from({ length: dim }, () => 2 * rng.normal()));
}

export function noisyCase(submission: Submission, eta: number, gamma: number, seed: number, dim: number, steps: number): string {
  const make = requireFunction(submission, "gradientNoise") as Submission["gradientNoise"];
  const noisy = make(eta, gamma, seed) as unknown;
  if (typeof noisy !== "function") fail(`gradientNoise(${show(eta)}, ${show(gamma)}, ${seed}) should return a function noisy(g), but it returned ${describe(noisy)}.`);
  const reference = withGradientNoise(sgd({ lr: 1 }), { eta, gamma, seed });
  const state = reference.init(dim);
  const x = new Float64Array(dim);
  const gs = gradients(seed + 1000, dim, steps);
  for (let t = 1; t <= steps; t++) {
    const g = gs[t - 1];
    const before = g.slice();
    const got = (noisy as (g: Float64Array) => unknown)(g);
    if (firstMismatch(g, before, { rtol: 0, atol: 0 }) >= 0) fail(`At call ${t}, noisy(g) changed g; return a new array and leave g as it was.`);
    if (!got || typeof (got as ArrayLike<number>).length !== "number" || (got as ArrayLike<number>).length !== dim) fail(`At call ${t}, noisy(g) should return an array of ${dim} numbers, but it returned ${describe(got)}.`);
    reference.step(x, g, state);
    const want = state.noisy;
    const j = firstMismatch(got as ArrayLike<number>, want, { rtol: 1e-12, atol: 1e-14 });
    if (j < 0) continue;
    const gotNoise = Array.from(got as ArrayLike<number>, (v, i) => v - g[i]);
    const wantNoise = Array.from(want, (v, i) => v - g[i]);
    const ratio = gotNoise[j] / wantNoise[j];
    const sigmaT = Math.sqrt(noiseVariance(eta, gamma, t));
    const hint = close(ratio, sigmaT, { rtol: 1e-9 }) && gotNoise.every((v, i) => close(v, wantNoise[i] * sigmaT, { rtol: 1e-9, atol: 1e-14 }))
      ? " Your noise is σ_t² times ξ: multiply ξ by the standard deviation σ_t, not the variance."
      : t > 1 && close(Math.abs(gotNoise[j]), Math.abs(wantNoise[j]) * Math.sqrt(noiseVariance(eta, gamma, 1) / noiseVariance(eta, gamma, t)), { rtol: 1e-6 })
        ? " Your σ stays at σ₁: count the calls, t = 1, 2, …, and anneal σ_t."
        : t > 1
          ? ` Calls 1…${t - 1} matched. Create the generator once (random(seed)) and keep drawing from it; draw one rng.normal() per coordinate, in order.`
          : " Draw ξ with rng.normal() from random(seed), one per coordinate in order, and scale by σ₁ (t = 1 on the first call).";
    fail(`With η = ${show(eta)}, γ = ${show(gamma)}, seed ${seed}: at call t = ${t}, entry ${j} should be ${show(want[j])}, yours is ${show((got as ArrayLike<number>)[j])}. Expected ${showArray(want)}, got ${showArray(got as ArrayLike<number>)}.${hint}`);
  }
  return `${steps} noisy gradients (dimension ${dim}, η = ${show(eta)}, γ = ${show(gamma)}, seed ${seed}) equal the library's withGradientNoise, call after call.`;
}

export function rejectsCase(submission: Submission, eta: number, gamma: number): string {
  const make = requireFunction(submission, "gradientNoise") as Submission["gradientNoise"];
  try {
    make(eta, gamma, 0);
  } catch (error) {
    if (/not implemented/i.test(String((error as Error)?.message))) throw error;
    if (isRangeError(error)) return `gradientNoise(${show(eta)}, ${show(gamma)}, 0) throws a RangeError: ${error.message}`;
    fail(`gradientNoise(${show(eta)}, ${show(gamma)}, 0) threw ${describe(error)}; throw a RangeError naming the parameter and its allowed range.`);
  }
  fail(`gradientNoise(${show(eta)}, ${show(gamma)}, 0) returned normally; a negative ${eta < 0 ? "eta" : "gamma"} should throw a RangeError.`);
}

/**
 * A student's variant: η and γ of the σ_t case (both in their valid range,
 * η ≥ 0 and γ ≥ 0; the published γ = 0.55 is Neelakantan et al.'s), and the
 * generators' seed (the cases use seed and seed + 3; the hidden ones seed − 3,
 * seed + 7, seed + 8).
 */
export interface Params {
  eta: number;
  gamma: number;
  seed: number;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { eta: 0.3, gamma: 0.55, seed: 4 },
  draw: (rng) => ({ eta: pick(rng, [0.01, 0.1, 0.3, 1]), gamma: pick(rng, [0.55, 0.75, 1]), seed: 1000 + 20 * rng.int(50_000) }),
  cases: (p): CheckCase<Submission>[] => [
    { name: `noiseStd: η = ${show(p.eta)}, γ = ${show(p.gamma)} at t = 1, 10, 1000`, run: (s) => stdCase(s, p.eta, p.gamma, [1, 10, 1000]) },
    { name: `gradientNoise: 5 calls in 3 dimensions, η = 1, γ = 0.55, seed ${p.seed}`, run: (s) => noisyCase(s, 1, 0.55, p.seed, 3, 5) },
    { name: "gradientNoise: constant noise (γ = 0), 20 calls", run: (s) => noisyCase(s, 0.3, 0, p.seed + 3, 2, 20) },
    { name: "gradientNoise: a negative η is rejected", run: (s) => rejectsCase(s, -1, 0.55) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "strategies/gradient-noise",
  exports: ["noiseStd", "gradientNoise"],
  cases: variant.cases(variant.defaults),
  variant,
};
