// The assignment kit: the student edition is standalone, holds no solution
// and no hidden test, type-checks, and its visible tests fail on the stubs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EXERCISES } from "../../exercises/index.js";
import { MARKER, writeStudentEdition, type AssignmentManifest } from "../../scripts/coursework/edition.js";
import { exerciseFiles, ROOT } from "../../scripts/coursework/files.js";
import { solutionRegions } from "../../scripts/coursework/solutions.js";
import { solutionLines } from "./solution-lines.js";
import { fixturePath } from "../../scripts/coursework/fixtures.js";
import { LIBRARY_SOLUTIONS } from "../../scripts/coursework/library-solutions.js";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules") return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const scratch = mkdtempSync(join(tmpdir(), "descent-kit-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the student edition of every chapter", () => {
  const out = join(scratch, "all");
  let manifest: AssignmentManifest;
  beforeAll(() => {
    manifest = writeStudentEdition({ chapters: [], out });
  });

  test("holds every code exercise's module, recorded cases and visible test, and no check, hidden case or hidden test", () => {
    const paths = files(out).map((p) => relative(out, p));
    for (const e of EXERCISES.filter((x) => x.kind === "code")) {
      const f = exerciseFiles(e.id);
      expect(paths).toContain(f.module);
      expect(paths).toContain(fixturePath(e.id));
      expect(paths).toContain(f.test);
      expect(paths).not.toContain(f.check);
      expect(paths).not.toContain(f.hidden);
      expect(paths).not.toContain(f.hiddenCases);
    }
    expect(paths.filter((p) => /hidden/.test(p))).toEqual([]);
    expect(paths).toContain("exercises/fixture.ts");
    expect(paths).not.toContain("exercises/check.ts");
    expect(paths).toContain("README.md");
    expect(paths).toContain(MARKER);
  });

  test("holds no solution: no region's text, no solution line in any exercise file, README or manifest", () => {
    const all = files(out).map((p) => ({ path: relative(out, p), text: readFileSync(p, "utf8") }));
    for (const e of EXERCISES.filter((x) => x.kind === "code")) {
      for (const r of solutionRegions(readFileSync(join(ROOT, exerciseFiles(e.id).module), "utf8"))) {
        const body = r.body.join("\n").trim();
        for (const f of all) expect(f.text.includes(body), `${e.id} in ${f.path}`).toBe(false);
      }
    }
    const own = all;
    for (const { id, line } of solutionLines()) for (const f of own) expect(f.text.includes(line), `${id}: “${line}” in ${f.path}`).toBe(false);
    for (const f of own.filter((x) => x.path.endsWith(".ts"))) expect(f.text).not.toMatch(/BEGIN SOLUTION|END SOLUTION/);
  });

  test("ships none of the library the exercises re-implement: only what the exercise modules import", () => {
    const lib = files(out).map((p) => relative(out, p)).filter((p) => p.startsWith("lib/"));
    // lib/random.ts: the gradient-noise exercise draws its noise from the seeded generator.
    expect(lib.sort()).toEqual(["lib/objectives/quadratic.ts", "lib/random.ts", "lib/types.ts", "lib/validate.ts"]);
    const all = files(out).map((p) => ({ path: relative(out, p), text: readFileSync(p, "utf8") }));
    for (const [id, paths] of Object.entries(LIBRARY_SOLUTIONS)) {
      for (const path of paths) {
        expect(lib, `${id}: ${path}`).not.toContain(path);
        // Its distinctive lines (the update loop, not an import or a brace) appear nowhere either.
        const lines = readFileSync(join(ROOT, path), "utf8").split("\n").map((l) => l.trim())
          .filter((l) => l.length >= 30 && !/^(\/\/|\*|\/\*\*|import |export \{|export type|export interface|readonly )/.test(l));
        expect(lines.length, path).toBeGreaterThan(0);
        for (const line of lines) for (const f of all) expect(f.text.includes(line), `${path}: “${line}” in ${f.path}`).toBe(false);
      }
    }
  });

  test("each solution region became a stub that throws “not implemented”", () => {
    for (const e of EXERCISES.filter((x) => x.kind === "code")) {
      const regions = solutionRegions(readFileSync(join(ROOT, exerciseFiles(e.id).module), "utf8")).length;
      const stub = readFileSync(join(out, exerciseFiles(e.id).module), "utf8");
      expect(stub.match(/throw new Error\("not implemented"\);/g)?.length, e.id).toBe(regions);
    }
  });

  test("package.json needs only vitest and typescript, and `npm test` runs vitest", () => {
    const pkg = JSON.parse(readFileSync(join(out, "package.json"), "utf8"));
    expect(pkg.dependencies).toBeUndefined();
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(["typescript", "vitest"]);
    expect(pkg.devDependencies.vitest).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts.test).toBe("vitest run");
    expect(pkg.type).toBe("module");
  });

  test("the manifest and README list the exercises and their points", () => {
    const code = EXERCISES.filter((e) => e.kind === "code");
    expect(manifest.points.autograded).toBe(code.reduce((s, e) => s + e.points, 0));
    const readme = readFileSync(join(out, "README.md"), "utf8");
    for (const e of code) expect(readme).toContain(`exercises/${e.id}.ts`);
    for (const e of EXERCISES.filter((x) => x.kind === "concept")) expect(readme).toContain(e.title);
  });

  test("the library's imports are all there (everything lib/ and the exercises import resolves)", () => {
    for (const f of files(out).filter((p) => p.endsWith(".ts"))) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/from "(\.{1,2}\/[^"]+)\.js"/g)) {
        expect(existsSync(join(f, "..", `${m[1]}.ts`)), `${relative(out, f)} imports ${m[1]}.js`).toBe(true);
      }
    }
  });
});

