/**
 * A markdown-it plugin that renders `$…$` (inline) and `$$…$$` (display) with
 * KaTeX at build time, so pages ship no math JavaScript.
 *
 * A formula KaTeX cannot parse throws, which fails `npm run build` (and so
 * `npm test`) with the page, line and KaTeX's message — never red text on the
 * page. The KaTeX that renders here is the one in node_modules, the same one
 * whose CSS and fonts the site serves (src/assets/katex.css.ts).
 *
 * Rules, as in most Markdown math dialects:
 * - inline `$x$`: the opening `$` is not followed by white space and the closing
 *   one is not preceded by white space nor followed by a digit, so "$5 and $6"
 *   stays text; `\$` is a literal dollar;
 * - `${` is left alone: it opens one of Framework's live `${…}` expressions;
 * - display `$$…$$` may sit on one line or span lines, as a block of its own.
 *
 * A formula that contains JavaScript (`{num(x)}`, `${…}`, `=>`, a call like
 * `rate(`) also fails the build, naming the page and line: KaTeX would print
 * the code as text (see `code-in-math.ts`; the pages in `KNOWN_CODE_IN_MATH`
 * are let through until their rewrite, and a unit test keeps that list honest).
 */
import katex from "katex";
import type { default as MarkdownIt, StateBlock, StateCore, StateInline } from "markdown-it";
import { describeCodeInMath, findCodeInMath, KNOWN_CODE_IN_MATH } from "./code-in-math.js";
import { katexOptions } from "../../src/components/katex-options.js";


/** Renders one formula or throws an Error naming where it came from. */
export function renderMath(tex: string, displayMode: boolean, where = ""): string {
  try {
    return katex.renderToString(tex, { ...katexOptions, macros: { ...katexOptions.macros }, displayMode });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`KaTeX could not render ${displayMode ? "$$" : "$"}${tex}${displayMode ? "$$" : "$"}${where}: ${message}`);
  }
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== 0x24 /* $ */) return false;
  const next = src.charCodeAt(pos + 1);
  if (next === 0x7b /* { */) return false; // Framework's ${…}
  if (next === 0x24 /* $ */) {
    // $$…$$ inline: display math inside a paragraph.
    const end = src.indexOf("$$", pos + 2);
    if (end < 0 || end + 2 > posMax) return false;
    if (!silent) {
      const token = state.push("math_block_inline", "math", 0);
      token.content = src.slice(pos + 2, end);
    }
    state.pos = end + 2;
    return true;
  }
  if (pos + 1 >= posMax || isWhitespace(next)) return false;
  let end = pos + 1;
  for (;;) {
    end = src.indexOf("$", end);
    if (end < 0 || end >= posMax) return false;
    let backslashes = 0;
    for (let i = end - 1; src.charCodeAt(i) === 0x5c; --i) ++backslashes;
    if (backslashes % 2 === 1) {
      ++end;
      continue;
    }
    break;
  }
  if (isWhitespace(src.charCodeAt(end - 1))) return false;
  const after = src.charCodeAt(end + 1);
  if (after >= 0x30 && after <= 0x39) return false;
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.content = src.slice(pos + 1, end);
  }
  state.pos = end + 1;
  return true;
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  let start = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (!state.src.startsWith("$$", start)) return false;
  const firstLine = state.src.slice(start + 2, max);
  let content: string;
  let line = startLine;
  const closing = firstLine.trimEnd().endsWith("$$") && firstLine.trim().length >= 2;
  if (closing) {
    content = firstLine.trimEnd().slice(0, -2);
  } else {
    const lines = [firstLine];
    let found = false;
    while (++line < endLine) {
      start = state.bMarks[line] + state.tShift[line];
      max = state.eMarks[line];
      const text = state.src.slice(start, max);
      if (text.trimEnd().endsWith("$$")) {
        lines.push(text.trimEnd().slice(0, -2));
        found = true;
        break;
      }
      lines.push(state.src.slice(state.bMarks[line], max));
    }
    if (!found) return false;
    content = lines.join("\n");
  }
  if (silent) return true;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = content;
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

/**
 * Installs the math rules on a markdown-it instance (Framework's `markdownIt`
 * config hook). `checkCode: false` parses without failing on code inside math,
 * for the checks that list every finding themselves.
 */
export function markdownMath(md: MarkdownIt, { checkCode = true }: { checkCode?: boolean } = {}): void {
  md.inline.ruler.before("escape", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
  if (checkCode) md.core.ruler.push("code_in_math", (state: StateCore) => {
    const path = (state.env as { path?: string } | undefined)?.path ?? "";
    if (KNOWN_CODE_IN_MATH.has(path)) return false;
    const found = findCodeInMath(state.tokens);
    if (found.length > 0) throw new Error(describeCodeInMath(path, found));
    return false;
  });
  const where = (env: unknown, line?: number) => {
    const path = (env as { path?: string } | undefined)?.path;
    return path ? ` in ${path}${line === undefined ? "" : ` (line ${line + 1})`}` : "";
  };
  md.renderer.rules.math_inline = (tokens, idx, _options, env) => renderMath(tokens[idx].content, false, where(env));
  md.renderer.rules.math_block_inline = (tokens, idx, _options, env) =>
    `<span class="math-display">${renderMath(tokens[idx].content, true, where(env))}</span>`;
  md.renderer.rules.math_block = (tokens, idx, _options, env) =>
    `<div class="math-display">${renderMath(tokens[idx].content, true, where(env, tokens[idx].map?.[0]))}</div>\n`;
}
