/**
 * Which cells of a page may wait for the reader to scroll to them
 * (`await reached("<section id>");` as their first statement), and whether the ones that
 * do are safe.
 *
 * The rules (docs/writing-a-chapter.md, "Below the first screen"): a deferred
 * cell waits for its own section (`await reached("<its heading's id>")`, see
 * wrongWaits), never defines a `view(...)`, and nothing *above* it in the page uses
 * its values — directly or through other cells — because that would spin
 * until the reader scrolls down to it. Cells and inline `${…}` expressions are
 * taken in document order from Framework's own Markdown parser; a cell B
 * depends on A when B references a name A declares, and "depends" is closed
 * transitively.
 *
 *   npx tsx scripts/site/deferred-cells.ts src/nesterov.md [...]   # violations, redundant deferrals, candidates
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { createMarkdownIt, parseMarkdown } from "@observablehq/framework/dist/markdown.js";
import type MarkdownIt from "markdown-it";
import { markdownMath } from "./markdown-math.js";

export interface Cell {
  /** Position in the page (cells and inline expressions, document order). */
  index: number;
  /** Framework's cell id (the page has `#cell-<id>` where the cell displays). */
  id: string;
  inline: boolean;
  declares: string[];
  references: string[];
  deferred: boolean;
  view: boolean;
  /** First line of the cell's source. */
  head: string;
  /** The section the cell sits in: how many headings (any level, with an id — a link can jump to each) come before it. */
  section: number;
  /** That heading's text, for messages ("" before the first heading). */
  heading: string;
  /** That heading's id (its anchor), "" before the first heading. */
  headingId: string;
  /** For a deferred cell, the id it waits for: `await reached("<id>");` (null for Framework's `await visibility();`). */
  waitsFor: string | null;
}

/** A deferred cell's first statement (after comment lines and imports, which Framework hoists): `await reached("<section id>");` (or Framework's `await visibility();`). */
export const DEFERRED = /^(?:[ \t]*(?:\/\/[^\n]*|import [^\n]*)?\n)*\s*await\s+(?:reached\(\s*"([^"]+)"\s*\)|visibility\(\s*\))\s*;/;

