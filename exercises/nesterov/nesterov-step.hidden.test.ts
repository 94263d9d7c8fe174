// Hidden tests for nesterov/nesterov-step (grading only; not in the student edition): the cases of nesterov-step.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./nesterov-step.hidden.js";
import * as submission from "./nesterov-step.js";

describe("nesterov/nesterov-step (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
