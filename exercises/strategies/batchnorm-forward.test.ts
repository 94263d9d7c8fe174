// Visible tests for strategies/batchnorm-forward: run them with `npm test`.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { check } from "./batchnorm-forward.check.js";
import * as submission from "./batchnorm-forward.js";

describe(check.id, () => {
  for (const c of check.cases) test(c.name, () => assertCase(c, submission));
});
