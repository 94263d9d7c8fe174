/** Checks for schedules/step-decay: the schedule against the library's `stepDecay`, step by step. */
import { stepDecay as reference } from "../../lib/schedules.js";
import { close, describe, fail, requireFunction, show, type CaseVariant, type CheckCase, type ExerciseCheck } from "../check.js";
import { pick } from "../variant.js";
import type * as Exercise from "./step-decay.js";

type Submission = typeof Exercise;

export function scheduleCase(submission: Submission, lr0: number, d: number, r: number, steps: number): string {
  const stepDecay = requireFunction(submission, "stepDecay") as Submission["stepDecay"];
  const schedule = stepDecay(lr0, d, r) as unknown;
  if (typeof schedule !== "function") fail(`stepDecay(${lr0}, ${d}, ${r}) should return a function (t) => η(t), but it returned ${describe(schedule)}.`);
  const s = schedule as (t: number) => number;
  const ref = reference(lr0, d, r);
  for (let t = 1; t <= steps; t++) {
    const got = s(t);
    const want = ref(t);
    if (close(got, want, { rtol: 1e-12, atol: 1e-15 })) continue;
    const shifted = lr0 * d ** Math.floor((t - 1) / r);
    const ceil = lr0 * d ** Math.ceil(t / r);
    const hint = typeof got !== "number"
      ? ` It returned ${describe(got)}; return a number.`
      : close(got, shifted, { rtol: 1e-12 })
        ? " You used ⌊(t − 1)/r⌋: in the iteration form the exponent is ⌊(1 + n)/r⌋ with n = t − 1, i.e. ⌊t/r⌋, so the first drop happens at t = r."
        : close(got, ceil, { rtol: 1e-12 })
          ? " You rounded t/r up; the exponent is ⌊t/r⌋, rounded down."
          : close(got, lr0 * d * Math.floor(t / r), { rtol: 1e-12 })
            ? " You multiplied d by ⌊t/r⌋; the drop is a power: d^⌊t/r⌋."
            : "";
    fail(`With η₀ = ${show(lr0)}, d = ${show(d)}, r = ${show(r)}: at step t = ${t} the rate should be ${show(want)}, your schedule gives ${show(got)}.${t > 1 ? ` Steps 1…${t - 1} matched.` : ""}${hint}`);
  }
  return `Equal to the library's stepDecay(${show(lr0)}, ${show(d)}, ${show(r)}) at t = 1 … ${steps}.`;
}

/** A schedule's parameters: η₀, the drop factor d and the period r. */
export interface Schedule {
  lr0: number;
  d: number;
  r: number;
}

/**
 * A student's variant: the two visible schedules (every draw has 0 < d < 1 and
 * an integer r ≥ 2, so the rate drops at least once in each case's steps).
 */
export interface Params {
  short: Schedule;
  long: Schedule;
}

export const variant: CaseVariant<Submission, Params> = {
  defaults: { short: { lr0: 1, d: 0.5, r: 2 }, long: { lr0: 0.1, d: 0.1, r: 30 } },
  draw: (rng) => ({
    short: { lr0: pick(rng, [0.5, 1, 2]), d: pick(rng, [0.25, 0.5, 0.8]), r: pick(rng, [2, 3]) },
    long: { lr0: pick(rng, [0.01, 0.05, 0.1]), d: pick(rng, [0.1, 0.2, 0.5]), r: pick(rng, [20, 25, 30, 40]) },
  }),
  cases: ({ short: a, long: b }): CheckCase<Submission>[] => [
    { name: `η₀ = ${show(a.lr0)}, d = ${show(a.d)}, r = ${show(a.r)}: ${[1, 2, 3, 4].map((t) => show(reference(a.lr0, a.d, a.r)(t))).join(", ")}, …`, run: (s) => scheduleCase(s, a.lr0, a.d, a.r, 12) },
    { name: `η₀ = ${show(b.lr0)}, d = ${show(b.d)}, r = ${show(b.r)} over 100 steps`, run: (s) => scheduleCase(s, b.lr0, b.d, b.r, 100) },
  ],
};

export const check: ExerciseCheck<Submission> = {
  id: "schedules/step-decay",
  exports: ["stepDecay"],
  cases: variant.cases(variant.defaults),
  variant,
};
