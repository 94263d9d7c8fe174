// Hidden tests for strategies/batchnorm-forward (grading only; not in the student edition): the cases of batchnorm-forward.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./batchnorm-forward.hidden.js";
import * as submission from "./batchnorm-forward.js";

describe("strategies/batchnorm-forward (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
