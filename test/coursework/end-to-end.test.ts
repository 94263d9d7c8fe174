// The whole kit, as an instructor and Gradescope use it: `npm run assignment
// -- … --gradescope` writes a student edition and autograder.zip; the zip is
// unpacked into a scratch tree standing in for /autograder (AUTOGRADER_ROOT)
// and `run_autograder` grades five submissions — correct, wrong, library-
// patching, hanging, syntax error — each scored right, in results.json that
// follows Gradescope's schema; the GitHub Classroom workflow parses and has
// one step per exercise with its points; the edition holds no solution and
// no hidden case. Timings are printed.
//
// setup.sh's `npm ci` is not run here (it downloads tsx and typescript); the
// kit's node_modules is linked to this repository's, which has the same
// locked versions.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EXERCISES } from "../../exercises/index.js";
import { stepId } from "../../scripts/coursework/classroom.js";
import { exerciseFiles, ROOT } from "../../scripts/coursework/files.js";
import { gradescopeProblems } from "../../scripts/coursework/gradescope-schema.js";
import { LIBRARY_SOLUTIONS } from "../../scripts/coursework/library-solutions.js";
import { solutionLines } from "./solution-lines.js";

const CHAPTERS = ["gradient-descent", "adam"];
const code = EXERCISES.filter((e) => e.kind === "code" && CHAPTERS.includes(e.chapter));
const scratch = mkdtempSync(join(tmpdir(), "descent-e2e-"));
const edition = join(scratch, "hw1");
const zipFile = join(scratch, "autograder.zip");
const autograder = join(scratch, "autograder");
const timings: Record<string, number> = {};
afterAll(() => {
  console.log("end-to-end timings (s):", Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v / 100) / 10])));
  rmSync(scratch, { recursive: true, force: true });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules") return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const reference = (id: string) => readFileSync(join(ROOT, exerciseFiles(id).module), "utf8");
const SUBMISSIONS: Record<string, Record<string, string>> = {
  correct: Object.fromEntries(code.map((e) => [e.id, reference(e.id)])),
  wrong: {
    "gradient-descent/gd-step": reference("gradient-descent/gd-step").replace("x[i] -= lr * g[i]", "x[i] += lr * g[i]"),
    "gradient-descent/gd-quadratic": reference("gradient-descent/gd-quadratic"),
    "adam/adam-step": reference("adam/adam-step").replace("const mHat = state.m[i] / correction1;", "const mHat = state.m[i];"),
  },
  patching: {
    "gradient-descent/gd-step": reference("gradient-descent/gd-step"),
    "gradient-descent/gd-quadratic": reference("gradient-descent/gd-quadratic"),
    "adam/adam-step": `import { adam } from "../../lib/optimizers/adam.js";
import { sgd } from "../../lib/optimizers/sgd.js";
Object.getPrototypeOf(adam()).step = sgd({ lr: 0.1 }).step;
export function adamStep(x: Float64Array, g: Float64Array, state: { t: number }, hyper: { lr: number }): void {
  state.t += 1;
  for (let i = 0; i < x.length; i++) x[i] -= hyper.lr * g[i];
}
`,
  },
  hanging: {
    "gradient-descent/gd-step": "export function gdStep(x: Float64Array, g: Float64Array, lr: number): void {\n  while (lr === lr) x[0] += 0;\n}\n",
    "gradient-descent/gd-quadratic": reference("gradient-descent/gd-quadratic"),
    "adam/adam-step": reference("adam/adam-step"),
  },
  syntax: {
    "gradient-descent/gd-step": reference("gradient-descent/gd-step"),
    "gradient-descent/gd-quadratic": reference("gradient-descent/gd-quadratic"),
    "adam/adam-step": reference("adam/adam-step").replace("for (let i = 0; i < x.length; i++) {", "for (let i = 0; i < x.length; i++ {"),
  },
};

