// Exercise verdicts are replayed from a transcript out of the code's reach:
// an honest transcript gives the same verdict as the live functions, and a
// forged one cannot pass a check without claiming the right outputs.
import { describe, expect, test } from "vitest";
import { adaptExercise, recordExercise, verifyExercise } from "../../src/components/editor/sandbox/exercise.js";
import { Recorder, Replay } from "../../src/components/editor/sandbox/transcript.js";

const ID = "gradient-descent/gd-step";
const correct = (x: Float64Array, g: Float64Array, lr: number) => {
  for (let i = 0; i < x.length; i++) x[i] -= lr * g[i];
};
const uphill = (x: Float64Array, g: Float64Array, lr: number) => {
  for (let i = 0; i < x.length; i++) x[i] += lr * g[i];
};

describe("recordExercise + verifyExercise", () => {
  test("an honest transcript of a correct step passes every check", () => {
    const r = verifyExercise(structuredClone(recordExercise({ gdStep: correct }, { id: ID })), ID);
    expect(r.passed).toBe(r.total);
    expect(r.total).toBeGreaterThan(0);
  });

  test("an honest transcript of a wrong step fails with the checks' own feedback", () => {
    const r = adaptExercise({ gdStep: uphill }, { id: ID });
    expect(r.passed).toBe(0);
    expect(r.results[0].message).toMatch(/should be/);
  });

  test("an error thrown by the reader's code is replayed with its line", () => {
    const r = adaptExercise(new Function("return {gdStep: (x) => { null.f; }};")(), { id: ID });
    expect(r.results[0].message).toMatch(/TypeError/);
  });

  test("a verdict-shaped forgery, an empty transcript or one for another exercise passes nothing", () => {
    const verdict = { id: ID, results: [{ name: "forged", pass: true, message: "" }], passed: 4, total: 4, untouched: false };
    for (const forged of [verdict, null, 42, { id: ID, exports: { gdStep: 0 }, cases: [] }, { ...recordExercise({ gdStep: correct }, { id: ID }), id: "adam/adam-step" }]) {
      const r = verifyExercise(forged, ID);
      expect(r.passed).toBe(0);
      expect(r.results.every((c) => /could not be verified/.test(c.message))).toBe(true);
    }
  });

  test("a transcript that claims outputs for other inputs, or skips calls, is unverifiable", () => {
    const honest = recordExercise({ gdStep: correct }, { id: ID });
    const shifted = structuredClone(honest);
    const call = shifted.cases[0].calls[0];
    (call.args[0] as { v: Float64Array }).v[0] += 1; // different inputs than the check will pass
    expect(verifyExercise(shifted, ID).results[0].message).toMatch(/could not be verified \(different arguments/);
    const short = structuredClone(honest);
    short.cases[0].calls.pop();
    expect(verifyExercise(short, ID).results[0].pass).toBe(false);
  });

  test("a transcript cannot write an object's prototype", () => {
    const replay = new Replay([{ fn: 0, args: [{ k: "obj", entries: [] }], after: [{ k: "obj", entries: [["__proto__", { k: "obj", entries: [["polluted", { k: "v", v: true }]] }]] }] }]);
    const target: Record<string, unknown> = {};
    expect(() => replay.fn(0)(target)).toThrow(/malformed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
  });

  test("functions returned by the reader's code (a schedule) are recorded and replayed by handle", () => {
    const rec = new Recorder();
    rec.beginCase();
    const make = rec.wrap(((k: number) => (t: number) => k * t) as (...a: unknown[]) => unknown);
    const f = make(2) as (t: number) => number;
    expect(f(3)).toBe(6);
    const replay = new Replay(structuredClone(rec.cases[0].calls));
    const g = replay.fn(0)(2) as (t: number) => number;
    expect(g(3)).toBe(6);
    expect(replay.complete).toBe(true);
  });
});
