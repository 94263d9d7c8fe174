// Visible tests for ewa/bias-corrected: run them with `npm test`.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { check } from "./bias-corrected.check.js";
import * as submission from "./bias-corrected.js";

describe(check.id, () => {
  for (const c of check.cases) test(c.name, () => assertCase(c, submission));
});
