/**
 * Hand-typed numbers: every number a page's prose states outside the code.
 *
 * A number the reader sees should come from the code (`${num(x)}`), or be a
 * setting the page fixes, a year, a cited figure, or exact arithmetic that a
 * test checks. This module finds the numbers typed into the prose, so that
 * `numbers.ts` can hold each against the page's allowlist.
 *
 * Where it looks: the text of paragraphs, headings, lists, tables, link text
 * and the text between HTML tags. Where it does not: front matter, `${…}`
 * expressions, `$…$`/`$$…$$` math, code fences and inline code, HTML tags and
 * their attributes, `<script>`/`<style>` bodies and HTML comments.
 *
 * What counts as a number (the rules, with the reasons):
 * - digits with an optional sign (`-`, `−`), decimal point, thousands
 *   separators (`10,000`), exponent (`1e-8`, `3.2×10⁻⁵`, `10⁴`) and percent
 *   sign, taken as written: "0.001", "1e-8", "4.5×10⁴", "95%";
 * - a spelled-out quantity that states a result: "ten times", "two-fold",
 *   "twice as", "half as", "tens of", "hundreds of", "thousands of",
 *   "orders of magnitude";
 * - a range "0.1–0.9" is two numbers.
 * Not numbers (names and references, not claims):
 * - digits inside a name: "L2", "x1", "beta2", "ℓ₂", "x₁", "β₂" (a digit
 *   right after a letter, and any sub- or superscript digit not after a
 *   number);
 * - ordinals and dimensions: "1st", "2nd", "3rd", "4th", "1-D", "2D", "3-D";
 * - references to parts of a text: "§11.6", "chapter 6", "Part II",
 *   "Section 3", "Algorithm 1", "Figure 2", "Table 1", "Eq. 4", "exercise 2",
 *   "step 1" of a numbered procedure is NOT exempt (it may be a setting);
 * - a heading's own number: "## 2. Momentum" (section numbering), and the
 *   number that opens a paragraph or its bold lead: "**3. Backtracking by
 *   hand.**" (exercise numbering);
 * - everything in a "References" (or "Bibliography", "Further reading")
 *   section: volumes, pages and years of the works cited are bibliographic
 *   data, checked against the works, not claims of the course. A year cited in
 *   the running text ("Bergstra and Bengio (2012)") does count, as `year:`.
 */
import type { Token } from "markdown-it";
import type { ParsedPage } from "./pages.js";

export interface ProseNumber {
  /** The number as written on the page, e.g. "0.4", "1e-8", "ten times". */
  text: string;
  /** 1-based line in the page's file (front matter counted). */
  line: number;
  /** The words around it, for the report. */
  context: string;
}

const SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺";
const NUMBER = new RegExp(
  String.raw`[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?` + // 10,000 or 0.001 or 12
    String.raw`(?:[eE][-+−]?\d+|\s?[×x·]\s?10[${SUPER}]+|\s?[×x·]\s?10\^[-−]?\d+|[${SUPER}]+)?` + // 1e-8, 3.2×10⁻⁵, 10⁴
    String.raw`%?`,
  "gu",
);
const SPELLED =
  /\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a hundred|hundred|a thousand|thousand|a million|million)[- ](?:times|fold)|twice as|half as|(?:tens|hundreds|thousands|millions|billions) of|orders? of magnitude)\b/giu;

/** Words after which a number names a part of a text (a reference, not a claim). */
const REFERENCES_HEADING = /^\s*(?:\d+\.\s*)?(?:references|bibliography|further reading|sources)\b/i;

/** A <summary> naming a references section (the section collapsed in a <details>). */
const REFERENCES_SUMMARY = /<summary>\s*(?:<strong>)?\s*(?:references|bibliography|further reading|sources)\b/i;

