// Hidden tests for gradient-descent/gd-quadratic (grading only; not in the student edition): the cases of gd-quadratic.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./gd-quadratic.hidden.js";
import * as submission from "./gd-quadratic.js";

describe("gradient-descent/gd-quadratic (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