beforeAll(() => {
  const t0 = Date.now();
  const run = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/assignment.ts"), ...CHAPTERS, "--out", edition, "--gradescope", "--zip", zipFile], { cwd: scratch, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/Gradescope autograder written to autograder\.zip/);
  timings["npm run assignment (edition + zip)"] = Date.now() - t0;
  // Gradescope unpacks the zip into /autograder/source.
  mkdirSync(join(autograder, "source"), { recursive: true });
  execFileSync("unzip", ["-q", zipFile, "-d", join(autograder, "source")]);
  symlinkSync(join(ROOT, "node_modules"), join(autograder, "source", "node_modules"), "dir");
}, 180_000);

describe("the student edition", () => {
  test("holds no solution, no hidden case and none of the library's solution files", () => {
    const all = files(edition).map((p) => ({ path: relative(edition, p), text: readFileSync(p, "utf8") }));
    expect(all.filter((f) => /hidden|\.check\.ts$/.test(f.path))).toEqual([]);
    for (const { id, line } of solutionLines()) for (const f of all) expect(f.text.includes(line), `${id}: ${line} in ${f.path}`).toBe(false);
    for (const paths of Object.values(LIBRARY_SOLUTIONS)) for (const p of paths) expect(existsSync(join(edition, p)), p).toBe(false);
  });

  test("its GitHub Classroom workflow parses and has one step per exercise, with the exercise's points", () => {
    const yaml = createRequire(join(ROOT, "node_modules/@observablehq/framework/package.json"))("js-yaml") as { load(text: string): unknown };
    const wf = yaml.load(readFileSync(join(edition, ".github/workflows/classroom.yml"), "utf8")) as { jobs: Record<string, { steps: Array<{ id?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> }> }> };
    const steps = Object.values(wf.jobs)[0].steps;
    const graders = steps.filter((s) => s.uses?.startsWith("classroom-resources/autograding-command-grader@"));
    expect(graders.map((s) => [s.id, s.with?.["max-score"]])).toEqual(code.map((e) => [stepId(e.id), e.points]));
    for (const [s, e] of graders.map((g, i) => [g, code[i]] as const)) {
      expect(s.with?.command).toBe(`npx vitest run exercises/${e.id}.test.ts`);
      expect(existsSync(join(edition, `exercises/${e.id}.test.ts`))).toBe(true);
    }
    const reporter = steps.find((s) => s.uses?.startsWith("classroom-resources/autograding-grading-reporter@"))!;
    expect(String(reporter.with?.runners).split(",")).toEqual(code.map((e) => stepId(e.id)));
    expect(Object.keys(reporter.env ?? {})).toEqual(code.map((e) => `${stepId(e.id).toUpperCase()}_RESULTS`));
  });
});

