// Hidden tests for adagrad/adagrad-step (grading only; not in the student edition): the cases of adagrad-step.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./adagrad-step.hidden.js";
import * as submission from "./adagrad-step.js";

describe("adagrad/adagrad-step (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
