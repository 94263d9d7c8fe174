/**
 * Which cells of a page may wait for the reader to scroll to them
 * (`await visibility();` as their first statement), and whether the ones that
 * do are safe.
 *
 * The rule (docs/writing-a-chapter.md, "Below the first screen"): a deferred
 * cell never defines a `view(...)`, and nothing *above* it in the page uses
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
}

/** The page's cells and inline expressions, in document order. */
export function pageCells(markdown: string, path = "/page.md"): Cell[] {
  const page = parseMarkdown(markdown, { path, md: createMarkdownIt() });
  return page.code.map(({ id, mode, node }, index) => ({
    index,
    id,
    inline: mode === "inline",
    declares: (node.declarations ?? []).map((d) => d.name),
    references: [...new Set(node.references.map((r) => r.name))],
    deferred: /^\s*await\s+visibility\(\s*\)\s*;/.test(node.input),
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
 * Deferred cells that also wait through an input: they use (directly or
 * through other cells) a deferred cell above them. Harmless within a screen;
 * but when that input sits screens above, a reader who jumps to the dependent
 * (a table-of-contents link) sees it wait until they scroll up to the input,
 * and a cell whose input is ready only after the reader scrolled past waits
 * for them to come back. Keep such far-away inputs undeferred
 * (scripts/perf/cell-positions.ts gives the positions).
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
    for (const v of violations(cells)) { bad++; console.log(`  VIOLATION #${v.cell.index} ${v.cell.head}: ${v.reason}`); }
    for (const c of redundant(cells)) console.log(`  redundant #${c.index} ${c.head} (also waits through a deferred input above it)`);
    for (const c of candidates(cells)) console.log(`  candidate #${c.index} ${c.head}`);
  }
  process.exit(bad ? 1 : 0);
}
