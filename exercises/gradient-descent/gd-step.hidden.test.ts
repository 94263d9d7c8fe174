// Hidden tests for gradient-descent/gd-step (grading only; not in the student edition): the cases of gd-step.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./gd-step.hidden.js";
import * as submission from "./gd-step.js";

describe("gradient-descent/gd-step (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
