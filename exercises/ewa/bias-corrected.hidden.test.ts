// Hidden tests for ewa/bias-corrected (grading only; not in the student edition): the cases of bias-corrected.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./bias-corrected.hidden.js";
import * as submission from "./bias-corrected.js";

describe("ewa/bias-corrected (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
