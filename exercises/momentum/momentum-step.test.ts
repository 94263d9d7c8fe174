// Visible tests for momentum/momentum-step: run them with `npm test`.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { check } from "./momentum-step.check.js";
import * as submission from "./momentum-step.js";

describe(check.id, () => {
  for (const c of check.cases) test(c.name, () => assertCase(c, submission));
});
