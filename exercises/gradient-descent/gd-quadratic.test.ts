// Visible tests for gradient-descent/gd-quadratic: run them with `npm test`.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { check } from "./gd-quadratic.check.js";
import * as submission from "./gd-quadratic.js";

describe(check.id, () => {
  for (const c of check.cases) test(c.name, () => assertCase(c, submission));
});
