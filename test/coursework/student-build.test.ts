// The student build (npm run build:student): the transform that removes the
// worked solutions from every page's Markdown before Framework compiles it
// (scripts/site/strip-solutions.ts), applied to every page of the course and
// to a page rendered by markdown-it as Framework configures it. No solution
// text survives; nothing else is removed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { describe, expect, test } from "vitest";
import { ROOT } from "../../scripts/coursework/files.js";
import { markdownStripSolutions, REMOVED_NOTE, stripSolutionBlocks, stripSolutions } from "../../scripts/site/strip-solutions.js";

const pages = readdirSync(join(ROOT, "src")).filter((f) => f.endsWith(".md")).map((f) => ({ file: f, source: readFileSync(join(ROOT, "src", f), "utf8") }));

/** The worked solutions of a page, as written: each <details class="solution"> block. */
function solutionBlocks(source: string): string[] {
  const blocks: string[] = [];
  const re = /^<details class="solution">([\s\S]*?)<\/details>/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) blocks.push(m[1]);
  return blocks;
}

/** The distinctive lines of a solution: its sentences of some length (a bare `$x$` line could appear elsewhere). */
const distinctive = (block: string) => block.split("\n").map((l) => l.trim()).filter((l) => l.length >= 40 && !/^<\/?summary/.test(l));

describe("the student build's transform", () => {
  test("the course has worked solutions to remove (the test would be empty otherwise)", () => {
    expect(pages.reduce((n, p) => n + solutionBlocks(p.source).length, 0)).toBeGreaterThan(50);
  });

  for (const { file, source } of pages) {
    const blocks = solutionBlocks(source);
    if (blocks.length === 0 && !source.includes("NumericCheck({")) continue;
    test(`${file}: no worked solution or numeric explanation survives, and nothing else is removed`, () => {
      const out = stripSolutions(source, file);
      expect(out).not.toMatch(/^[ \t]*<details class="solution"/m);
      for (const block of blocks) for (const line of distinctive(block)) expect(out.includes(line), `${file}: ${line.slice(0, 80)}`).toBe(false);
      expect(out).not.toMatch(/NumericCheck\(\{[^)]*explanation:/);
      // Everything outside the solutions is still there: the text with the blocks cut out, then the NumericChecks.
      const outside = source.split(/^<details class="solution">[\s\S]*?<\/details>/m);
      const kept = stripSolutionBlocks(source, file);
      for (const part of outside) expect(kept.includes(part)).toBe(true);
      expect(out.split("NumericCheck({").length).toBe(source.split("NumericCheck({").length);
      expect(out.split(REMOVED_NOTE).length - 1).toBe(blocks.length);
    });
  }

  test("a page rendered by markdown-it with the plugin has no solution in its HTML nor in its inline expressions", () => {
    const { source } = pages.find((p) => p.file === "gradient-descent.md")!;
    const md = new MarkdownIt({ html: true }).use(markdownStripSolutions);
    const html = md.render(source);
    expect(html).not.toContain('class="solution"');
    expect(html).not.toContain("Euler's first order");
    expect(html).not.toContain("eulerGapAnswer, 4)}"); // the solution's live expression
    expect(html).toContain("solution-removed");
    expect(new MarkdownIt({ html: true }).render(source)).toContain("Euler's first order"); // without the plugin it is there
  });

  test("an unclosed solution block fails with the page and line", () => {
    expect(() => stripSolutionBlocks('a\n<details class="solution">\nb', "x.md")).toThrow(/x\.md:2: .*never closed/);
  });
});