describe("autograder.zip, run as Gradescope runs it", () => {
  test("has setup.sh and run_autograder at its root, executable", () => {
    for (const f of ["setup.sh", "run_autograder"]) expect(statSync(join(autograder, "source", f)).mode & 0o111, f).not.toBe(0);
    const lock = JSON.parse(readFileSync(join(autograder, "source", "package-lock.json"), "utf8"));
    expect(Object.keys(lock.packages[""].dependencies).sort()).toEqual(["tsx", "typescript"]);
  });

  /** Grades one submission in the scratch /autograder tree; returns results.json and the seconds it took. */
  function gradeInTree(name: string): { results: { score: number; output: string; tests: Array<{ name: string; score: number; max_score: number; output: string }> }; seconds: number } {
    rmSync(join(autograder, "submission"), { recursive: true, force: true });
    rmSync(join(autograder, "results"), { recursive: true, force: true });
    cpSync(edition, join(autograder, "submission"), { recursive: true });
    for (const [id, text] of Object.entries(SUBMISSIONS[name])) writeFileSync(join(autograder, "submission", exerciseFiles(id).module), text);
    const t0 = Date.now();
    const run = spawnSync("bash", [join(autograder, "source", "run_autograder")], { encoding: "utf8", env: { PATH: process.env.PATH, HOME: process.env.HOME, AUTOGRADER_ROOT: autograder } });
    const seconds = (Date.now() - t0) / 1000;
    timings[`run_autograder: ${name}`] = seconds * 1000;
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(autograder, "results", "results.json"), "utf8"));
    expect(gradescopeProblems(results)).toEqual([]);
    return { results, seconds };
  }
  const scoreOf = (r: { tests: Array<{ name: string; score: number }> }, id: string) => Math.round(r.tests.filter((t) => t.name.startsWith(`${id}:`)).reduce((s, t) => s + t.score, 0) * 100) / 100;

  test("a correct submission: 45 of 45", () => {
    const { results } = gradeInTree("correct");
    expect(results.score).toBe(45);
  }, 300_000);

  test("a wrong one: (almost) nothing for the uphill step, partial for Adam without m's correction", () => {
    const { results } = gradeInTree("wrong");
    // Only hidden edge cases where the sign cannot matter (a zero gradient, η = 0) pass.
    expect(scoreOf(results, "gradient-descent/gd-step")).toBeLessThan(1);
    expect(results.tests.filter((t) => t.name.startsWith("gradient-descent/gd-step:") && t.score > 0).length).toBeLessThanOrEqual(1);
    expect(scoreOf(results, "gradient-descent/gd-quadratic")).toBe(10);
    const adam = scoreOf(results, "adam/adam-step");
    expect(adam).toBeGreaterThan(0); // β₁ = 0 cannot tell the slip from the right rule
    expect(adam).toBeLessThan(15);
    expect(results.tests.find((t) => t.name.startsWith("adam/adam-step: matches adam for 30 steps"))!.output).toMatch(/You corrected v but not m/);
  }, 300_000);

  test("one that patches the library: 0 for that exercise", () => {
    const { results } = gradeInTree("patching");
    expect(scoreOf(results, "adam/adam-step")).toBe(0);
    expect(results.score).toBe(15);
  }, 300_000);

  // How long this takes is a measurement, not a test (it is printed with the other timings, and the
  // grader's log prints each phase). What is tested is that the grader gives up on the exercise after
  // one time-out instead of waiting on every case.
  test("one that hangs: 0 for that exercise, with a clear message, and the other exercises still graded", () => {
    const { results } = gradeInTree("hanging");
    expect(scoreOf(results, "gradient-descent/gd-step")).toBe(0);
    expect(results.score).toBe(25);
    const gdStep = results.tests.filter((t) => t.name.startsWith("gradient-descent/gd-step:"));
    expect(gdStep[0].output).toMatch(/endless loop/);
    for (const t of gdStep.slice(1)) expect(t.output).toMatch(/^Timed out: not run/);
  }, 300_000);

  test("one with a syntax error: 0 for that exercise, naming the line", () => {
    const { results } = gradeInTree("syntax");
    expect(scoreOf(results, "adam/adam-step")).toBe(0);
    expect(results.score).toBe(15);
    expect(results.tests.find((t) => t.name.startsWith("adam/adam-step:"))!.output).toMatch(/adam-step\.ts does not parse \(line \d+/);
  }, 300_000);
});

