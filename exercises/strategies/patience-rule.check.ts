/**
 * Checks for strategies/patience-rule: the stopping epoch and the restored
 * epoch against the library's `earlyStopPoint` (the rule `train`'s
 * `earlyStopping` option uses), on hand-made and seeded random curves.
 */
import { earlyStopPoint } from "../../lib/analysis/strategies.js";
import { random } from "../../lib/random.js";
import { describe, fail, requireFunction, show, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./patience-rule.js";

type Submission = typeof Exercise;

/** A RangeError, also one thrown in the sandbox's realm (where `instanceof` does not hold). */
function isRangeError(error: unknown): error is Error {
  return typeof error === "object" && error !== null && (error as Error).name === "RangeError";
}

/** A noisy U-shaped validation curve of `n` epochs (falls, then rises), seeded. */
export function noisyCurve(seed: number, n: number, noise = 0.01): number[] {
  const rng = random(seed);
  const turn = 1 + Math.floor(rng.uniform() * (n - 1));
  return Array.from({ length: n }, (_, e) => 0.3 + 0.5 * Math.exp(-e / 3) + 0.004 * Math.max(0, e - turn) + noise * rng.normal());
}

export function stopCase(submission: Submission, curve: number[], patience: number, minDelta: number): string {
  const f = requireFunction(submission, "patienceStop") as Submission["patienceStop"];
  const before = curve.slice();
  const got = f(curve, patience, minDelta) as unknown;
  if (curve.some((v, i) => v !== before[i])) fail("patienceStop changed the validation curve; it should only read it.");
  if (!got || typeof got !== "object") fail(`patienceStop should return {bestEpoch, stopEpoch}, but it returned ${describe(got)}.`);
  const { bestEpoch, stopEpoch } = got as { bestEpoch: unknown; stopEpoch: unknown };
  const want = earlyStopPoint(curve, patience, minDelta);
  const where = `On the curve ${curve.map((v) => show(v)).join(", ")} with patience ${patience} and δ = ${show(minDelta)}`;
  if (stopEpoch !== want.stopEpoch) {
    const hint = typeof stopEpoch === "number" && want.stopEpoch !== null && stopEpoch === want.stopEpoch - 1
      ? " Yours is one epoch early: epochs are 1-based (validation[0] is epoch 1), or the count of epochs without improvement started at 1."
      : typeof stopEpoch === "number" && want.stopEpoch !== null && stopEpoch === want.stopEpoch + 1
        ? " Yours is one epoch late: stop as soon as the count of epochs without improvement reaches the patience."
        : stopEpoch === undefined && want.stopEpoch === null
          ? " When patience never runs out, return stopEpoch: null (not undefined)."
          : "";
    fail(`${where}: training should stop at ${want.stopEpoch === null ? "no epoch (stopEpoch: null — patience never runs out)" : `epoch ${want.stopEpoch}`}, yours says ${describe(stopEpoch)}.${hint}`);
  }
  if (bestEpoch !== want.bestEpoch) {
    // the lowest loss among the epochs trained; if it is not the restored epoch, it never improved by more than δ
    const seen = curve.slice(0, want.stopEpoch ?? curve.length);
    const lowest = seen.indexOf(Math.min(...seen)) + 1;
    const hint = bestEpoch === lowest && lowest !== want.bestEpoch
      ? ` Epoch ${lowest} has the lowest loss, but it was not an improvement of more than δ over the best so far, so it never became the best: return the last improving epoch.`
      : "";
    fail(`${where}: the stop epoch is right (${describe(stopEpoch)}) but the restored epoch should be ${want.bestEpoch}, yours is ${describe(bestEpoch)}. An epoch improves only when its loss is below best − δ.${hint}`);
  }
  return `${where}: stops at ${want.stopEpoch === null ? "no epoch" : `epoch ${want.stopEpoch}`}, restores epoch ${want.bestEpoch} — as the library's earlyStopPoint.`;
}

export function rejectsCase(submission: Submission, patience: number, minDelta: number): string {
  const f = requireFunction(submission, "patienceStop") as Submission["patienceStop"];
  try {
    f([0.5, 0.4, 0.45], patience, minDelta);
  } catch (error) {
    if (/not implemented/i.test(String((error as Error)?.message))) throw error;
    if (isRangeError(error)) return `patienceStop(…, ${show(patience)}, ${show(minDelta)}) throws a RangeError: ${error.message}`;
    fail(`patienceStop(…, ${show(patience)}, ${show(minDelta)}) threw ${describe(error)}; throw a RangeError naming the parameter and its allowed range.`);
  }
  fail(`patienceStop(…, ${show(patience)}, ${show(minDelta)}) returned normally; it should throw a RangeError (patience must be an integer ≥ 1, minDelta ≥ 0).`);
}

/**
 * A student's variant: the noisy curves' seed (the visible 30-epoch curve is
 * `noisySeed`, the hidden ones `noisySeed` + 6 and + 10 … + 15) and the
 * visible noisy case's patience; and the hidden exact-δ case's curve
 * [a, a − 4δ, a − 5δ, a − 5δ, a − 5δ] (patience 2), with a = `start` and δ =
 * `delta`. δ and a are dyadic rationals (δ = 2⁻³ … 2⁻⁵, a a multiple of 2⁻⁶
 * in [1, 2)), so every loss, best − δ and best − v is exact in float64 and
 * rounding cannot decide whether epoch 3's improvement of exactly δ counts:
 * `v < best − δ` and `best − v > δ` agree on it, `v <= best − δ` does not.
 * The noisy cases have δ = 0, or 0.005 (test/coursework/patience-rule.test.ts
 * checks that both spellings of the rule agree on them for 25 students).
 */
export interface Params {
  noisySeed: number;
  noisyPatience: number;
  delta: number;
  start: number;
}

/** The curve of the exact-δ case: epoch 3 improves on epoch 2 by exactly δ (all values dyadic). */
export function exactDeltaCurve(p: Params): number[] {
  return [p.start, p.start - 4 * p.delta, p.start - 5 * p.delta, p.start - 5 * p.delta, p.start - 5 * p.delta];
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { noisySeed: 1, noisyPatience: 4, delta: 0.125, start: 1 },
  draw: (rng) => ({ noisySeed: 1000 + 20 * rng.int(50_000), noisyPatience: pick(rng, [2, 3, 4, 5, 6]), delta: pick(rng, [2 ** -3, 2 ** -4, 2 ** -5]), start: 1 + rng.int(64) / 64 }),
  cases: (p): CheckCase<Submission>[] => [
    { name: "the chapter's curve, patience 2, δ = 0: stop at epoch 7, restore 5", run: (s) => stopCase(s, [0.6, 0.52, 0.49, 0.5, 0.48, 0.485, 0.49, 0.5, 0.51], 2, 0) },
    { name: "the same curve with patience 1: stop at epoch 4", run: (s) => stopCase(s, [0.6, 0.52, 0.49, 0.5, 0.48, 0.485, 0.49, 0.5, 0.51], 1, 0) },
    { name: "a curve that keeps falling: never stops (stopEpoch null)", run: (s) => stopCase(s, [0.9, 0.8, 0.7, 0.65, 0.6], 2, 0) },
    // no improvement here is within rounding of δ: `v < best − δ` and `best − v > δ` agree on every epoch
    { name: "δ = 0.02 ignores small improvements", run: (s) => stopCase(s, [0.6, 0.5, 0.49, 0.485, 0.481, 0.47, 0.44], 3, 0.02) },
    { name: "δ = 0.02, patience never runs out: restore the last improving epoch, not the lowest", run: (s) => stopCase(s, [0.6, 0.5, 0.49], 5, 0.02) },
    { name: `a noisy curve of 30 epochs, patience ${p.noisyPatience}`, run: (s) => stopCase(s, noisyCurve(p.noisySeed, 30), p.noisyPatience, 0) },
    { name: "patience 0 is rejected with a RangeError", run: (s) => rejectsCase(s, 0, 0) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "strategies/patience-rule",
  exports: ["patienceStop"],
  cases: variant.cases(variant.defaults),
  variant,
};
