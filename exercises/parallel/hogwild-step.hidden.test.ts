// Hidden tests for parallel/hogwild-step (grading only; not in the student edition): the cases of hogwild-step.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./hogwild-step.hidden.js";
import * as submission from "./hogwild-step.js";

describe("parallel/hogwild-step (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
