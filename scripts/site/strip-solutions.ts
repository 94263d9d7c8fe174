/**
 * The student build of the site (`npm run build:student`, or
 * `DESCENT_STUDENT_BUILD=1 npm run build`; output in dist-student/): every
 * worked solution is removed from the pages' Markdown *before* Framework
 * compiles it, so neither the built HTML nor the page's JavaScript (the live
 * `${…}` expressions and the ```js cells inside a solution) nor the search
 * index holds it. `?class=1` only hides solutions in the browser; this build
 * does not ship them.
 *
 * What is removed:
 * - every `<details class="solution">…</details>` block (nested `<details>`
 *   inside it included), replaced by a short note;
 * - the `explanation` of every `NumericCheck({…})` (shown after a correct
 *   answer, it is a worked solution too).
 *
 * What stays, and why: a numeric exercise's `answer` (the page checks typed
 * answers in the browser, so the number is in its code), and the library
 * (`lib/`, bundled into the pages' modules: the pages run it; it is the
 * reference of the code exercises). Graded code goes through the student edition, which ships
 * neither (`npm run assignment`).
 */
import type { default as MarkdownIt, StateCore } from "markdown-it";

const OPEN = /^[ \t]*<details\s+class="solution"[^>]*>/gm;
export const REMOVED_NOTE = '<p class="solution-removed"><em>The worked solution is not part of this edition of the course.</em></p>';

/** The source with every `<details class="solution">` block replaced by a note; throws on an unclosed block, naming its line. */
export function stripSolutionBlocks(source: string, where = "page"): string {
  let out = "";
  let from = 0;
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(source); m; m = OPEN.exec(source)) {
    let depth = 1;
    const tag = /<details\b|<\/details>/g;
    tag.lastIndex = m.index + m[0].length;
    let end = -1;
    for (let t = tag.exec(source); t; t = tag.exec(source)) {
      depth += t[0] === "</details>" ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    if (end < 0) throw new Error(`${where}:${source.slice(0, m.index).split("\n").length}: <details class="solution"> is never closed`);
    out += source.slice(from, m.index) + REMOVED_NOTE;
    from = end;
    OPEN.lastIndex = end;
  }
  return out + source.slice(from);
}

/** The end (exclusive) of the JavaScript string or template literal starting at `i` (a quote or backtick). */
function literalEnd(s: string, i: number): number {
  const q = s[i];
  let depth = 0;
  for (let k = i + 1; k < s.length; k++) {
    const c = s[k];
    if (c === "\\") k++;
    else if (q === "`" && c === "$" && s[k + 1] === "{") (depth++, k++);
    else if (q === "`" && depth > 0 && c === "}") depth--;
    else if (q === "`" && depth > 0 && (c === '"' || c === "'" || c === "`")) k = literalEnd(s, k) - 1;
    else if (c === q && depth === 0) return k + 1;
  }
  throw new Error("unterminated string literal");
}

/** The source with the `explanation: "…"` (or `…`) argument of every NumericCheck call removed. */
export function stripNumericExplanations(source: string): string {
  const re = /NumericCheck\(\{/g;
  let out = "";
  let from = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    // Only within this call's object: up to its closing "})".
    const close = source.indexOf("})", m.index);
    const key = /,\s*explanation:\s*(["'`])/g;
    key.lastIndex = m.index;
    const k = key.exec(source);
    if (!k || close < 0 || k.index > close) continue;
    const start = k.index + k[0].length - 1;
    const end = literalEnd(source, start);
    out += source.slice(from, k.index);
    from = end;
    re.lastIndex = end;
  }
  return out + source.slice(from);
}

/** Both removals. */
export function stripSolutions(source: string, where = "page"): string {
  return stripNumericExplanations(stripSolutionBlocks(source, where));
}

/** Whether this build is the student build. */
export const STUDENT_BUILD = process.env.DESCENT_STUDENT_BUILD === "1";

/** A markdown-it plugin rewriting the page's source before anything parses it (Framework's `${…}` and ```js included). */
export function markdownStripSolutions(md: MarkdownIt): void {
  md.core.ruler.before("normalize", "descent-strip-solutions", (state: StateCore) => {
    state.src = stripSolutions(state.src, String((state.env as { path?: string })?.path ?? "page"));
  });
}
