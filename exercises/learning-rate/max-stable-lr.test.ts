// Visible tests for learning-rate/max-stable-lr: run them with `npm test`.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { check } from "./max-stable-lr.check.js";
import * as submission from "./max-stable-lr.js";

describe(check.id, () => {
  for (const c of check.cases) test(c.name, () => assertCase(c, submission));
});
