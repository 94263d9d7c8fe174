/**
 * Grading a submission. The grader's own process runs every check — the
 * visible cases (`<name>.check.ts`) and the hidden ones (`<name>.hidden.ts`)
 * — with the library as the reference, and never loads student code: each
 * exercise's module runs in a child process of its own (remote.ts: Node's
 * permission model confines it to a scratch folder holding only that module
 * and the part of lib/ the exercise hands out; a capped heap; an environment
 * of PATH, HOME and TMPDIR), and its functions are called across the process
 * boundary with data only. A submission that patches the library, Math or a
 * prototype changes its own process, not the references or the comparisons.
 *
 * Time: the child's cold start has `startTimeout` seconds (it measures the
 * machine's load, not the student's code); loading the module has `timeout`
 * seconds from when the child is ready; each case has `timeout` seconds,
 * counted from when the module has loaded. On Linux these are seconds of the
 * child's CPU time, so a loaded machine does not cost a correct submission
 * points, with a wall-clock backstop of 6× for a child that waits; elsewhere
 * wall-clock seconds (cpu-time.ts). A case that runs over kills the
 * child, and the exercise's remaining cases are failed as timed out, unrun:
 * a function that never returns costs one case's limit, not one per case. The
 * child's CPU time is capped at what all its cases could use. Each phase's
 * duration is returned (`timings`) and printed by scripts/grade.ts.
 *
 * Points: an exercise's points are split between its visible and hidden
 * cases (`hiddenShare`, default ½), and within each equally between the
 * cases. The result is a Gradescope `results.json` and a Markdown report.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { checkParams, runCase, visibleCases, type CaseResult, type CheckCase } from "../../exercises/check.js";
import { CHECKS } from "../../exercises/checks.js";
import { EXERCISES, exerciseById, type ExerciseInfo } from "../../exercises/index.js";
import { MARKER, resolveChapters, type AssignmentManifest } from "./edition.js";
import { exerciseFiles, ROOT } from "./files.js";
import { gradescopeProblems } from "./gradescope-schema.js";
import { RemoteModule, Timeout } from "./remote.js";
import { resolveStudent } from "./variants.js";
import { sandboxTree } from "./sandbox-tree.js";

export type Visibility = "hidden" | "after_due_date" | "after_published" | "visible";

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: "passed" | "failed";
  output: string;
  visibility: Visibility;
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  visibility: Visibility;
  stdout_visibility: Visibility;
  tests: GradescopeTest[];
}

export interface GradeOptions {
  submission: string;
  /** The chapters to grade; default: the submission's descent-assignment.json, else every exercise whose module it holds. */
  chapters?: readonly string[];
  /** Gradescope visibility of the hidden tests (default "after_published"). */
  hiddenVisibility?: Visibility;
  /** Seconds each case may take, counted from when the module has loaded (default 5). */
  timeout?: number;
  /** Seconds the child may take to start and load the module (default 60; not counted in `timeout`). */
  startTimeout?: number;
  /** The student whose variant to grade against (default: the id in the submission's descent-assignment.json; none: the published variant). */
  student?: string;
  /** The class roster's ids: a submission whose id is not on it is refused. */
  roster?: readonly string[];
  /** The submitter's id as the platform reports it (Gradescope's metadata): it wins over the submission's own record (variants.ts resolveStudent). */
  platformStudent?: string | null;
}

export interface GradeReport {
  results: GradescopeResults;
  markdown: string;
  exercises: Array<{ id: string; title: string; score: number; maxScore: number; submitted: boolean }>;
  /** The student id whose variants were graded (null: the published variant). */
  student: string | null;
  /** Milliseconds: each exercise's child start (process and module load), each phase, and the whole grading. */
  timings: { starts: number[]; exercises: ExerciseTimings[]; totalMs: number };
}

/** Where an exercise's grading time went, in milliseconds. */
export interface ExerciseTimings {
  id: string;
  /** Building the cases (importing the hidden ones, drawing the variant). */
  casesMs: number;
  /** Compiling the module and writing the scratch folder. */
  compileMs: number;
  /** Starting the child process (Node's cold start). */
  readyMs: number;
  /** Loading the student's module in it. */
  loadMs: number;
  /** Running the cases. */
  runMs: number;
  /** A case ran out of time (the rest were failed unrun). */
  timedOut: boolean;
}

/** Where the submission keeps an exercise's module: exercises/<id>.ts, <id>.ts, or a unique <name>.ts anywhere. */
export function findModule(submission: string, id: string): string | null {
  for (const candidate of [join(submission, "exercises", `${id}.ts`), join(submission, `${id}.ts`)]) {
    if (existsSync(candidate)) return candidate;
  }
  const name = `${basename(id)}.ts`;
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 6) return;
    for (const entry of readdirSync(dir)) {
      if (entry === "node_modules" || entry.startsWith(".")) continue;
      const path = join(dir, entry);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path, depth + 1);
      else if (entry === name) found.push(path);
    }
  };
  walk(submission, 0);
  return found.length === 1 ? found[0] : null;
}

