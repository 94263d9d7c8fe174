// Hidden tests for rmsprop-adadelta/rmsprop-step (grading only; not in the student edition): the cases of rmsprop-step.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./rmsprop-step.hidden.js";
import * as submission from "./rmsprop-step.js";

describe("rmsprop-adadelta/rmsprop-step (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
