// Visible tests for minibatch/minibatch-sgd: run them with `npm test`.
import { describe, test } from "vitest";
import { assertCase } from "../check.js";
import { check } from "./minibatch-sgd.check.js";
import * as submission from "./minibatch-sgd.js";

describe(check.id, () => {
  for (const c of check.cases) test(c.name, () => assertCase(c, submission));
});
