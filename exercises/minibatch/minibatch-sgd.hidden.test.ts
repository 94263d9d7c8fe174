// Hidden tests for minibatch/minibatch-sgd (grading only; not in the student edition): the cases of minibatch-sgd.hidden.ts.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { cases } from "./minibatch-sgd.hidden.js";
import * as submission from "./minibatch-sgd.js";

describe("minibatch/minibatch-sgd (hidden)", () => {
  for (const c of cases) test(c.name, () => assertCase(c, submission));
});
