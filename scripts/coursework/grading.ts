/**
 * Grading a submission: its exercise modules are copied into a scratch copy
 * of the instructor's tree (lib/, the harness, the checks, the visible and
 * hidden tests), vitest runs there with its JSON reporter, and every test is
 * mapped to points from the manifest (exercises/index.ts). The result is a
 * Gradescope `results.json` and a Markdown report.
 *
 * Points: an exercise's points are split between its visible and hidden test
 * files (`hiddenShare`, default ½), and within a file equally between its
 * tests. A test file that cannot run at all (the module does not parse,
 * a file is missing, the run timed out) scores 0 for its share, in one entry.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { EXERCISES, exerciseById, type ExerciseInfo } from "../../exercises/index.js";
import { MARKER, resolveChapters, type AssignmentManifest } from "./edition.js";
import { exerciseFiles, ROOT } from "./files.js";
import { gradescopeProblems } from "./gradescope-schema.js";

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
  /** Seconds for the whole vitest run before falling back to one file at a time (default 120). */
  timeout?: number;
}

export interface GradeReport {
  results: GradescopeResults;
  markdown: string;
  exercises: Array<{ id: string; title: string; score: number; maxScore: number; submitted: boolean }>;
}

interface VitestAssertion {
  title: string;
  fullName: string;
  status: string;
  failureMessages?: string[];
}
interface VitestFile {
  name: string;
  status: string;
  message?: string;
  assertionResults: VitestAssertion[];
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

const MISSING_MODULE = (id: string) => `// This exercise's file was not in the submission.\nthrow new Error("exercises/${id}.ts was not submitted");\n`;

/** A scratch instructor tree with the submission's modules in place; returns its path. */
function prepareTree(submission: string, exercises: ExerciseInfo[]): { dir: string; submitted: Set<string> } {
  const dir = mkdtempSync(join(tmpdir(), "descent-grade-"));
  cpSync(join(ROOT, "lib"), join(dir, "lib"), { recursive: true, filter: (src) => !src.endsWith(".md") });
  mkdirSync(join(dir, "exercises"), { recursive: true });
  cpSync(join(ROOT, "exercises", "check.ts"), join(dir, "exercises", "check.ts"));
  const submitted = new Set<string>();
  for (const e of exercises) {
    const f = exerciseFiles(e.id);
    mkdirSync(join(dir, "exercises", e.chapter), { recursive: true });
    for (const path of [f.check, f.test, f.hidden]) cpSync(join(ROOT, path), join(dir, path));
    const found = findModule(submission, e.id);
    if (found) submitted.add(e.id);
    writeFileSync(join(dir, f.module), found ? readFileSync(found, "utf8") : MISSING_MODULE(e.id));
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "vitest.config.mjs"), `export default { test: { include: ["exercises/**/*.test.ts"], testTimeout: 10000, hookTimeout: 10000, pool: "threads", isolate: false } };\n`);
  return { dir, submitted };
}

