// Hidden tests for adam/adam-step (grading only; not in the student edition): the cases of adam-step.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./adam-step.hidden.js";
import * as submission from "./adam-step.js";

describe("adam/adam-step (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
