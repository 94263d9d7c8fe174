#!/usr/bin/env -S npx tsx
/**
 * `npm run assignment -- <chapter…> [--out dir] [--title "…"] [--force] [--gradescope [--zip file] [--hidden-visibility v] [--timeout s]]`
 *
 * Writes a student edition of the chosen chapters' exercises (all chapters
 * with exercises when none is named): a standalone folder that installs with
 * `npm install` and runs its visible tests with `npm test`, in which every
 * solution region is a stub that throws "not implemented" and no hidden test
 * is present. Grade the students' copies with `npm run grade`.
 *
 * --gradescope also writes Gradescope's autograder.zip (default
 * `<out>-autograder.zip`; see scripts/coursework/gradescope.ts).
 */
import { writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { chaptersWithExercises, writeStudentEdition } from "./coursework/edition.js";
import { gradescopeZip } from "./coursework/gradescope.js";
import type { Visibility } from "./coursework/grading.js";

function usage(): never {
  console.error(`usage: npm run assignment -- <chapter…> [--out dir] [--title "…"] [--force] [--gradescope [--zip file] [--hidden-visibility hidden|after_due_date|after_published|visible] [--timeout seconds-per-case]]\nchapters with exercises: ${chaptersWithExercises().join(", ")}`);
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
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--out") out = args[++i] ?? usage();
  else if (a === "--title") title = args[++i] ?? usage();
  else if (a === "--force") force = true;
  else if (a === "--gradescope") gradescope = true;
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
  const dir = resolve(process.cwd(), out);
  const m = writeStudentEdition({ chapters, out: dir, title, force });
  const code = m.exercises.filter((e) => e.kind === "code");
  const written = m.exercises.filter((e) => e.kind === "concept");
  console.log(`Student edition written to ${relative(process.cwd(), dir) || "."}/`);
  console.log(`  chapters: ${m.chapters.join(", ")}`);
  console.log(`  autograded: ${code.length} exercises, ${m.points.autograded} points${written.length ? `; written: ${written.length} exercises, ${m.points.written} points` : ""}`);
  for (const e of code) console.log(`    ${e.file}  (${e.points} points)`);
  console.log(`Next: cd ${relative(process.cwd(), dir) || "."} && npm install && npm test   (the visible tests fail until the stubs are written)`);
  console.log(`Grade a student's copy: npm run grade -- <their folder> --chapters ${m.chapters.join(",")}`);
  if (gradescope) {
    const file = resolve(process.cwd(), zipPath ?? `${out.replace(/\/+$/, "")}-autograder.zip`);
    writeFileSync(file, gradescopeZip({ chapters: m.chapters, hiddenVisibility, timeout }));
    console.log(`Gradescope autograder written to ${relative(process.cwd(), file)} (upload it as the assignment's autograder; Ubuntu 22.04 base image)`);
  }
} catch (error) {
  console.error(`assignment: ${(error as Error).message}`);
  process.exit(1);
}
