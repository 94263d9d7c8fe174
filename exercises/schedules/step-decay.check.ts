/** Checks for schedules/step-decay: the schedule against the library's `stepDecay`, step by step. */
import { stepDecay as reference } from "../../lib/schedules.js";
import { close, describe, fail, requireFunction, show, type ExerciseCheck } from "../check.js";
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

export const check: ExerciseCheck<Submission> = {
  id: "schedules/step-decay",
  exports: ["stepDecay"],
  cases: [
    { name: "η₀ = 1, d = 0.5, r = 2: 1, 0.5, 0.5, 0.25, …", run: (s) => scheduleCase(s, 1, 0.5, 2, 12) },
    { name: "η₀ = 0.1, d = 0.1, r = 30 over 100 steps", run: (s) => scheduleCase(s, 0.1, 0.1, 30, 100) },
  ],
};
