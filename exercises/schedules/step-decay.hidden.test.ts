// Hidden tests for schedules/step-decay (grading only; not in the student edition): the cases of step-decay.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./step-decay.hidden.js";
import * as submission from "./step-decay.js";

describe("schedules/step-decay (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
