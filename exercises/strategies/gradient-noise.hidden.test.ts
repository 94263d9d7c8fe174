// Hidden tests for strategies/gradient-noise (grading only; not in the student edition): the cases of gradient-noise.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./gradient-noise.hidden.js";
import * as submission from "./gradient-noise.js";

describe("strategies/gradient-noise (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
