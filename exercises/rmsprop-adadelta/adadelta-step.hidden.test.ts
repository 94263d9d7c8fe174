// Hidden tests for rmsprop-adadelta/adadelta-step (grading only; not in the student edition): the cases of adadelta-step.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./adadelta-step.hidden.js";
import * as submission from "./adadelta-step.js";

describe("rmsprop-adadelta/adadelta-step (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
