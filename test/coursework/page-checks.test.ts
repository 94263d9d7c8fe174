// One source of truth for progress: every "Check" box and every code exercise
// on a page is a catalogue entry (which carries its points), and every numeric
// or code entry of the catalogue is on its chapter's page. Counted in the page
// sources (src/*.md), not in the built site: building every page is too slow
// for a unit test, and a NumericCheck's id is a literal in its source.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EXERCISES } from "../../exercises/index.js";
import { ROOT } from "../../scripts/coursework/files.js";

const pages = readdirSync(join(ROOT, "src")).filter((f) => f.endsWith(".md"));
function idsOn(kind: "NumericCheck" | "CodeExercise"): Array<{ page: string; id: string }> {
  return pages.flatMap((page) => {
    const text = readFileSync(join(ROOT, "src", page), "utf8");
    return [...text.matchAll(new RegExp(`${kind}\\(\\{\\s*id:\\s*"([^"]+)"`, "g"))].map((m) => ({ page, id: m[1] }));
  });
}

describe("the pages' checks and the catalogue", () => {
  const numeric = idsOn("NumericCheck");
  const code = idsOn("CodeExercise");

  test("every NumericCheck on a page is a numeric entry of the catalogue, on its own chapter's page, once", () => {
    const catalogue = new Map(EXERCISES.filter((e) => e.kind === "numeric").map((e) => [e.id, e]));
    expect(numeric.length).toBeGreaterThan(40);
    expect(numeric.filter(({ id }) => !catalogue.has(id))).toEqual([]);
    for (const { page, id } of numeric) expect(page, id).toBe(`${id.split("/")[0]}.md`);
    expect(new Set(numeric.map((n) => n.id)).size).toBe(numeric.length);
  });

  test("every numeric entry of the catalogue is a NumericCheck on its page (so the counts agree)", () => {
    const onPages = new Set(numeric.map((n) => n.id));
    expect(EXERCISES.filter((e) => e.kind === "numeric" && !onPages.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(EXERCISES.filter((e) => e.kind === "numeric").length).toBe(numeric.length);
  });

  test("every CodeExercise on a page is a code entry of the catalogue", () => {
    const catalogue = new Set(EXERCISES.filter((e) => e.kind === "code").map((e) => e.id));
    expect(code.filter(({ id }) => !catalogue.has(id))).toEqual([]);
  });
});
