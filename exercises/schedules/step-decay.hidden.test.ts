// Hidden tests for schedules/step-decay (grading only; not in the student edition).
import { describe, test } from "vitest";
import { assertCase, type CheckCase } from "../check.js";
import { scheduleCase } from "./step-decay.check.js";
import * as submission from "./step-decay.js";

type Submission = typeof submission;

const cases: CheckCase<Submission>[] = [
  { name: "r = 1 drops every step", run: (s) => scheduleCase(s, 2, 0.9, 1, 50) },
  { name: "d = 1 never drops", run: (s) => scheduleCase(s, 0.3, 1, 7, 40) },
  { name: "a non-integer period r = 2.5", run: (s) => scheduleCase(s, 1, 0.5, 2.5, 20) },
  { name: "d = 0 drops to zero at t = r", run: (s) => scheduleCase(s, 1, 0, 4, 10) },
];

describe("schedules/step-decay (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
