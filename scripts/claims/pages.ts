/**
 * The course's pages as the build sees them: every `src/*.md`, parsed by
 * Framework's own Markdown parser (its `${…}` placeholders) with the course's
 * math plugin, so a check finds formulas, live expressions and code exactly
 * where the build does.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { createMarkdownIt } from "@observablehq/framework/dist/markdown.js";
import type { Token } from "markdown-it";
import { markdownMath } from "../site/markdown-math.js";

export const SRC = join(import.meta.dirname, "..", "..", "src");

/** Every page's file name (`momentum.md`), sorted. */
export function pageFiles(dir = SRC): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort();
}

/** A page's slug: `src/momentum.md` → `momentum`. */
export function slugOf(file: string): string {
  return basename(file, ".md");
}

export interface ParsedPage {
  /** The Markdown as written, front matter included. */
  source: string;
  /** Lines of front matter before the Markdown the parser saw: add to a token's line. */
  frontMatterLines: number;
  /** How many leading characters of `source` are front matter. */
  frontMatterChars: number;
  tokens: Token[];
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** Parses Markdown as Framework does (without failing on code in math: the checks report it). */
export function parsePage(source: string, path = ""): ParsedPage {
  const md = createMarkdownIt({ markdownIt: (m) => m.use(markdownMath, { checkCode: false }) });
  const front = FRONT_MATTER.exec(source)?.[0] ?? "";
  const content = source.slice(front.length);
  const tokens = md.parse(content, { code: [], startLine: 0, currentLine: 0, path });
  return { source, frontMatterLines: countLines(front), frontMatterChars: front.length, tokens };
}

export function readPage(file: string, dir = SRC): ParsedPage {
  return parsePage(readFileSync(join(dir, file), "utf8"), "/" + slugOf(file));
}

function countLines(text: string): number {
  return text.split("\n").length - 1;
}
