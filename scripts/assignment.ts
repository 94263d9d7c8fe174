#!/usr/bin/env -S npx tsx
/**
 * `npm run assignment -- <chapter…> [--out dir] [--title "…"] [--force] [--variants roster.csv] [--gradescope [--zip file] [--hidden-visibility v] [--timeout s]]`
 *
 * Writes a student edition of the chosen chapters' exercises (all chapters
 * with exercises when none is named): a standalone folder that installs with
 * `npm install` and runs its visible tests with `npm test`, in which every
 * solution region is a stub that throws "not implemented" and no hidden test
 * is present. Grade the students' copies with `npm run grade`.
 *
 * --variants roster.csv writes one edition per student, `<out>/<id>/`, each
 * tested on that student's variants (exercises/variant.ts) and recording the
 * id in its descent-assignment.json, where the grader finds it again.
 *
 * The instructor's kit goes to `<out>-instructor/` (never inside a student
 * edition): the answer key and rubric of the written questions
 * (answer-key.md), and with --variants each student's parameters
 * (variants.json).
 *
 * --gradescope also writes Gradescope's autograder.zip (default
 * `<out>-autograder.zip`; see scripts/coursework/gradescope.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { chaptersWithExercises, resolveChapters, writeStudentEdition } from "./coursework/edition.js";
import { EXERCISES } from "../exercises/index.js";
import { gradescopeZip } from "./coursework/gradescope.js";
import type { Visibility } from "./coursework/grading.js";
import { answerKey } from "./coursework/answer-key.js";
import { recordFixture, serialize, fixturePath } from "./coursework/fixtures.js";
import { readRoster } from "./coursework/variants.js";
import { CHECKS } from "../exercises/checks.js";
import { checkParams } from "../exercises/check.js";

function usage(): never {
  console.error(`usage: npm run assignment -- <chapter…> [--out dir] [--title "…"] [--force] [--variants roster.csv] [--gradescope [--zip file] [--hidden-visibility hidden|after_due_date|after_published|visible] [--timeout seconds-per-case]]\nchapters with exercises: ${chaptersWithExercises().join(", ")}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const chapters: string[] = [];
let out = "assignment";
let title: string | undefined;
let force = false;
let gradescope = false;
let zipPath: string | undefined;
let hiddenVisibility: Visibility = "after_published";
let timeout = 5;
let rosterFile: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--out") out = args[++i] ?? usage();
  else if (a === "--title") title = args[++i] ?? usage();
  else if (a === "--force") force = true;
  else if (a === "--gradescope") gradescope = true;
  else if (a === "--variants") rosterFile = args[++i] ?? usage();
  else if (a === "--zip") zipPath = args[++i] ?? usage();
  else if (a === "--hidden-visibility") {
    const v = args[++i] ?? usage();
    if (!["hidden", "after_due_date", "after_published", "visible"].includes(v)) usage();
    hiddenVisibility = v as Visibility;
  } else if (a === "--timeout") {
    timeout = Number(args[++i]);
    if (!(timeout > 0)) usage();
  }
  else if (a === "--help" || a === "-h") usage();
  else if (a.startsWith("--")) usage();
  else chapters.push(...a.split(",").filter(Boolean));
}

try {
  const started = Date.now();
  const dir = resolve(process.cwd(), out);
  const roster = rosterFile ? readRoster(readFileSync(resolve(process.cwd(), rosterFile), "utf8"), rosterFile) : null;
  let m;
  if (roster) {
    mkdirSync(dir, { recursive: true });
    const variants: Record<string, Record<string, unknown>> = {};
    for (const student of roster) {
      const chosen = resolveChapters(chapters);
      const code = EXERCISES.filter((e) => e.kind === "code" && chosen.includes(e.chapter));
      const fixtures: Record<string, string> = {};
      variants[student] = {};
      for (const e of code) {
        fixtures[e.id] = serialize(await recordFixture(e.id, student));
        variants[student][e.id] = CHECKS[e.id]?.variant ? checkParams(CHECKS[e.id], student) : "fixed";
      }
      m = writeStudentEdition({ chapters, out: join(dir, student), title, force, student, fixtures });
    }
    m = m!;
    writeKit(m.chapters, { variants });
    console.log(`Per-student editions written to ${relative(process.cwd(), dir) || "."}/<id>/ for ${roster.length} students (${fixturePath("<chapter>/<name>")} recorded on each student's variant)`);
  } else {
    m = writeStudentEdition({ chapters, out: dir, title, force });
    writeKit(m.chapters, {});
    console.log(`Student edition written to ${relative(process.cwd(), dir) || "."}/`);
  }
  const code = m.exercises.filter((e) => e.kind === "code");
  const written = m.exercises.filter((e) => e.kind === "concept");
  console.log(`  chapters: ${m.chapters.join(", ")}`);
  console.log(`  autograded: ${code.length} exercises, ${m.points.autograded} points${written.length ? `; written: ${written.length} exercises, ${m.points.written} points` : ""}`);
  for (const e of code) console.log(`    ${e.file}  (${e.points} points)`);
  console.log(`Instructor's kit (answer key and rubric${roster ? ", each student's variants" : ""}): ${relative(process.cwd(), kitDir())}/`);
  console.log(`Next: cd ${relative(process.cwd(), dir) || "."}${roster ? "/<id>" : ""} && npm install && npm test   (the visible tests fail until the stubs are written)`);
  console.log(`Grade a student's copy: npm run grade -- <their folder> --chapters ${m.chapters.join(",")}${roster ? ` --roster ${rosterFile}` : ""}`);
  if (gradescope) {
    const file = resolve(process.cwd(), zipPath ?? `${out.replace(/\/+$/, "")}-autograder.zip`);
    writeFileSync(file, gradescopeZip({ chapters: m.chapters, hiddenVisibility, timeout, roster: roster ?? undefined }));
    console.log(`Gradescope autograder written to ${relative(process.cwd(), file)} (upload it as the assignment's autograder; Ubuntu 22.04 base image)`);
  }
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`assignment: ${(error as Error).message}`);
  process.exit(1);
}

/** The instructor's side: `<out>-instructor/`, beside the student edition(s), never inside. */
function kitDir(): string {
  return resolve(process.cwd(), `${out.replace(/\/+$/, "")}-instructor`);
}

function writeKit(chosen: string[], { variants }: { variants?: Record<string, Record<string, unknown>> }): void {
  const kit = kitDir();
  mkdirSync(kit, { recursive: true });
  writeFileSync(join(kit, "answer-key.md"), answerKey(chosen));
  if (variants && Object.keys(variants).length) writeFileSync(join(kit, "variants.json"), JSON.stringify(variants, null, 2) + "\n");
}
