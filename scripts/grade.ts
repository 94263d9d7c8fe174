#!/usr/bin/env -S npx tsx
/**
 * `npm run grade -- <submission-dir> [--out dir] [--chapters a,b] [--hidden-visibility v] [--timeout s] [--student id] [--roster roster.csv]`
 *
 * Runs the visible and hidden tests against a student's exercise modules and
 * writes `results.json` (Gradescope's autograder format) and `report.md` to
 * --out (default: grade-results/). Exits 0 whatever the score; 1 on a usage
 * or setup error.
 *
 * The chapters graded are --chapters, else those of the submission's
 * descent-assignment.json (which the student could edit: pass --chapters
 * when it matters), else every exercise whose module the submission holds.
 * --timeout: seconds per test case, counted from when the submitted module
 * has loaded (default 5): seconds of the student's process's CPU time on
 * Linux (a wall-clock backstop at 6×), wall-clock seconds elsewhere
 * (scripts/coursework/cpu-time.ts). Student code runs in a child process of its own,
 * confined to a scratch folder (see scripts/coursework/remote.ts).
 * Variants: the submission is graded against the variants of the student
 * whose id its descent-assignment.json records (a per-student edition), or of
 * --student; --roster refuses an id not on the roster (scripts/coursework/variants.ts).
 * --gradescope-metadata file: Gradescope's submission_metadata.json; its
 * submitter (users[0].sid or .email) is the student whose variant is graded
 * when the assignment has variants, over the id the submission records (the
 * results say so when they disagree).
 * On Gradescope: `npm run grade -- /autograder/submission --out /autograder/results --chapters …`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
// Node's start and the grader's imports (tsx compiling it, TypeScript, the checks and the library).
const loadedSeconds = process.uptime();
import { join, relative, resolve } from "node:path";
import { readFileSync } from "node:fs";
import { grade, type Visibility } from "./coursework/grading.js";
import { existsSync } from "node:fs";
import { gradescopeSubmitter, readRoster } from "./coursework/variants.js";

function usage(): never {
  console.error("usage: npm run grade -- <submission-dir> [--out dir] [--chapters a,b] [--hidden-visibility hidden|after_due_date|after_published|visible] [--timeout seconds-per-case] [--student id] [--roster roster.csv] [--gradescope-metadata submission_metadata.json]");
  process.exit(2);
}

const args = process.argv.slice(2);
let submission: string | undefined;
let out = "grade-results";
let chapters: string[] | undefined;
let hiddenVisibility: Visibility = "after_published";
let timeout = 5;
let student: string | undefined;
let rosterFile: string | undefined;
let metadataFile: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--out") out = args[++i] ?? usage();
  else if (a === "--student") student = args[++i] ?? usage();
  else if (a === "--roster") rosterFile = args[++i] ?? usage();
  else if (a === "--gradescope-metadata") metadataFile = args[++i] ?? usage();
  else if (a === "--chapters") chapters = (args[++i] ?? usage()).split(",").map((s) => s.trim()).filter(Boolean);
  else if (a === "--hidden-visibility") {
    const v = args[++i];
    if (!["hidden", "after_due_date", "after_published", "visible"].includes(v ?? "")) usage();
    hiddenVisibility = v as Visibility;
  } else if (a === "--timeout") {
    timeout = Number(args[++i]);
    if (!(timeout > 0)) usage();
  } else if (a === "--help" || a === "-h" || a.startsWith("--")) usage();
  else if (!submission) submission = a;
  else usage();
}
if (!submission) usage();

try {
  const roster = rosterFile ? readRoster(readFileSync(resolve(process.cwd(), rosterFile), "utf8"), rosterFile) : undefined;
  // Gradescope writes the metadata for every submission; a missing file (a local try-out) is no error.
  const metadataPath = metadataFile ? resolve(process.cwd(), metadataFile) : null;
  const platformStudent = metadataPath && existsSync(metadataPath) ? gradescopeSubmitter(JSON.parse(readFileSync(metadataPath, "utf8")), roster) : null;
  const report = await grade({ submission: resolve(process.cwd(), submission), chapters, hiddenVisibility, timeout, student, roster, platformStudent });
  console.log(report.student === null ? "Variant: the published one (no student id)" : `Variant: student ${report.student}`);
  const dir = resolve(process.cwd(), out);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "results.json"), JSON.stringify(report.results, null, 2) + "\n");
  writeFileSync(join(dir, "report.md"), report.markdown);
  const max = report.exercises.reduce((s, e) => s + e.maxScore, 0);
  for (const e of report.exercises) console.log(`${String(e.score).padStart(7)} / ${String(e.maxScore).padEnd(4)} ${e.id}${e.submitted ? "" : "  (not submitted)"}`);
  console.log(`Score: ${report.results.score} / ${max}`);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`Time: grader loaded in ${loadedSeconds.toFixed(1)} s; graded in ${s(report.timings.totalMs)}:`);
  for (const t of report.timings.exercises) {
    console.log(`  ${t.id}: cases ${s(t.casesMs)}, compile ${s(t.compileMs)}, child start ${s(t.readyMs)}, module load ${s(t.loadMs)}, cases run ${s(t.runMs)}${t.timedOut ? " (timed out)" : ""}`);
  }
  console.log(`Wrote ${relative(process.cwd(), join(dir, "results.json"))} and ${relative(process.cwd(), join(dir, "report.md"))}`);
} catch (error) {
  console.error(`grade: ${(error as Error).message}`);
  process.exit(1);
}
