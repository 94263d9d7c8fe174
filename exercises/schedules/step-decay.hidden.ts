// Hidden cases for schedules/step-decay: more problems and edge cases, for grading only (never in the student edition).
// The grader runs them in its own process against the submission's functions; step-decay.hidden.test.ts runs them in vitest.
import { type CheckCase } from "../check.js";
import { scheduleCase } from "./step-decay.check.js";
import type * as Exercise from "./step-decay.js";

type Submission = typeof Exercise;

export const cases: CheckCase<Submission>[] = [
  { name: "r = 1 drops every step", run: (s) => scheduleCase(s, 2, 0.9, 1, 50) },
  { name: "d = 1 never drops", run: (s) => scheduleCase(s, 0.3, 1, 7, 40) },
  { name: "a non-integer period r = 2.5", run: (s) => scheduleCase(s, 1, 0.5, 2.5, 20) },
  { name: "d = 0 drops to zero at t = r", run: (s) => scheduleCase(s, 1, 0, 4, 10) },
];