describe("a student edition of two chapters, run as a student would", () => {
  const out = join(scratch, "two");
  beforeAll(() => {
    writeStudentEdition({ chapters: ["ewa", "adam"], out });
    symlinkSync(join(ROOT, "node_modules"), join(out, "node_modules"), "dir");
  });

  test("type-checks", () => {
    const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", "."], { cwd: out, encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  }, 120_000);

  test("its visible tests run and fail on the stubs, saying “not implemented”", () => {
    const report = join(out, "report.json");
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--reporter=json", `--outputFile=${report}`], { cwd: out, encoding: "utf8", env: { ...process.env, CI: "true" } });
    expect(run.status).toBe(1);
    const json = JSON.parse(readFileSync(report, "utf8"));
    const files = json.testResults.map((r: { name: string }) => relative(out, r.name)).sort();
    expect(files).toEqual(["exercises/adam/adam-step.test.ts", "exercises/adam/nadam-step.test.ts", "exercises/ewa/bias-corrected.test.ts"]);
    expect(json.numTotalTests).toBeGreaterThan(3);
    expect(json.numPassedTests).toBe(0);
    for (const r of json.testResults) for (const a of r.assertionResults) expect(a.failureMessages.join("\n")).toMatch(/not implemented/);
  }, 120_000);

  test("with the reference solutions in place, its visible tests pass (the recorded cases replay)", () => {
    const filled = join(scratch, "two-filled");
    writeStudentEdition({ chapters: ["ewa", "adam"], out: filled });
    symlinkSync(join(ROOT, "node_modules"), join(filled, "node_modules"), "dir");
    for (const id of ["ewa/bias-corrected", "adam/adam-step", "adam/nadam-step"]) writeFileSync(join(filled, exerciseFiles(id).module), readFileSync(join(ROOT, exerciseFiles(id).module), "utf8"));
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run"], { cwd: filled, encoding: "utf8", env: { ...process.env, CI: "true", FORCE_COLOR: "0" } });
    expect((run.stdout + run.stderr).replace(/\u001b\[[0-9;]*m/g, "")).toMatch(/Tests\s+9 passed \(9\)/);
    expect(run.status).toBe(0);
  }, 120_000);

  test("refuses to overwrite a folder unless it is a student edition and --force is given", () => {
    expect(() => writeStudentEdition({ chapters: ["ewa"], out })).toThrow(/not empty/);
    const other = join(scratch, "other");
    mkdirSync(other);
    writeFileSync(join(other, "notes.txt"), "mine");
    expect(() => writeStudentEdition({ chapters: ["ewa"], out: other, force: true })).toThrow(/refusing to delete/);
    expect(readFileSync(join(other, "notes.txt"), "utf8")).toBe("mine");
    expect(() => writeStudentEdition({ chapters: ["no-such-chapter"], out: join(scratch, "x") })).toThrow(/chapters with exercises: gradient-descent/);
  });
});

describe("npm run assignment", () => {
  test("writes the edition and says what to do next", () => {
    const out = join(scratch, "cli");
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/assignment.ts"), "schedules", "--out", out], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/exercises\/schedules\/step-decay\.ts {2}\(5 points\)/);
    expect(run.stdout).toMatch(/npm run grade -- <their folder> --chapters schedules/);
    expect(existsSync(join(out, "exercises/schedules/step-decay.ts"))).toBe(true);
  }, 60_000);
});