/** The page's cells and inline expressions, in document order. */
export function pageCells(markdown: string, path = "/page.md"): Cell[] {
  // The site's own Markdown (observablehq.config.ts): math rendered at build time changes headings' ids.
  const page = parseMarkdown(markdown, { path, md: createMarkdownIt({ markdownIt: (md: MarkdownIt) => md.use(markdownMath, { checkCode: false }) }) });
  const headings = [...page.body.matchAll(/<h[1-6] id="([^"]*)"[^>]*>(.*?)<\/h[1-6]>/g)].map((m) => ({ at: m.index!, id: m[1], text: m[2].replace(/<[^>]+>/g, "") }));
  const sectionOf = (id: string) => {
    const at = page.body.indexOf(`<!--:${id}:-->`);
    const before = headings.filter((h) => h.at < at);
    return { section: before.length, heading: before.at(-1)?.text ?? "", headingId: before.at(-1)?.id ?? "" };
  };
  return page.code.map(({ id, mode, node }, index) => ({
    ...sectionOf(id),
    index,
    id,
    inline: mode === "inline",
    declares: (node.declarations ?? []).map((d) => d.name),
    references: [...new Set(node.references.map((r) => r.name))],
    deferred: DEFERRED.test(node.input),
    waitsFor: DEFERRED.exec(node.input)?.[1] ?? null,
    view: /\bview\s*\(/.test(node.input),
    head: node.input.trim().split("\n")[0].slice(0, 80),
  }));
}

/** For each cell, the cells that use its values directly or through other cells. */
export function dependents(cells: Cell[]): Set<number>[] {
  const declaredBy = new Map<string, number>();
  for (const c of cells) for (const name of c.declares) declaredBy.set(name, c.index);
  const direct = cells.map(() => new Set<number>());
  for (const c of cells) {
    for (const name of c.references) {
      const from = declaredBy.get(name);
      if (from !== undefined && from !== c.index) direct[from].add(c.index);
    }
  }
  return cells.map((_, i) => {
    const seen = new Set<number>();
    const stack = [...direct[i]];
    while (stack.length) {
      const j = stack.pop()!;
      if (seen.has(j)) continue;
      seen.add(j);
      stack.push(...direct[j]);
    }
    return seen;
  });
}

export interface Violation { cell: Cell; reason: string }

/** Deferred cells that break the rule: a view, or a value used above. */
export function violations(cells: Cell[]): Violation[] {
  const deps = dependents(cells);
  const out: Violation[] = [];
  for (const c of cells) {
    if (!c.deferred) continue;
    if (c.view) out.push({ cell: c, reason: "a deferred cell defines a view(...)" });
    const above = [...deps[c.index]].filter((j) => j < c.index);
    if (above.length) out.push({ cell: c, reason: `used above it by ${above.map((j) => `"${cells[j].head}"`).join(", ")}` });
  }
  return out;
}

/**
 * Deferred cells that wait for the wrong thing. A deferred cell waits for its
 * own section: `await reached("<the id of the nearest heading above it>")`
 * (src/components/reached.ts), which resolves once the reader reaches that
 * heading or jumps past it. Framework's `visibility()` is not allowed: a link
 * (the table of contents, the course map's exercise links) can jump to a
 * later section without the cell's place ever intersecting the viewport, and
 * a later section that uses its values would wait, blank, until the reader
 * scrolled back up. A cell before the first heading cannot be deferred.
 */
export function wrongWaits(cells: Cell[]): Violation[] {
  const out: Violation[] = [];
  for (const c of cells) {
    if (!c.deferred) continue;
    if (c.waitsFor === null) out.push({ cell: c, reason: `waits for visibility(); use await reached("${c.headingId}"), its section's heading` });
    else if (!c.headingId) out.push({ cell: c, reason: "a cell before the page's first heading cannot be deferred" });
    else if (c.waitsFor !== c.headingId) out.push({ cell: c, reason: `waits for reached("${c.waitsFor}"), but its section's heading is "${c.headingId}"` });
  }
  return out;
}

/**
 * Deferred cells that also wait through an input: they use (directly or
 * through other cells) a deferred cell above them. Harmless with reached():
 * the input's section is above, so it is reached first (or jumped past);
 * listed for information, as such a cell need not wait itself.
 */
export function redundant(cells: Cell[]): Cell[] {
  const deps = dependents(cells);
  const out = new Set<number>();
  for (const c of cells) if (c.deferred) for (const j of deps[c.index]) if (cells[j].deferred) out.add(j);
  return [...out].sort((a, b) => a - b).map((j) => cells[j]);
}

/** Block cells that could be deferred: no view, nothing above depends on them. */
export function candidates(cells: Cell[]): Cell[] {
  const deps = dependents(cells);
  return cells.filter((c) => !c.inline && !c.deferred && !c.view && c.declares.length > 0 && [...deps[c.index]].every((j) => j > c.index));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let bad = 0;
  for (const file of process.argv.slice(2)) {
    const cells = pageCells(readFileSync(file, "utf8"), "/" + basename(file));
    console.log(`${file}: ${cells.filter((c) => !c.inline).length} cells, ${cells.filter((c) => c.deferred).length} deferred`);
    for (const v of [...violations(cells), ...wrongWaits(cells)]) { bad++; console.log(`  VIOLATION #${v.cell.index} ${v.cell.head}: ${v.reason}`); }
    for (const c of redundant(cells)) console.log(`  redundant #${c.index} ${c.head} (also waits through a deferred input above it)`);
    for (const c of candidates(cells)) console.log(`  candidate #${c.index} ${c.head}`);
  }
  process.exit(bad ? 1 : 0);
}
