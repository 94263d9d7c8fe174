/**
 * Every numbered chapter opens with the same "In this chapter" box — one
 * callout style, so a student learns to look for it once (issue 21: the box
 * had drifted into three looks: a card, a green tip and a note).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COURSE } from "../../src/course.js";

const SUMMARY = '<div class="note" label="In this chapter">';
const chapters = COURSE.flatMap((part) => part.chapters).filter((c) => /^\d+\./.test(c.title));

describe("chapter summaries", () => {
  it("covers the numbered chapters", () => {
    expect(chapters.length).toBeGreaterThanOrEqual(14);
  });

  for (const chapter of chapters) {
    it(`${chapter.path} has exactly one "In this chapter" note, before its first section`, () => {
      const source = readFileSync(new URL(`../../src/${chapter.path}.md`, import.meta.url), "utf8");
      const summaries = source.split(SUMMARY).length - 1;
      expect(summaries, `src/${chapter.path}.md should contain ${SUMMARY} once`).toBe(1);
      expect(source, "no other summary style").not.toMatch(/class="card in-this-chapter"|class="tip" label="In this chapter"/);
      const firstSection = source.search(/^## /m);
      expect(firstSection === -1 || source.indexOf(SUMMARY) < firstSection, "the summary comes before the first ## section").toBe(true);
    });
  }
});
