// Hidden tests for adam/nadam-step (grading only; not in the student edition): the cases of nadam-step.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./nadam-step.hidden.js";
import * as submission from "./nadam-step.js";

describe("adam/nadam-step (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