/** Runs vitest on some test files of the tree; null when it timed out or wrote no report. */
function runVitest(dir: string, files: string[], timeoutSeconds: number): VitestFile[] | null {
  const report = join(dir, `report-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const vitest = join(ROOT, "node_modules", "vitest", "vitest.mjs");
  const result = spawnSync(process.execPath, [vitest, "run", "--config", "vitest.config.mjs", "--reporter=json", `--outputFile=${report}`, ...files], {
    cwd: dir,
    timeout: timeoutSeconds * 1000,
    killSignal: "SIGKILL",
    encoding: "utf8",
    env: { ...process.env, CI: "true", FORCE_COLOR: "0" },
  });
  if (result.error || !existsSync(report)) return null;
  try {
    return (JSON.parse(readFileSync(report, "utf8")) as { testResults: VitestFile[] }).testResults;
  } catch {
    return null;
  }
}

/** Strips ANSI colours and the stack trace from a vitest failure message. */
function cleanFailure(message: string): string {
  const text = message.replace(/\u001b\[[0-9;]*m/g, "");
  const lines = text.split("\n");
  const stack = lines.findIndex((l) => /^\s+at\s/.test(l));
  return (stack >= 0 ? lines.slice(0, stack) : lines).join("\n").replace(/^Error: /, "").trim();
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Splits `total` points into n shares in hundredths that add up to it exactly (the first ones get the extra hundredths). */
export function splitPoints(total: number, n: number): number[] {
  const cents = Math.round(total * 100);
  const base = Math.floor(cents / n);
  return Array.from({ length: n }, (_, i) => (base + (i < cents - base * n ? 1 : 0)) / 100);
}

export function grade({ submission, chapters, hiddenVisibility = "after_published", timeout = 120 }: GradeOptions): GradeReport {
  const started = Date.now();
  if (!existsSync(submission) || !statSync(submission).isDirectory()) throw new Error(`${submission} is not a folder`);
  const exercises = exercisesToGrade(submission, chapters);
  const { dir, submitted } = prepareTree(submission, exercises);
  try {
    const allFiles = exercises.flatMap((e) => [exerciseFiles(e.id).test, exerciseFiles(e.id).hidden]);
    const byFile = new Map<string, VitestFile | "timeout" | "crash">();
    const whole = runVitest(dir, allFiles, timeout);
    if (whole) {
      for (const f of whole) byFile.set(relative(dir, f.name), f);
    } else {
      // A submission that hangs (an endless loop) blocks vitest: run one file at a time to isolate it.
      for (const file of allFiles) {
        const one = runVitest(dir, [file], Math.max(5, timeout / 4));
        byFile.set(file, one?.find((f) => relative(dir, f.name) === file) ?? (one ? "crash" : "timeout"));
      }
    }

    const tests: GradescopeTest[] = [];
    const summary: GradeReport["exercises"] = [];
    exercises.forEach((e, k) => {
      const f = exerciseFiles(e.id);
      const hiddenShare = e.hiddenShare ?? 0.5;
      let exerciseScore = 0;
      const hiddenPoints = round(e.points * hiddenShare);
      const parts: Array<[string, number, Visibility, string]> = [
        [f.test, round(e.points - hiddenPoints), "visible", "visible tests"],
        [f.hidden, hiddenPoints, hiddenVisibility, "hidden tests"],
      ];
      let n = 0;
      for (const [file, share, visibility, label] of parts) {
        if (share <= 0) continue;
        const result = byFile.get(file);
        const assertions = typeof result === "object" ? result.assertionResults : [];
        if (assertions.length === 0) {
          const why = !submitted.has(e.id)
            ? `exercises/${e.id}.ts was not found in the submission.`
            : result === "timeout"
              ? `The tests did not finish within the time limit: is there an endless loop in exercises/${e.id}.ts?`
              : typeof result === "object" && result.message
                ? `The tests could not run: ${cleanFailure(result.message)}`
                : "The tests could not run (no result).";
          tests.push({ name: `${e.id}: ${label}`, number: `${k + 1}.${++n}`, score: 0, max_score: share, status: "failed", output: why, visibility });
          continue;
        }
        const shares = splitPoints(share, assertions.length);
        assertions.forEach((a, j) => {
          const pass = a.status === "passed";
          const output = pass ? "" : cleanFailure((a.failureMessages ?? []).join("\n")) || `Test ${a.status}.`;
          exerciseScore += pass ? shares[j] : 0;
          tests.push({ name: `${e.id}: ${a.title}${visibility === "visible" ? "" : " (hidden)"}`, number: `${k + 1}.${++n}`, score: pass ? shares[j] : 0, max_score: shares[j], status: pass ? "passed" : "failed", output, visibility });
        });
      }
      summary.push({ id: e.id, title: e.title, score: round(exerciseScore), maxScore: e.points, submitted: submitted.has(e.id) });
    });

    const score = round(tests.reduce((s, t) => s + t.score, 0));
    const max = round(tests.reduce((s, t) => s + t.max_score, 0));
    const results: GradescopeResults = {
      score,
      execution_time: Math.max(1, Math.round((Date.now() - started) / 1000)),
      output: `Descent autograder: ${score} of ${max} points on ${exercises.length} exercise${exercises.length === 1 ? "" : "s"} (${exercises.map((e) => e.id).join(", ")}).`,
      visibility: "visible",
      stdout_visibility: "hidden",
      tests,
    };
    const problems = gradescopeProblems(results);
    if (problems.length) throw new Error(`the grader built an invalid results.json: ${problems.join("; ")}`);
    return { results, markdown: markdownReport(results, summary, max), exercises: summary };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function markdownReport(results: GradescopeResults, exercises: GradeReport["exercises"], max: number): string {
  const lines = [
    "# Descent: grading report",
    "",
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
