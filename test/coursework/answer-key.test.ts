// The instructor's answer key (scripts/coursework/answer-key.ts): it lists
// every written exercise of the chosen chapters with a rubric whose points
// add up and the page's worked solution, and none of it reaches the student
// edition, which holds the questions only.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { EXERCISES } from "../../exercises/index.js";
import { RUBRICS } from "../../exercises/rubrics.js";
import { answerKey, workedSolution } from "../../scripts/coursework/answer-key.js";
import { chaptersWithExercises, writeStudentEdition } from "../../scripts/coursework/edition.js";
import { ROOT } from "../../scripts/coursework/files.js";

const concept = EXERCISES.filter((e) => e.kind === "concept");
const scratch = mkdtempSync(join(tmpdir(), "descent-key-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

describe("the answer key", () => {
  test("every written exercise has a rubric whose points add up to the exercise's, and its worked solution is found in its page", () => {
    expect(concept.length).toBeGreaterThan(0);
    for (const e of concept) {
      const r = RUBRICS[e.id];
      expect(r, e.id).toBeDefined();
      expect(r.criteria.reduce((s, c) => s + c.points, 0), e.id).toBe(e.points);
      expect(workedSolution(readFileSync(join(ROOT, "src", r.page), "utf8"), r.heading).length, e.id).toBeGreaterThan(100);
    }
    expect(Object.keys(RUBRICS).sort()).toEqual(concept.map((e) => e.id).sort());
  });

  test("lists every written exercise of the chosen chapters, and only those", () => {
    const chapters = ["gradient-descent", "schedules", "adam"];
    const key = answerKey(chapters);
    for (const e of concept) expect(key.includes(`\`${e.id}\``), e.id).toBe(chapters.includes(e.chapter));
    for (const e of concept.filter((x) => chapters.includes(x.chapter))) for (const c of RUBRICS[e.id].criteria) expect(key).toContain(c.text.replace(/\|/g, "\\|")); // table cells escape |
  });

  test("shows a number the page computes as its expression, marked, never as broken ${…} text", () => {
    const key = answerKey(["gradient-descent"]);
    expect(key).not.toMatch(/\$\{/);
    expect(key).toContain("`num(eulerGapAnswer, 4)` *(computed in the page)*");
  });

  test("none of it reaches the student edition: no criterion and no line of a worked solution", () => {
    const out = join(scratch, "all");
    writeStudentEdition({ chapters: chaptersWithExercises(), out });
    const text = files(out).map((f) => readFileSync(f, "utf8")).join("\n");
    for (const e of concept) {
      expect(text.includes(e.statement), `${e.id}: the question is in the edition`).toBe(true);
      for (const c of RUBRICS[e.id].criteria) expect(text.includes(c.text), `${e.id}: ${c.text}`).toBe(false);
      const solution = workedSolution(readFileSync(join(ROOT, "src", RUBRICS[e.id].page), "utf8"), RUBRICS[e.id].heading);
      for (const line of solution.split("\n").filter((l) => l.trim().length >= 40)) expect(text.includes(line.trim()), `${e.id}: ${line.slice(0, 60)}`).toBe(false);
    }
    expect(files(out).some((f) => /answer-key|rubric/i.test(f))).toBe(false);
  });
});
