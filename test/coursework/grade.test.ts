// The grader: a correct submission scores full marks, a broken one partial
// marks with feedback; results.json follows Gradescope's schema.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EXERCISES } from "../../exercises/index.js";
import { writeStudentEdition } from "../../scripts/coursework/edition.js";
import { exerciseFiles, ROOT } from "../../scripts/coursework/files.js";
import { gradescopeProblems } from "../../scripts/coursework/gradescope-schema.js";
import { grade, splitPoints, type GradeReport } from "../../scripts/coursework/grading.js";

const CHAPTERS = ["gradient-descent", "ewa", "adam"];
const ids = EXERCISES.filter((e) => e.kind === "code" && CHAPTERS.includes(e.chapter)).map((e) => e.id);
const maxPoints = EXERCISES.filter((e) => ids.includes(e.id)).reduce((s, e) => s + e.points, 0);
const scratch = mkdtempSync(join(tmpdir(), "descent-grade-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A student's folder: the student edition with the given modules filled in. */
function submission(name: string, fill: (id: string, path: string) => void): string {
  const dir = join(scratch, name);
  writeStudentEdition({ chapters: CHAPTERS, out: dir });
  for (const id of ids) fill(id, join(dir, exerciseFiles(id).module));
  return dir;
}

describe("a correct submission", () => {
  let report: GradeReport;
  beforeAll(async () => {
    const dir = submission("correct", (id, path) => cpSync(join(ROOT, exerciseFiles(id).module), path));
    report = await grade({ submission: dir });
  }, 180_000);

  test("scores full marks, every test passing", () => {
    expect(report.results.score).toBe(maxPoints);
    expect(report.results.tests.every((t) => t.status === "passed" && t.score === t.max_score)).toBe(true);
    expect(report.exercises.map((e) => e.id)).toEqual(ids);
    for (const e of report.exercises) expect(e.score).toBe(e.maxScore);
  });

  test("runs the hidden tests too, marked after_published", () => {
    const hidden = report.results.tests.filter((t) => t.visibility === "after_published");
    const visible = report.results.tests.filter((t) => t.visibility === "visible");
    expect(hidden.length).toBeGreaterThan(0);
    expect(visible.length).toBeGreaterThan(0);
    expect(hidden.every((t) => t.name.endsWith("(hidden)"))).toBe(true);
    // Half of each exercise's points ride on its hidden tests.
    expect(hidden.reduce((s, t) => s + t.max_score, 0)).toBeCloseTo(maxPoints / 2, 6);
  });

  test("the top-level output reveals no hidden-test points while the hidden tests are not visible", () => {
    expect(report.results.output).toMatch(/25 of 25 points on the visible tests/);
    expect(report.results.output).not.toMatch(/\b50\b/);
    expect(report.results.output).toMatch(/shown when the grades are published/);
  });

  test("results.json follows Gradescope's schema", () => {
    expect(gradescopeProblems(report.results)).toEqual([]);
    expect(report.results.execution_time).toBeGreaterThanOrEqual(1);
    expect(new Set(report.results.tests.map((t) => t.number)).size).toBe(report.results.tests.length);
  });
});

describe("a broken submission, graded from the command line", () => {
  let results: GradeReport["results"];
  let markdown: string;
  beforeAll(() => {
    const dir = submission("broken", (id, path) => {
      const text = readFileSync(join(ROOT, exerciseFiles(id).module), "utf8");
      if (id === "ewa/bias-corrected") writeFileSync(path, text); // right
      else if (id === "adam/adam-step") writeFileSync(path, text.replace("const mHat = state.m[i] / correction1;", "const mHat = state.m[i];")); // m not corrected
      else if (id === "gradient-descent/gd-quadratic") unlinkSync(path); // not handed in
      // gradient-descent/gd-step: left as the stub
    });
    const out = join(scratch, "broken-results");
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/grade.ts"), dir, "--out", out, "--chapters", CHAPTERS.join(",")], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Score: [\d.]+ \/ 50/);
    results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    markdown = readFileSync(join(out, "report.md"), "utf8");
  }, 180_000);

  const scoreOf = (id: string) => results.tests.filter((t) => t.name.startsWith(`${id}:`)).reduce((s, t) => s + t.score, 0);

  test("scores partial marks: full for the right exercise, none for the stub and the missing file, some for the slip", () => {
    expect(results.score).toBeGreaterThan(0);
    expect(results.score).toBeLessThan(maxPoints);
    expect(scoreOf("ewa/bias-corrected")).toBeCloseTo(5, 6);
    expect(scoreOf("gradient-descent/gd-step")).toBe(0);
    expect(scoreOf("gradient-descent/gd-quadratic")).toBe(0);
    const adam = scoreOf("adam/adam-step");
    expect(adam).toBeGreaterThan(0); // β₁ = 0 makes the slip harmless: that hidden test passes
    expect(adam).toBeLessThan(15);
    expect(results.score).toBeCloseTo(5 + adam, 6);
  });

  test("says why each test failed", () => {
    const stub = results.tests.find((t) => t.name.startsWith("gradient-descent/gd-step:"))!;
    expect(stub.output).toMatch(/not implemented/);
    const missing = results.tests.filter((t) => t.name.startsWith("gradient-descent/gd-quadratic:"));
    expect(missing.length).toBe(7); // 3 visible and 4 hidden cases, each failed with the reason
    for (const t of missing) expect(t.output).toMatch(/exercises\/gradient-descent\/gd-quadratic\.ts was not found in the submission/);
    expect(missing.reduce((s, t) => s + t.max_score, 0)).toBeCloseTo(10, 6);
    const adam = results.tests.find((t) => t.name.startsWith("adam/adam-step:") && t.status === "failed")!;
    expect(adam.output).toMatch(/You corrected v but not m/);
    expect(adam.output).not.toMatch(/\u001b\[|    at /); // no colours, no stack
  });

  test("writes a valid results.json and a report for people", () => {
    expect(gradescopeProblems(results)).toEqual([]);
    expect(markdown).toMatch(/^# Descent: grading report/);
    expect(markdown).toMatch(/\*\*Score: [\d.]+ \/ 50\*\*/);
    expect(markdown).toMatch(/gradient-descent\/gd-quadratic`\) — not submitted \| 0 \| 10 \|/);
  });
});

describe("the Gradescope schema check", () => {
  test("rejects what Gradescope would reject", () => {
    expect(gradescopeProblems([])).toEqual(["results.json must be an object"]);
    expect(gradescopeProblems({ score: "10" })).toContain("score must be a finite number");
    expect(gradescopeProblems({ score: 1, tests: [{ name: "a", score: 2, max_score: 1 }] })).toEqual(expect.arrayContaining(["tests[0].score must be within [0, max_score]"]));
    expect(gradescopeProblems({ score: 1, tests: [{ name: "a", score: 1, max_score: 1, visibility: "secret" }] })[0]).toMatch(/visibility must be one of/);
    expect(gradescopeProblems({ score: 3, tests: [{ name: "a", score: 1, max_score: 1 }] })[0]).toMatch(/not the sum/);
    expect(gradescopeProblems({ score: 1, bogus: 1, tests: [{ name: "a", score: 1, max_score: 1, number: "1.1", status: "passed", output: "", visibility: "hidden" }] })).toEqual(['unknown top-level key "bogus"']);
    expect(gradescopeProblems({ score: 1, execution_time: 3, output: "", visibility: "visible", stdout_visibility: "hidden", tests: [{ name: "a", score: 1, max_score: 1 }] })).toEqual([]);
  });

  test("points split into hundredths that add up", () => {
    expect(splitPoints(10, 3)).toEqual([3.34, 3.33, 3.33]);
    expect(splitPoints(2.5, 4)).toEqual([0.63, 0.63, 0.62, 0.62]);
    expect(splitPoints(7.5, 5).reduce((a, b) => a + b, 0)).toBeCloseTo(7.5, 10);
  });
});