const REFERENCE_BEFORE = /(?:§\s*|\b(?:chapters?|parts?|sections?|algorithms?|figures?|fig\.|tables?|eqs?\.|equations?|exercises?|lectures?|theorems?|lemmas?|appendix|issues?|#)\s*)$/iu;

/** Lists the hand-typed numbers in a parsed page. */
export function proseNumbers(page: ParsedPage): ProseNumber[] {
  const found: ProseNumber[] = [];
  // Framework turns an HTML block with `${…}` into an inline token without a line: use the last line seen.
  let lastLine = 1 + page.frontMatterLines;
  // The level of the "References" heading we are under, or 0.
  let referencesLevel = 0;
  // Inside a <details> whose summary is "References", until its </details>.
  let referencesDetails = false;
  const visit = (tokens: Token[], inHeading: boolean) => {
    for (let i = 0; i < tokens.length; ++i) {
      const token = tokens[i];
      const firstLine = token.map ? token.map[0] + 1 + page.frontMatterLines : lastLine;
      lastLine = firstLine;
      if (token.type === "heading_open") {
        const level = Number(token.tag.slice(1));
        const inline = tokens[i + 1];
        if (referencesLevel && level <= referencesLevel) referencesLevel = 0;
        if (inline?.type === "inline" && REFERENCES_HEADING.test(inline.content)) referencesLevel = level;
        if (inline?.type === "inline" && !referencesLevel) scanInline(inline, firstLine, true, found);
        i += 1;
        continue;
      }
      if (token.type === "html_block" && REFERENCES_SUMMARY.test(token.content)) {
        referencesDetails = true; // a collapsible "References" section, up to its </details>
        continue;
      }
      if (referencesDetails) {
        if (token.type === "html_block" && /<\/details>/i.test(token.content)) referencesDetails = false;
        continue;
      }
      if (referencesLevel) continue;
      if (token.type === "inline") scanInline(token, firstLine, inHeading, found);
      else if (token.type === "html_block") scanText(htmlText(token.content), firstLine, false, found);
    }
  };
  visit(page.tokens, false);
  return found;
}

function scanInline(token: Token, firstLine: number, heading: boolean, found: ProseNumber[]) {
  // Children carry no line numbers: find each child's text in the block's source, in order.
  let cursor = 0;
  let first = true;
  let inHtmlScript = false;
  for (const child of token.children ?? []) {
    if (child.type === "html_inline" || child.type === "html_block") {
      if (/^<(script|style)\b/i.test(child.content)) inHtmlScript = true;
      if (/^<\/(script|style)\b/i.test(child.content)) inHtmlScript = false;
      if (child.type === "html_block") scanText(htmlText(child.content), firstLine, false, found);
      continue;
    }
    if (child.type === "strong_open" || child.type === "em_open") continue; // a bold lead still opens the paragraph
    if (child.type === "text" && child.content.trim() === "") continue;
    if (child.type !== "text" || inHtmlScript) {
      first = false;
      continue;
    }
    const at = token.content.indexOf(child.content, cursor);
    const line = at < 0 ? firstLine : firstLine + countNewlines(token.content, at);
    if (at >= 0) cursor = at + child.content.length;
    let text = child.content;
    if (heading && first) text = text.replace(/^\s*\d+(?:\.\d+)*\.?\s/, (m) => " ".repeat(m.length));
    else if (first) text = text.replace(/^\s*\d+\.\s(?=[^\d\s])/u, (m) => " ".repeat(m.length)); // exercise numbering
    first = false;
    scanText(text, line, false, found);
  }
}

/** The text of an HTML fragment: tags, attributes, comments, scripts and styles removed; `${…}` removed. */
export function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<code\b[\s\S]*?<\/code>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\$\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}/g, " ")
    .replace(/&(?:nbsp|thinsp|#8201);/g, " ")
    .replace(/&minus;/g, "−");
}

/** Finds the numbers in a stretch of prose text; each line is reported as the first line plus the newlines before it. */
export function scanText(text: string, firstLine: number, _heading: boolean, found: ProseNumber[]) {
  for (const match of text.matchAll(NUMBER)) {
    const at = match.index ?? 0;
    let written = match[0];
    const before = text.slice(0, at);
    const after = text.slice(at + written.length);
    // A minus sign counts only when it is not a hyphen joining words ("step-5" is not −5).
    if (/^[-−]/.test(written) && /[\p{L}\p{N})]$/u.test(before)) {
      written = written.slice(1);
    }
    const start = at + (match[0].length - written.length);
    const prev = text.slice(0, start);
    if (/[\p{L}_\p{N}.₀-₉⁰-⁹]$/u.test(prev) && !/\s$/.test(prev)) continue; // inside a name: L2, x1, β₂, 1.2.3
    if (/^(?:st|nd|rd|th)\b/.test(after)) continue; // ordinal
    if (/^[-‑]?D\b/.test(after)) continue; // 1-D, 2D
    if (/^[\p{L}_]/u.test(after) && !/^[×x]/.test(after)) continue; // a name that starts with digits: 3SAT, 2nd
    if (REFERENCE_BEFORE.test(prev)) continue; // §11.6, chapter 6
    if (/^\.\d/.test(after)) continue; // part of a dotted reference like 11.6.2
    found.push({ text: written.trim(), line: firstLine + countNewlines(text, start), context: contextAround(text, start, written.length) });
  }
  for (const match of text.matchAll(SPELLED)) {
    const at = match.index ?? 0;
    found.push({ text: match[0].toLowerCase(), line: firstLine + countNewlines(text, at), context: contextAround(text, at, match[0].length) });
  }
}

function contextAround(text: string, at: number, length: number): string {
  return text
    .slice(Math.max(0, at - 35), at + length + 35)
    .replace(/\s+/g, " ")
    .trim();
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) ++n;
  return n;
}
