/**
 * Code where a number belongs: finds JavaScript written inside a Markdown
 * formula. KaTeX renders whatever is between the dollars, so
 * `$\eta < {num(limit)}$` shows the reader the literal text "num(limit)" —
 * the number has to be computed in a cell and put in the prose with
 * `${num(x)}` *outside* the math, or the whole formula built with `tex` in a
 * cell.
 *
 * One detector serves both checks: the markdown-it plugin
 * (`markdown-math.ts`) fails the build with it, and the unit test
 * `test/claims/code-in-math.test.ts` runs it over every page and names page
 * and line.
 *
 * What counts as code inside a formula:
 * - `${` — a Framework live expression (it never runs inside math);
 * - `=>` — an arrow function;
 * - an identifier call: a name followed by `(` that is not a TeX macro
 *   (`\exp(`), not a subscripted symbol (`f_t(x)`), and either contains a dot
 *   (`R.momentumLrLimit(`, `Math.ceil(`) or is three or more letters long
 *   (`num(`, `rate(`). One- and two-letter names (`f(x)`, `g(t)`) are
 *   mathematics. A function name in upright type is written
 *   `\operatorname{clip}(x)` or `\text{clip}(x)`, which this rule leaves alone.
 *
 * And, outside formulas, a formula that failed to open: a `$\…` left in the
 * text, which is what `$x = ${num(v)}$` becomes (the `${` ends the formula
 * before it starts).
 */
import type { Token } from "markdown-it";

/** Why a formula's TeX looks like code, quoting the fragment; `null` if it does not. */
export function codeInMath(tex: string): string | null {
  const live = tex.indexOf("${");
  if (live >= 0) return `a live expression "${excerpt(tex, live)}"`;
  const arrow = tex.indexOf("=>");
  if (arrow >= 0) return `an arrow function "${excerpt(tex, arrow)}"`;
  for (const match of tex.matchAll(IDENTIFIER_CALL)) {
    const name = match[1];
    if (name.includes(".") || name.length >= 3) return `a function call "${excerpt(tex, match.index ?? 0)}"`;
  }
  return null;
}

/** A name (optionally dotted) followed by "(", not preceded by a backslash, letter, digit, dot or underscore. */
const IDENTIFIER_CALL = /(?<![\\A-Za-z0-9._])([A-Za-z$][A-Za-z0-9$]*(?:\.[A-Za-z$][A-Za-z0-9$]*)*)\s*\(/g;

/** A dollar followed by a backslash or a letter, left in plain text: a formula that never opened. */
const UNOPENED_FORMULA = /\$\\[A-Za-z]/;

function excerpt(text: string, at: number): string {
  return text.slice(Math.max(0, at - 10), at + 30).replace(/\s+/g, " ").trim();
}

export interface CodeInMathFinding {
  /** 1-based line in the Markdown that was parsed (after front matter). */
  line: number;
  /** The formula's TeX, or the text around an unopened formula. */
  tex: string;
  reason: string;
}

/**
 * Walks a parsed page (markdown-it tokens with the math plugin's
 * `math_inline`, `math_block_inline` and `math_block` tokens) and lists every
 * formula that contains code, and every `$\…` left in plain text.
 */
export function findCodeInMath(tokens: Token[]): CodeInMathFinding[] {
  const found: CodeInMathFinding[] = [];
  for (const token of tokens) {
    const firstLine = (token.map?.[0] ?? 0) + 1;
    if (token.type === "math_block") {
      const reason = codeInMath(token.content);
      if (reason) found.push({ line: firstLine, tex: token.content, reason });
      continue;
    }
    if (token.type !== "inline" || !token.children) continue;
    // Children have no line numbers: find each child's text in the block's source, in order.
    let cursor = 0;
    const lineAt = (needle: string) => {
      const at = token.content.indexOf(needle, cursor);
      if (at < 0) return firstLine;
      cursor = at + needle.length;
      return firstLine + countNewlines(token.content, at);
    };
    for (const child of token.children) {
      if (child.type === "math_inline" || child.type === "math_block_inline") {
        const line = lineAt(child.content);
        const reason = codeInMath(child.content);
        if (reason) found.push({ line, tex: child.content, reason });
      } else if (child.type === "text") {
        const line = lineAt(child.content);
        const match = UNOPENED_FORMULA.exec(child.content);
        if (match) {
          found.push({ line, tex: excerpt(child.content, match.index), reason: "a formula that did not render (a `${` inside `$…$` ends it before it starts)" });
        }
      }
    }
  }
  return found;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) ++n;
  return n;
}

/**
 * Known failures, fixed by issue 16 (the Part II chapters' rewrite): pages
 * whose formulas still contain `{num(…)}`. The build lets these pages through
 * (so main keeps building while they are rewritten) and fails for every other
 * page; `test/claims/code-in-math.test.ts` asserts that each page listed here
 * still fails, so the list cannot outlive the fault — remove a page from it
 * as soon as its formulas are clean.
 */
export const KNOWN_CODE_IN_MATH: ReadonlySet<string> = new Set(["/momentum", "/nesterov"]);

/** The message the build fails with. */
export function describeCodeInMath(path: string, found: CodeInMathFinding[]): string {
  const lines = found.map((f) => `  line ${f.line}: ${f.reason} in $${f.tex.trim().slice(0, 80)}$`);
  return (
    `Code inside math in ${path || "a page"} (KaTeX would print it as text; compute the number in a cell and write \${num(x)} outside the $…$, or build the formula with tex in a cell):\n` +
    lines.join("\n")
  );
}
