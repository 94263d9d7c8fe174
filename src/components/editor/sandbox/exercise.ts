/**
 * The `exercise` adapter: the reader's code returns the functions an exercise
 * asks for (`return {adamStep}`, or the one function itself), and the adapter
 * runs that exercise's visible checks (exercises/checks.ts) against them, in
 * the worker, next to the library the checks compare with. It returns one
 * result per check — pass or fail, with feedback — for the page to list.
 *
 * Only the checks are bundled here: they import the exercise modules with
 * `import type`, so no solution reaches the page; hidden tests are never
 * imported.
 */
import { runCase, type CaseResult } from "../../../../exercises/check.js";
import { CHECKS } from "../../../../exercises/checks.js";
import { ShapeError } from "./adapters.js";
import { locationInStack } from "./evaluate.js";

export interface ExerciseResult {
  id: string;
  results: CaseResult[];
  passed: number;
  total: number;
  /** Every check failed because the code still throws "not implemented" (an untouched stub). */
  untouched: boolean;
}

export function adaptExercise(value: unknown, params: Record<string, unknown>): ExerciseResult {
  const id = params.id;
  if (typeof id !== "string" || !CHECKS[id]) throw new RangeError(`params.id must name an exercise with checks, got ${JSON.stringify(id)}`);
  const check = CHECKS[id];
  const names = check.exports;
  if (value === undefined) throw new ShapeError(`The code returned nothing. End it with \`return {${names.join(", ")}};\`.`);
  let submission: Record<string, unknown>;
  if (typeof value === "function" && names.length === 1) submission = { [names[0]]: value };
  else if (value !== null && typeof value === "object") submission = value as Record<string, unknown>;
  else throw new ShapeError(`Return the function${names.length > 1 ? "s" : ""} the checks call: \`return {${names.join(", ")}};\`.`);
  const missing = names.filter((n) => typeof submission[n] !== "function");
  if (missing.length) {
    throw new ShapeError(`The returned object has no function ${missing.join(", ")}. End the code with \`return {${names.join(", ")}};\`.`);
  }
  const where = (error: unknown) => {
    const loc = locationInStack(error instanceof Error ? error.stack : undefined);
    return loc ? ` (line ${loc.line} of your code)` : undefined;
  };
  const results = check.cases.map((c) => runCase(c, submission, where));
  const passed = results.filter((r) => r.pass).length;
  return { id, results, passed, total: results.length, untouched: results.every((r) => r.notImplemented) };
}
