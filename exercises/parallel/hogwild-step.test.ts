// Visible tests for parallel/hogwild-step: run them with `npm test`.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { check } from "./hogwild-step.check.js";
import * as submission from "./hogwild-step.js";

describe(check.id, () => {
  for (const c of check.cases) test(c.name, () => assertCase(c, submission));
});
