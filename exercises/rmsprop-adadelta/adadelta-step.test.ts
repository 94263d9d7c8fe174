// Visible tests for rmsprop-adadelta/adadelta-step: run them with `npm test`.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { check } from "./adadelta-step.check.js";
import * as submission from "./adadelta-step.js";

describe(check.id, () => {
  for (const c of check.cases) test(c.name, () => assertCase(c, submission));
});
