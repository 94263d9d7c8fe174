// Hidden tests for strategies/patience-rule (grading only; not in the student edition): the cases of patience-rule.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./patience-rule.hidden.js";
import * as submission from "./patience-rule.js";

describe("strategies/patience-rule (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
