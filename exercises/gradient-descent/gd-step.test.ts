// Visible tests for gradient-descent/gd-step: run them with `npm test`.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { check } from "./gd-step.check.js";
import * as submission from "./gd-step.js";

describe(check.id, () => {
  for (const c of check.cases) test(c.name, () => assertCase(c, submission));
});