// Per-student variants, end to end: `--variants roster.csv` writes one edition per student and the
// instructor's kit beside them; the Gradescope autograder recovers each student's id from their
// submission and grades it against that student's variant.
describe("per-student editions (--variants roster.csv)", () => {
  const roster = join(scratch, "roster.csv");
  const hw2 = join(scratch, "hw2");
  const kit = join(scratch, "hw2-instructor");
  beforeAll(() => {
    writeFileSync(roster, "id,name\nalice,Alice\nbob,Bob\ncarol,Carol\n");
    const t0 = Date.now();
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/assignment.ts"), ...CHAPTERS, "--out", hw2, "--variants", roster, "--gradescope", "--zip", join(scratch, "hw2.zip")], { cwd: scratch, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    timings["npm run assignment --variants --gradescope (3 students)"] = Date.now() - t0;
    mkdirSync(join(autograder2, "source"), { recursive: true });
    execFileSync("unzip", ["-q", join(scratch, "hw2.zip"), "-d", join(autograder2, "source")]);
    symlinkSync(join(ROOT, "node_modules"), join(autograder2, "source", "node_modules"), "dir");
  }, 180_000);
  const autograder2 = join(scratch, "autograder-hw2");

  /**
   * Gradescope with a roster-built zip: `edition`'s folder, with the reference solutions, submitted by the user
   * `metadata` names (none: no submission_metadata.json); `marker` edits or removes (null) the id the submission records.
   */
  function gradeWithMetadata(name: string, edition: string, metadata: object | undefined, marker?: string | null) {
    for (const d of ["submission", "results"]) rmSync(join(autograder2, d), { recursive: true, force: true });
    rmSync(join(autograder2, "submission_metadata.json"), { force: true });
    cpSync(join(hw2, edition), join(autograder2, "submission"), { recursive: true });
    for (const e of code) writeFileSync(join(autograder2, "submission", exerciseFiles(e.id).module), reference(e.id));
    const markerFile = join(autograder2, "submission", "descent-assignment.json");
    if (marker === null) rmSync(markerFile);
    else if (marker !== undefined) writeFileSync(markerFile, JSON.stringify({ ...JSON.parse(readFileSync(markerFile, "utf8")), student: marker }));
    if (metadata) writeFileSync(join(autograder2, "submission_metadata.json"), JSON.stringify(metadata));
    const t0 = Date.now();
    const run = spawnSync("bash", [join(autograder2, "source", "run_autograder")], { encoding: "utf8", env: { PATH: process.env.PATH, HOME: process.env.HOME, AUTOGRADER_ROOT: autograder2 } });
    timings[`run_autograder (roster zip): ${name}`] = Date.now() - t0;
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(autograder2, "results", "results.json"), "utf8")) as { score: number; output: string; tests: Array<{ name: string }> };
    expect(gradescopeProblems(results)).toEqual([]);
    return results;
  }
  /** The names of the graded visible cases of gd-quadratic, and those of a student's own edition. */
  const gradedQuadratic = (r: { tests: Array<{ name: string }> }) => r.tests.filter((t) => t.name.startsWith("gradient-descent/gd-quadratic:") && !t.name.endsWith("(hidden)")).map((t) => t.name);
  const ownQuadratic = (id: string) => (JSON.parse(readFileSync(join(hw2, id, "exercises/gradient-descent/gd-quadratic.fixture.json"), "utf8")) as { cases: Array<{ name: string }> }).cases.map((c) => `gradient-descent/gd-quadratic: ${c.name}`);
  const metadataOf = (user: { email: string; sid?: string }) => ({ id: 1, created_at: "2026-12-01T10:00:00.000000-08:00", assignment: { id: 25828, title: "hw2" }, submission_method: "upload", users: [{ ...user, id: 1234, name: "A Student" }], previous_submissions: [] });

  test("the roster-built zip ships the roster and passes it, and takes the submitter from Gradescope's submission_metadata.json", () => {
    expect(readFileSync(join(autograder2, "source", "roster.csv"), "utf8")).toBe("id\nalice\nbob\ncarol\n");
    expect(readFileSync(join(autograder2, "source", "run_autograder"), "utf8")).toMatch(/--gradescope-metadata "\$ROOT\/submission_metadata\.json" --roster "\$KIT\/roster\.csv"/);
  });

  test("the metadata's sid agrees with the submission: bob's variant, full marks, no note", () => {
    const results = gradeWithMetadata("bob, sid agrees", "bob", metadataOf({ email: "bob@example.edu", sid: "bob" }));
    expect(results.score).toBe(45);
    expect(gradedQuadratic(results)).toEqual(ownQuadratic("bob"));
    expect(results.output).not.toMatch(/Gradescope says/);
  }, 300_000);

  test("the submission claims alice but Gradescope says carol: carol's variant is graded, and the results say so", () => {
    const results = gradeWithMetadata("alice's edition, Gradescope says carol", "alice", metadataOf({ email: "carol" }), undefined);
    expect(gradedQuadratic(results)).toEqual(ownQuadratic("carol"));
    expect(gradedQuadratic(results)).not.toEqual(ownQuadratic("alice"));
    expect(results.output).toMatch(/^This submission's descent-assignment\.json names student alice, but Gradescope says it is carol's: it was graded against carol's variants\./);
  }, 300_000);

  test("no descent-assignment.json: the metadata's e-mail (on the roster) chooses the variant", () => {
    const results = gradeWithMetadata("no marker, Gradescope says alice", "bob", metadataOf({ email: "alice" }), null);
    expect(results.score).toBe(45);
    expect(gradedQuadratic(results)).toEqual(ownQuadratic("alice"));
    expect(results.output).toMatch(/^Graded against the variants of alice, the submitter Gradescope names/);
  }, 300_000);

  test("a submitter not on the roster gets a results.json that says the autograder could not run, and why", () => {
    const results = gradeWithMetadata("not on the roster", "alice", metadataOf({ email: "mallory@example.edu", sid: "mallory" }));
    expect(results.score).toBe(0);
    expect(results.output).toMatch(/could not run \(grade: Gradescope's submitter mallory is not on the roster\)/);
  }, 300_000);

  test("one edition per student, each recording its id, with fixtures of its own variant; the kit is outside every edition", () => {
    expect(readdirSync(hw2).sort()).toEqual(["alice", "bob", "carol"]);
    const fixtures = ["alice", "bob", "carol"].map((id) => {
      expect(JSON.parse(readFileSync(join(hw2, id, "descent-assignment.json"), "utf8")).student).toBe(id);
      return readFileSync(join(hw2, id, "exercises/gradient-descent/gd-quadratic.fixture.json"), "utf8");
    });
    expect(new Set(fixtures).size).toBe(3);
    expect(readdirSync(kit).sort()).toEqual(["answer-key.md", "variants.json"]);
    const variants = JSON.parse(readFileSync(join(kit, "variants.json"), "utf8"));
    expect(Object.keys(variants)).toEqual(["alice", "bob", "carol"]);
    const key = readFileSync(join(kit, "answer-key.md"), "utf8");
    const firstCriterion = /\n\| \d+ \| ([^|]+) \|\n/.exec(key)![1].trim();
    for (const id of ["alice", "bob", "carol"]) for (const f of files(join(hw2, id))) expect(readFileSync(f, "utf8").includes(firstCriterion), f).toBe(false);
  });

  test("the autograder recovers alice's variant from her submission: her correct work scores 45 of 45 on her own cases", () => {
    rmSync(join(autograder, "submission"), { recursive: true, force: true });
    rmSync(join(autograder, "results"), { recursive: true, force: true });
    cpSync(join(hw2, "alice"), join(autograder, "submission"), { recursive: true });
    for (const e of code) writeFileSync(join(autograder, "submission", exerciseFiles(e.id).module), reference(e.id));
    const t0 = Date.now();
    const run = spawnSync("bash", [join(autograder, "source", "run_autograder")], { encoding: "utf8", env: { PATH: process.env.PATH, HOME: process.env.HOME, AUTOGRADER_ROOT: autograder } });
    timings["run_autograder: alice's variant, correct"] = Date.now() - t0;
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(autograder, "results", "results.json"), "utf8"));
    expect(gradescopeProblems(results)).toEqual([]);
    expect(results.score).toBe(45);
    const alice = JSON.parse(readFileSync(join(hw2, "alice", "exercises/gradient-descent/gd-quadratic.fixture.json"), "utf8")) as { cases: Array<{ name: string }> };
    const graded = results.tests.filter((t: { name: string }) => t.name.startsWith("gradient-descent/gd-quadratic:") && !t.name.endsWith("(hidden)")).map((t: { name: string }) => t.name);
    expect(graded).toEqual(alice.cases.map((c) => `gradient-descent/gd-quadratic: ${c.name}`));
  }, 300_000);
});
