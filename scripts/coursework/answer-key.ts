/**
 * The answer key and rubric of an assignment's written (`concept`)
 * exercises, for the instructor's kit (`<out>-instructor/answer-key.md`,
 * written by `npm run assignment`; never in a student edition). For each
 * written question: its statement (the catalogue, exercises/index.ts), a
 * rubric with points per criterion (exercises/rubrics.ts), and the page's
 * worked solution, taken from the chapter's source (the `<details
 * class="solution">` after the question's heading). A number the page
 * computes in a cell (`${…}`) is shown as the expression, marked "computed in
 * the page", since the key is plain Markdown.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXERCISES, type ExerciseInfo } from "../../exercises/index.js";
import { RUBRICS } from "../../exercises/rubrics.js";
import { ROOT } from "./files.js";

/** The worked solution after `heading` in a page's Markdown source (without the summary line). */
export function workedSolution(source: string, heading: string, where = "page"): string {
  const at = source.indexOf(heading);
  if (at < 0) throw new Error(`${where}: no question heading ${JSON.stringify(heading)}`);
  const open = source.indexOf('<details class="solution">', at);
  const close = open < 0 ? -1 : source.indexOf("</details>", open);
  if (open < 0 || close < 0) throw new Error(`${where}: no <details class="solution"> after ${JSON.stringify(heading)}`);
  return source
    .slice(open + '<details class="solution">'.length, close)
    .replace(/<summary>[\s\S]*?<\/summary>/, "")
    .replace(/\$\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g, (_, expr: string) => `\`${expr.trim()}\` *(computed in the page)*`)
    .trim();
}

/** The written exercises of the chosen chapters, each with its rubric (throws if one has none or its points do not add up). */
export function writtenExercises(chapters: readonly string[]): Array<ExerciseInfo & { rubric: (typeof RUBRICS)[string] }> {
  return EXERCISES.filter((e) => e.kind === "concept" && chapters.includes(e.chapter)).map((e) => {
    const rubric = RUBRICS[e.id];
    if (!rubric) throw new Error(`exercises/rubrics.ts has no rubric for ${e.id}`);
    const total = rubric.criteria.reduce((s, c) => s + c.points, 0);
    if (total !== e.points) throw new Error(`the rubric of ${e.id} awards ${total} points, the exercise is worth ${e.points}`);
    return { ...e, rubric };
  });
}

/** The answer key, as Markdown. */
export function answerKey(chapters: readonly string[]): string {
  const written = writtenExercises(chapters);
  const lines = [
    "# Descent: answer key and rubric (instructors only)",
    "",
    `Written questions of the chapters ${chapters.join(", ")}. Do not hand this file to students: the student edition holds the questions only.`,
    "",
  ];
  if (written.length === 0) lines.push("These chapters have no written questions.", "");
  written.forEach((e, i) => {
    const source = readFileSync(join(ROOT, "src", e.rubric.page), "utf8");
    lines.push(
      `## ${i + 1}. ${e.title} (${e.points} points) — \`${e.id}\``,
      "",
      `**Question.** ${e.statement}`,
      "",
      "**Rubric.**",
      "",
      "| points | criterion |",
      "|---:|---|",
      ...e.rubric.criteria.map((c) => `| ${c.points} | ${c.text.replace(/\|/g, "\\|")} |`),
      `| **${e.points}** | total |`,
      "",
      `**Worked solution** (from the chapter's page, src/${e.rubric.page}).`,
      "",
      workedSolution(source, e.rubric.heading, `src/${e.rubric.page}`),
      ""
    );
  });
  return lines.join("\n");
}
