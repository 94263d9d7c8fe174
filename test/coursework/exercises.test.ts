// The exercise catalogue and its files: every code exercise is complete, its
// reference solution passes its visible checks, its stub fails them as
// "not implemented", and the page's starter code runs in the sandbox.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCase } from "../../exercises/check.js";
import { CHECKS } from "../../exercises/checks.js";
import { EXERCISES } from "../../exercises/index.js";
import { buildCatalogue } from "../../scripts/coursework/catalogue.js";
import { exerciseFiles, ROOT } from "../../scripts/coursework/files.js";
import { solutionRegions, starterScript, stubSolutions } from "../../scripts/coursework/solutions.js";
import { COURSE } from "../../src/course.js";
import { adaptExercise } from "../../src/components/editor/sandbox/exercise.js";
import { evaluate } from "../../src/components/editor/sandbox/evaluate.js";
import * as lib from "../../lib/index.js";

const code = EXERCISES.filter((e) => e.kind === "code");
const slugs = COURSE.flatMap((p) => p.chapters.map((c) => c.path));

describe("the catalogue", () => {
  test("ids are unique, <chapter>/<name>, in a chapter of the course, with points and a statement", () => {
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
    for (const e of EXERCISES) {
      expect(e.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(e.id.split("/")[0]).toBe(e.chapter);
      expect(slugs).toContain(e.chapter);
      expect(e.points).toBeGreaterThan(0);
      expect(e.statement.length).toBeGreaterThan(20);
    }
  });

  test("the chapters the issue names all have a code exercise", () => {
    const chapters = new Set(code.map((e) => e.chapter));
    for (const c of ["gradient-descent", "learning-rate", "schedules", "ewa", "momentum", "nesterov", "adagrad", "rmsprop-adadelta", "adam"]) expect(chapters).toContain(c);
  });

  test("every code exercise has its module, check, visible and hidden tests, and a check registered under its id", () => {
    expect(Object.keys(CHECKS).sort()).toEqual(code.map((e) => e.id).sort());
    for (const e of code) {
      for (const path of Object.values(exerciseFiles(e.id))) expect(existsSync(join(ROOT, path)), path).toBe(true);
      expect(CHECKS[e.id].cases.length).toBeGreaterThan(0);
    }
  });

  test("every module marks a solution, and its exports are the check's", () => {
    for (const e of code) {
      const text = readFileSync(join(ROOT, exerciseFiles(e.id).module), "utf8");
      expect(solutionRegions(text).length, e.id).toBeGreaterThan(0);
      const exported = [...text.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
      expect(exported.sort(), e.id).toEqual([...CHECKS[e.id].exports].sort());
    }
  });

  test("check modules import their exercise module with `import type` only (no solution can be bundled)", () => {
    for (const e of code) {
      const text = readFileSync(join(ROOT, exerciseFiles(e.id).check), "utf8");
      const name = e.id.split("/")[1];
      for (const m of text.matchAll(/^import (.*) from "(.*)";$/gm)) {
        if (m[2] === `./${name}.js`) expect(m[1], e.id).toMatch(/^type /);
        expect(m[2]).not.toMatch(/hidden/);
      }
    }
  });
});

describe.each(code.map((e) => e.id))("%s", (id) => {
  test("the reference solution passes every visible check", async () => {
    const module = await import(join(ROOT, exerciseFiles(id).module));
    for (const c of CHECKS[id].cases) {
      const r = runCase(c, module);
      expect(r.pass, `${c.name}: ${r.message}`).toBe(true);
    }
  });

  test("the page's starter code runs in the sandbox and every check reports “not implemented”", async () => {
    const entry = buildCatalogue().find((e) => e.id === id)!;
    expect(entry.starter).toContain('throw new Error("not implemented")');
    const run = await evaluate(entry.starter!, lib as unknown as Record<string, unknown>);
    expect(run.ok, JSON.stringify(run)).toBe(true);
    const result = adaptExercise(run.ok ? run.value : undefined, { id });
    expect(result.untouched).toBe(true);
    expect(result.passed).toBe(0);
  });

  test("the solution typed into the page (as JavaScript) passes in the sandbox", async () => {
    const text = readFileSync(join(ROOT, exerciseFiles(id).module), "utf8");
    const solved = text.replace(/^\s*\/\/\s*(BEGIN|END) SOLUTION.*$/gm, "");
    const js = starterScript(solved, CHECKS[id].exports);
    const run = await evaluate(js, lib as unknown as Record<string, unknown>);
    expect(run.ok, JSON.stringify(run)).toBe(true);
    const result = adaptExercise(run.ok ? run.value : undefined, { id });
    expect(result.results.filter((r) => !r.pass)).toEqual([]);
  });
});

describe("solution regions", () => {
  test("a region becomes a stub at its indentation", () => {
    const text = "export function f(x: number): number {\n    // BEGIN SOLUTION\n    return 2 * x;\n    // END SOLUTION\n}\n";
    expect(stubSolutions(text)).toBe('export function f(x: number): number {\n    // TODO: your code here.\n    throw new Error("not implemented");\n}\n');
  });

  test("unbalanced markers are errors that name the line", () => {
    expect(() => solutionRegions("// BEGIN SOLUTION\nx\n", "m.ts")).toThrow(/m\.ts:1: BEGIN SOLUTION without an END/);
    expect(() => solutionRegions("x\n// END SOLUTION\n", "m.ts")).toThrow(/m\.ts:2: END SOLUTION without a BEGIN/);
    expect(() => solutionRegions("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n")).toThrow(/inside the region/);
  });
});

describe("feedback", () => {
  test("a wrong answer is told which mistake it matches", () => {
    const noCorrection = {
      adamStep(x: Float64Array, g: Float64Array, s: { t: number; m: Float64Array; v: Float64Array }, h: { lr: number; beta1: number; beta2: number; eps: number }) {
        s.t += 1;
        for (let i = 0; i < x.length; i++) {
          s.m[i] = h.beta1 * s.m[i] + (1 - h.beta1) * g[i];
          s.v[i] = h.beta2 * s.v[i] + (1 - h.beta2) * g[i] * g[i];
          x[i] -= (h.lr * s.m[i]) / (Math.sqrt(s.v[i]) + h.eps);
        }
      },
    };
    const r = runCase(CHECKS["adam/adam-step"].cases[0], noCorrection);
    expect(r.pass).toBe(false);
    expect(r.message).toMatch(/first differ from the library's adam at step 1/);
    expect(r.message).toMatch(/expected x\[0\] = .*, got /);
    expect(r.message).toMatch(/no bias correction/);
  });

  test("a schedule off by one step says so", () => {
    const r = runCase(CHECKS["schedules/step-decay"].cases[0], { stepDecay: (lr0: number, d: number, k: number) => (t: number) => lr0 * d ** Math.floor((t - 1) / k) });
    expect(r.message).toMatch(/at step t = 2 the rate should be 0\.5, your schedule gives 1/);
    expect(r.message).toMatch(/⌊\(t − 1\)\/r⌋/);
  });

  test("an error thrown by the reader's code in the page names its line", async () => {
    const run = await evaluate("function gdStep(x, g, lr) {\n  null.boom;\n}\nreturn {gdStep};", lib as unknown as Record<string, unknown>);
    const result = adaptExercise(run.ok ? run.value : undefined, { id: "gradient-descent/gd-step" });
    expect(result.results[0].message).toMatch(/TypeError: .*\(line 2 of your code\)/);
  });

  test("returning the wrong thing is a shape error naming what to return", () => {
    expect(() => adaptExercise(undefined, { id: "adam/adam-step" })).toThrow(/return \{adamStep\}/);
    expect(() => adaptExercise({ adam: () => 0 }, { id: "adam/adam-step" })).toThrow(/no function adamStep/);
    expect(adaptExercise(() => undefined, { id: "adam/adam-step" }).total).toBeGreaterThan(0);
  });
});
