// Visible tests for strategies/patience-rule: run them with `npm test`.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { check } from "./patience-rule.check.js";
import * as submission from "./patience-rule.js";

describe(check.id, () => {
  for (const c of check.cases) test(c.name, () => assertCase(c, submission));
});
