// Hidden tests for momentum/momentum-step (grading only; not in the student edition): the cases of momentum-step.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./momentum-step.hidden.js";
import * as submission from "./momentum-step.js";

describe("momentum/momentum-step (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
