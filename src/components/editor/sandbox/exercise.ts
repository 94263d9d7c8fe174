/**
 * The `exercise` adapter, in two halves that never share a worker:
 *
 * - `recordExercise` runs in the sandbox, next to the reader's code: the code
 *   returns the functions an exercise asks for (`return {adamStep}`, or the
 *   one function itself), and the exercise's visible checks
 *   (exercises/checks.ts) call them through a recorder. It returns only the
 *   transcript of those calls (transcript.ts), never a verdict.
 * - `verifyExercise` runs in a worker of the page's origin that receives only
 *   that transcript (verify.ts): it runs the same checks against a replay of
 *   the transcript and returns one result per check — pass or fail, with
 *   feedback — for the page to list and record. Reader code cannot reach it,
 *   so it cannot forge a pass.
 *
 * Only the checks are bundled: they import the exercise modules with
 * `import type`, so no solution reaches the page; hidden tests are never
 * imported.
 */
import { runCase, visibleCases, type CaseResult } from "../../../../exercises/check.js";
import { STUDENT_ID } from "../../../lib/variant.js";
import { CHECKS } from "../../../../exercises/checks.js";
import { ShapeError } from "./adapters.js";
import { locationInStack } from "./evaluate.js";
import { Recorder, Replay, ReplayedError, type Transcript } from "./transcript.js";

export interface ExerciseResult {
  id: string;
  results: CaseResult[];
  passed: number;
  total: number;
  /** Every check failed because the code still throws "not implemented" (an untouched stub). */
  untouched: boolean;
}

function checkFor(id: unknown) {
  if (typeof id !== "string" || !Object.hasOwn(CHECKS, id)) throw new RangeError(`params.id must name an exercise with checks, got ${JSON.stringify(id)}`);
  return CHECKS[id];
}

/** The reader's student id from the page's params (null: the published variant). */
function studentOf(value: unknown): string | null {
  return typeof value === "string" && STUDENT_ID.test(value) ? value : null;
}

/** In the sandbox: runs the checks of the reader's variant (params.student) on the reader's functions and returns the transcript of their calls. */
export function recordExercise(value: unknown, params: Record<string, unknown>): Transcript {
  const check = checkFor(params.id);
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
  const recorder = new Recorder((error) => locationInStack(error instanceof Error ? error.stack : undefined)?.line);
  const wrapped: Record<string, unknown> = {};
  const exports: Record<string, number> = {};
  for (const name of names) {
    const f = submission[name] as (...a: unknown[]) => unknown;
    wrapped[name] = recorder.wrap(f);
    exports[name] = recorder.id(f);
  }
  for (const c of visibleCases(check, studentOf(params.student))) {
    recorder.beginCase();
    runCase(c, wrapped);
  }
  return { id: check.id, exports, cases: recorder.cases };
}

/** Out of the sandbox's reach: the verdict of the checks, replayed from a transcript. */
export function verifyExercise(transcript: unknown, expectedId: string, student: string | null = null): ExerciseResult {
  const check = checkFor(expectedId);
  const checkCases = visibleCases(check, studentOf(student));
  const t = transcript as Partial<Transcript> | null;
  const cases = t && typeof t === "object" && t.id === expectedId && Array.isArray(t.cases) && t.cases.length === checkCases.length ? t.cases : null;
  const exports = t && typeof t.exports === "object" && t.exports !== null ? t.exports : {};
  const results: CaseResult[] = checkCases.map((c, i) => {
    const calls = cases?.[i]?.calls;
    if (!cases || !Array.isArray(calls)) return { name: c.name, pass: false, message: "This check could not be verified: the sandbox sent no record of it." };
    const replay = new Replay(calls);
    const submission: Record<string, unknown> = {};
    for (const name of check.exports) {
      const handle = (exports as Record<string, unknown>)[name];
      if (typeof handle === "number") submission[name] = replay.fn(handle);
    }
    const result = runCase(c, submission, (error) => (error instanceof ReplayedError && error.line !== undefined ? ` (line ${error.line} of your code)` : undefined));
    if (!replay.complete) return { name: c.name, pass: false, message: `This check could not be verified (${replay.mismatch}). Run the code again; if it keeps happening, the code may depend on something other than its arguments, such as Math.random or a value kept between calls.` };
    return result;
  });
  const passed = results.filter((r) => r.pass).length;
  return { id: expectedId, results, passed, total: results.length, untouched: results.every((r) => r.notImplemented) };
}

/** Both halves in one place (for Node tests): record the reader's functions, then replay the transcript. */
export function adaptExercise(value: unknown, params: Record<string, unknown>): ExerciseResult {
  const transcript = recordExercise(value, params);
  return verifyExercise(structuredClone(transcript), transcript.id, studentOf(params.student));
}
