// Visible tests for strategies/gradient-noise: run them with `npm test`.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { check } from "./gradient-noise.check.js";
import * as submission from "./gradient-noise.js";

describe(check.id, () => {
  for (const c of check.cases) test(c.name, () => assertCase(c, submission));
});