/** The code exercises to grade. */
export function exercisesToGrade(submission: string, chapters?: readonly string[]): ExerciseInfo[] {
  const code = EXERCISES.filter((e) => e.kind === "code");
  let ids: string[];
  if (chapters && chapters.length) {
    const list = resolveChapters(chapters);
    ids = code.filter((e) => list.includes(e.chapter)).map((e) => e.id);
  } else if (existsSync(join(submission, MARKER))) {
    const m = JSON.parse(readFileSync(join(submission, MARKER), "utf8")) as AssignmentManifest;
    ids = m.exercises.filter((e) => e.kind === "code").map((e) => e.id);
  } else {
    ids = code.map((e) => e.id).filter((id) => findModule(submission, id));
  }
  const out = ids.map((id) => exerciseById(id)).filter((e): e is ExerciseInfo => !!e && e.kind === "code");
  if (out.length === 0) throw new Error(`nothing to grade in ${submission}: name the chapters with --chapters`);
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Splits `total` points into n shares in hundredths that add up to it exactly (the first ones get the extra hundredths). */
export function splitPoints(total: number, n: number): number[] {
  const cents = Math.round(total * 100);
  const base = Math.floor(cents / n);
  return Array.from({ length: n }, (_, i) => (base + (i < cents - base * n ? 1 : 0)) / 100);
}

/**
 * The visible and hidden cases of a code exercise for a student's variant
 * (the published ones without an id), from the instructor's tree. A hidden
 * module follows the variant when it exports `casesFor(params)`.
 */
export async function casesOf(id: string, student: string | null = null): Promise<{ visible: readonly CheckCase<unknown>[]; hidden: readonly CheckCase<unknown>[] }> {
  const check = CHECKS[id];
  if (!check) throw new Error(`exercises/checks.ts has no check for ${id}`);
  const hidden = (await import(pathToFileURL(join(ROOT, exerciseFiles(id).hiddenCases)).href)) as { cases: CheckCase<unknown>[]; casesFor?: (p: unknown) => CheckCase<unknown>[] };
  const varied = student !== null && check.variant !== undefined;
  return {
    visible: visibleCases(check, student) as readonly CheckCase<unknown>[],
    hidden: varied && hidden.casesFor ? hidden.casesFor(checkParams(check, student)) : hidden.cases,
  };
}

/**
 * Runs cases against one submitted module in its own process: a result per
 * case, in order, and where the time went. `source` null: the file was not
 * submitted.
 */
export function runRemote(id: string, source: string | null, cases: readonly CheckCase<unknown>[], { timeout = 5, startTimeout = 60 } = {}): { results: CaseResult[]; starts: number[]; timings: Omit<ExerciseTimings, "id" | "casesMs"> } {
  const timings = { compileMs: 0, readyMs: 0, loadMs: 0, runMs: 0, timedOut: false };
  const failAll = (message: string) => ({ results: cases.map((c) => ({ name: c.name, pass: false, message })), starts: [], timings });
  if (source === null) return failAll(`exercises/${id}.ts was not found in the submission.`);
  const compiling = Date.now();
  let tree;
  try {
    tree = sandboxTree(id, source);
  } catch (error) {
    return failAll((error as Error).message);
  } finally {
    timings.compileMs = Date.now() - compiling;
  }
  // The CPU cap: what the load and every case could use at their limits, plus Node's start.
  const remote = new RemoteModule({ dir: tree.dir, module: tree.module, startTimeout, loadTimeout: timeout, cpuSeconds: timeout * (cases.length + 1) + 10 });
  const results: CaseResult[] = [];
  const starts: number[] = [];
  try {
    for (const [k, c] of cases.entries()) {
      if (!remote.running) {
        try {
          remote.beginCase(null);
          remote.start();
          starts.push(remote.startMs);
          timings.readyMs += remote.readyMs;
          timings.loadMs += remote.loadMs;
        } catch (error) {
          const message = (error as Error).message;
          if (error instanceof Timeout) timings.timedOut = true;
          // A module that cannot load fails every case the same way.
          for (const rest of cases.slice(k)) results.push({ name: rest.name, pass: false, message });
          break;
        }
      }
      const running = Date.now();
      remote.beginCase(timeout);
      const r = runCase(c, remote.exports);
      timings.runMs += Date.now() - running;
      if (!r.pass && !remote.running && /did not return in time/.test(r.message)) {
        timings.timedOut = true;
        results.push(r);
        // A function that never returns would hang every case the same way: the rest are failed, unrun.
        for (const rest of cases.slice(k + 1)) results.push({ name: rest.name, pass: false, message: `Timed out: not run, because the case “${c.name}” of this exercise ran out of time (${timeout} s).` });
        break;
      }
      results.push(r);
    }
  } finally {
    remote.close();
    rmSync(tree.dir, { recursive: true, force: true });
  }
  return { results, starts, timings };
}

export async function grade({ submission, chapters, hiddenVisibility = "after_published", timeout = 5, startTimeout = 60, student: asked, roster, platformStudent }: GradeOptions): Promise<GradeReport> {
  const started = Date.now();
  if (!existsSync(submission) || !statSync(submission).isDirectory()) throw new Error(`${submission} is not a folder`);
  const { student, note } = resolveStudent(submission, { asked, roster, platform: platformStudent });
  const exercises = exercisesToGrade(submission, chapters);
  const tests: GradescopeTest[] = [];
  const summary: GradeReport["exercises"] = [];
  const starts: number[] = [];
  const phases: ExerciseTimings[] = [];
  for (const [k, e] of exercises.entries()) {
    const building = Date.now();
    const { visible, hidden } = await casesOf(e.id, student);
    const casesMs = Date.now() - building;
    const found = findModule(submission, e.id);
    const run = runRemote(e.id, found ? readFileSync(found, "utf8") : null, [...visible, ...hidden], { timeout, startTimeout });
    starts.push(...run.starts);
    phases.push({ id: e.id, casesMs, ...run.timings });
    const hiddenPoints = round(e.points * (e.hiddenShare ?? 0.5));
    const parts: Array<[CaseResult[], number, Visibility, string]> = [
      [run.results.slice(0, visible.length), round(e.points - hiddenPoints), "visible", ""],
      [run.results.slice(visible.length), hiddenPoints, hiddenVisibility, " (hidden)"],
    ];
    let exerciseScore = 0;
    let n = 0;
    for (const [results, share, visibility, suffix] of parts) {
      if (share <= 0 || results.length === 0) continue;
      const shares = splitPoints(share, results.length);
      results.forEach((r, j) => {
        exerciseScore += r.pass ? shares[j] : 0;
        tests.push({ name: `${e.id}: ${r.name}${suffix}`, number: `${k + 1}.${++n}`, score: r.pass ? shares[j] : 0, max_score: shares[j], status: r.pass ? "passed" : "failed", output: r.pass ? "" : r.message, visibility });
      });
    }
    summary.push({ id: e.id, title: e.title, score: round(exerciseScore), maxScore: e.points, submitted: !!found });
  }

  const score = round(tests.reduce((s, t) => s + t.score, 0));
  const max = round(tests.reduce((s, t) => s + t.max_score, 0));
  const shown = tests.filter((t) => t.visibility === "visible");
  const visibleScore = round(shown.reduce((s, t) => s + t.score, 0));
  const visibleMax = round(shown.reduce((s, t) => s + t.max_score, 0));
  const list = `${exercises.length} exercise${exercises.length === 1 ? "" : "s"} (${exercises.map((e) => e.id).join(", ")})`;
  const results: GradescopeResults = {
    score,
    execution_time: Math.max(1, Math.round((Date.now() - started) / 1000)),
    // With hidden tests hidden, the text says nothing of their points: only the visible tests' score and maximum.
    output: (note ? `${note}\n\n` : "") + (hiddenVisibility === "visible"
      ? `Descent autograder: ${score} of ${max} points on ${list}.`
      : `Descent autograder: ${visibleScore} of ${visibleMax} points on the visible tests of ${list}. The hidden tests are graded too; their results are shown ${hiddenVisibility === "hidden" ? "to your instructor only" : hiddenVisibility === "after_due_date" ? "after the due date" : "when the grades are published"}.`),
    visibility: "visible",
    stdout_visibility: "hidden",
    tests,
  };
  const problems = gradescopeProblems(results);
  if (problems.length) throw new Error(`the grader built an invalid results.json: ${problems.join("; ")}`);
  return { results, markdown: markdownReport(results, summary, max, student, note), exercises: summary, student, timings: { starts, exercises: phases, totalMs: Date.now() - started } };
}

function markdownReport(results: GradescopeResults, exercises: GradeReport["exercises"], max: number, student: string | null, note: string): string {
  const lines = [
    "# Descent: grading report",
    "",
    student === null ? "Graded against the published variant of every exercise." : `Graded against the variants of student \`${student}\`.`,
    "",
    ...(note ? [note, ""] : []),
    `**Score: ${results.score} / ${max}** (${max > 0 ? Math.round((100 * results.score) / max) : 0} %), graded in ${results.execution_time} s.`,
    "",
    "| exercise | score | max |",
    "|---|---:|---:|",
    ...exercises.map((e) => `| ${e.title} (\`${e.id}\`)${e.submitted ? "" : " — not submitted"} | ${e.score} | ${e.maxScore} |`),
    "",
    "## Tests",
    "",
  ];
  for (const t of results.tests) {
    lines.push(`- ${t.status === "passed" ? "✓" : "✗"} **${t.name}** — ${t.score} / ${t.max_score}${t.visibility === "visible" ? "" : ` (${t.visibility.replace(/_/g, " ")})`}`);
    if (t.output) lines.push("", ...t.output.split("\n").map((l) => `    ${l}`), "");
  }
  lines.push("");
  return lines.join("\n");
}
