// Hidden tests for learning-rate/max-stable-lr (grading only; not in the student edition): the cases of max-stable-lr.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./max-stable-lr.hidden.js";
import * as submission from "./max-stable-lr.js";

describe("learning-rate/max-stable-lr (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
