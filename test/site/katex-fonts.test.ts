import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { packageDir } from "../../scripts/site/inline-fonts.js";
import { dropKatexFaces, UNUSED_KATEX_FAMILIES } from "../../scripts/site/katex-fonts.js";

const katexCss = readFileSync(join(packageDir("katex"), "dist", "katex.min.css"), "utf8");
const faces = (css: string) => [...css.matchAll(/@font-face\s*\{[^}]*font-family:\s*['"]?([\w-]+)[^}]*\}/g)].map((m) => m[1]);

/** The course's sources that can hold math: pages, components, exercises. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith(".") || e.name === "node_modules" || e.name === "lib") return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : /\.(md|ts|js)$/.test(e.name) ? [path] : [];
  });
}

describe("KaTeX faces the course ships (scripts/site/katex-fonts.ts)", () => {
  test("dropKatexFaces removes the @font-face rules of the unused families and keeps every other face", () => {
    const before = faces(katexCss);
    const after = faces(dropKatexFaces(katexCss));
    const unused = Object.keys(UNUSED_KATEX_FAMILIES);
    expect(before.length).toBe(20); // KaTeX 0.16.47 declares 20 faces
    expect(after.filter((f) => unused.includes(f))).toEqual([]);
    expect(after).toEqual(before.filter((f) => !unused.includes(f)));
    expect(after).toEqual(expect.arrayContaining(["KaTeX_Main", "KaTeX_Math", "KaTeX_AMS", "KaTeX_Caligraphic", "KaTeX_Size1", "KaTeX_Size4"]));
  });

  test("no page, component or exercise uses a command whose font was dropped (else remove its family from UNUSED_KATEX_FAMILIES)", () => {
    const files = [...sources("src"), ...sources("exercises")];
    expect(files.length).toBeGreaterThan(20);
    const hits: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const [family, commands] of Object.entries(UNUSED_KATEX_FAMILIES))
        for (const command of commands)
          if (new RegExp(`\\\\+${command.slice(1)}(?![a-zA-Z])`).test(text)) hits.push(`${file}: ${command} (${family})`);
    }
    expect(hits).toEqual([]);
  });

  test("the command check finds a dropped command when one is there", () => {
    const re = (c: string) => new RegExp(`\\\\+${c.slice(1)}(?![a-zA-Z])`);
    expect(re("\\mathsf").test("$\\mathsf{A}$")).toBe(true);
    expect(re("\\mathsf").test('tex`\\\\mathsf{A}`')).toBe(true);
    expect(re("\\sf").test("\\sfrac")).toBe(false);
  });
});
