/**
 * Which characters each of the site's fonts must keep when the build subsets
 * them (scripts/site/subset-fonts.ts). No font code: text, HTML and KaTeX.
 *
 * The rule, per font:
 * - **KaTeX's faces**: every character KaTeX draws anywhere on the built pages
 *   (the text inside each `katex-html` span: the static math rendered at build
 *   time), plus every character KaTeX draws for the formulas the cells render at
 *   run time (each `tex\`…\`` template in src/ with sample numbers put in, and
 *   every optimizer rule in lib/optimizers/registry.ts, rendered here with the
 *   same KaTeX), plus a fixed safety set (`MATH_SAFETY`: printable ASCII, Greek,
 *   the operators, arrows, delimiters and accents a new live formula is likely to
 *   use). Every KaTeX face keeps the whole set (intersected with what the face
 *   has), rather than only what its own CSS classes show: which face a character
 *   lands in depends on KaTeX's class cascade, and the union costs few bytes.
 * - **The body fonts** (Source Serif 4, Inter): every character of the
 *   `unicode-range` their `@font-face` declares (fontsource's latin subset), so
 *   no prose, table or live sentence loses a glyph it has today.
 */

import katex from "katex";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { optimizers } from "../../lib/optimizers/registry.js";
import { katexOptions } from "../../src/components/katex-options.js";

/** Printable ASCII, U+0020–U+007E. */
export const ASCII = range(0x20, 0x7e);

/**
 * Characters a live formula may need that the course's pages do not show today:
 * printable ASCII, Greek (with TeX's variant forms), and the operators, relations,
 * arrows, delimiters, dots and accents of everyday TeX. KaTeX draws each of these
 * with KaTeX_Main, KaTeX_Math, KaTeX_AMS or a KaTeX_Size face.
 */
export const MATH_SAFETY =
  ASCII +
  range(0x391, 0x3a9) + // Α–Ω
  range(0x3b1, 0x3c9) + // α–ω
  "ϑϕϖϱϵϰϒ" + // \vartheta \phi \varpi \varrho \epsilon \varkappa \Upsilon
  "ıȷℓℏ∅ℝℕℤℚℂ" + // dotless i/j (accents), \ell \hbar \emptyset, blackboard letters
  "−×÷·±∓∗⋆∘∙⊙⊗⊕⋅∖∣∥‖†‡′″‴" + // binary operators, \mid \| \prime
  "=<>≤≥≦≧⩽⩾≈≠≡≃≅∼∝≪≫≺≻⪯⪰∈∉∋⊂⊃⊆⊇⊊∩∪∧∨¬⊤⊥∀∃∄∂∇√∞" + // relations, logic, calculus
  "∑∏∐∫∬∭∮⋀⋁⋂⋃⨁⨂" + // big operators (KaTeX_Size1/2 for display)
  "→←↔⇒⇐⇔↦↑↓⇑⇓↗↘⟶⟵⟷⟹⟸⟺⟼↪↩" + // arrows, \iff \implies \to \mapsto
  "()[]{}|/\\⟨⟩⌊⌋⌈⌉⎛⎜⎝⎞⎟⎠⎡⎢⎣⎤⎥⎦⎧⎨⎩⎪⎫⎬⎭⎮⎰⎱⏐⏞⏟" + // delimiters and their big pieces (Size1–4)
  "…⋯⋮⋱" + // dots
  "ˆˇ˘˙˚˜¨¯ˉ´`˝" + // accents drawn from the text fonts: \hat \check \breve \dot \tilde \ddot \bar \acute \grave
  "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030a\u030b\u030c\u0338" + // combining accents, \not
  "°∠\u20d7" + // \degree \angle, the combining arrow of \vec
  "\u00a0" + range(0x2000, 0x200b) + // spaces KaTeX may emit
  "–—‘’“”"; // text dashes and quotes inside \text{…}

/** The characters from code point `from` to `to`, inclusive. */
export function range(from: number, to: number): string {
  let out = "";
  for (let c = from; c <= to; c++) out += String.fromCodePoint(c);
  return out;
}

/** The characters of a CSS `unicode-range` value, e.g. `U+0000-00FF,U+0131,U+20??`. */
export function unicodeRangeChars(value: string): string {
  let out = "";
  for (const part of value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(part);
    if (!m) throw new Error(`unicodeRangeChars: cannot read "${part}" in unicode-range: ${value}`);
    const from = parseInt(m[1].replaceAll("?", "0"), 16);
    const to = m[2] ? parseInt(m[2], 16) : parseInt(m[1].replaceAll("?", "F"), 16);
    // Surrogates are not characters a font maps.
    for (let c = from; c <= to; c++) if (c < 0xd800 || c > 0xdfff) out += String.fromCodePoint(c);
  }
  return out;
}

/** A CSS `unicode-range` value naming exactly the characters of `chars` (runs of consecutive code points as ranges). */
export function unicodeRangeOf(chars: Iterable<string>): string {
  const points = [...new Set([...chars].map((ch) => ch.codePointAt(0)!))].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, "0");
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    parts.push(i === j ? `U+${hex(points[i])}` : `U+${hex(points[i])}-${hex(points[j])}`);
    i = j + 1;
  }
  return parts.join(",");
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the HTML character references in a text node (named: the five XML ones and `&nbsp;`; numeric: all). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") return String.fromCodePoint(ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    const named = NAMED_ENTITIES[ref.toLowerCase()];
    if (named === undefined) throw new Error(`decodeEntities: unknown entity ${whole}`);
    return named;
  });
}

/**
 * Every character KaTeX draws in `html`: the text inside each
 * `<span class="katex-html">` (the visible half of KaTeX's output; the MathML
 * half is for screen readers and hidden). Nested spans are followed to the
 * matching `</span>`; tags and attributes (SVG paths of radicals and stretchy
 * arrows) are not text.
 */
export function katexCharacters(html: string): Set<string> {
  const chars = new Set<string>();
  const start = /<span[^>]*\bclass="katex-html"[^>]*>/g;
  for (let m = start.exec(html); m; m = start.exec(html)) {
    const token = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>|([^<]+)/g;
    token.lastIndex = m.index + m[0].length;
    let depth = 1;
    for (let t = token.exec(html); t && depth > 0; t = token.exec(html)) {
      if (t[4] !== undefined) {
        for (const ch of decodeEntities(t[4])) if (ch !== "\n" && ch !== "\r" && ch !== "\t") chars.add(ch);
      } else if (t[2].toLowerCase() === "span" && t[3] !== "/") depth += t[1] ? -1 : 1;
    }
    start.lastIndex = token.lastIndex;
  }
  return chars;
}

/** The `tex\`…\`` and `tex.block\`…\`` templates in a source file, each `${…}` replaced by `\u0000` (a slot). */
export function texTemplates(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\btex(?:\.block)?`((?:[^`\\]|\\.)*)`/gs)) {
    let body = "";
    let i = 0;
    const s = m[1];
    while (i < s.length) {
      if (s[i] === "$" && s[i + 1] === "{") {
        let depth = 1;
        i += 2;
        while (i < s.length && depth > 0) {
          if (s[i] === "{") depth++;
          else if (s[i] === "}") depth--;
          i++;
        }
        body += "\u0000";
      } else body += s[i++];
    }
    out.push(body);
  }
  return out;
}

/**
 * What a slot of a live template can hold: the number formats of `fmt`
 * (src/components/tex.ts: digits, TeX's minus, × 10^k, NaN, ∞) and a Greek name.
 */
export const SLOT_SAMPLES: readonly string[] = ["0.1234", "-56.78", "1.5 \\times 10^{-5}", "-9 \\times 10^{7}", "\\text{NaN}", "-\\infty", "\\eta"];

/** The files under `dir` (recursively) whose names match `pattern`, skipping dot-folders and node_modules. */
function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".") || entry.name === "node_modules") return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path, pattern) : pattern.test(entry.name) ? [path] : [];
  });
}

/** KaTeX's visible characters for one formula, rendered as the site renders it; a formula that does not parse gives none. */
export function renderedCharacters(tex: string, displayMode: boolean): Set<string> {
  try {
    return katexCharacters(katex.renderToString(tex, { ...katexOptions, macros: { ...katexOptions.macros }, displayMode }));
  } catch {
    return new Set();
  }
}

/**
 * The live formulas' TeX: each template of `src/` (pages and components) once
 * per slot sample, and every optimizer's rule from the registry.
 */
export function runtimeFormulas(srcDir: string): string[] {
  const out: string[] = [];
  for (const file of files(srcDir, /\.(md|ts|js)$/))
    for (const template of texTemplates(readFileSync(file, "utf8")))
      for (const sample of SLOT_SAMPLES) out.push(template.replaceAll("\u0000", sample));
  for (const info of optimizers) out.push(info.rule);
  return out;
}

/**
 * The characters KaTeX's faces keep (see the module comment): those drawn on the
 * built pages under `dist`, those of the live formulas in `srcDir`, and `MATH_SAFETY`.
 * `sources` says how many of each were read, for the build's log and the tests.
 */
export function katexGlyphSet(dist: string, srcDir: string): { chars: Set<string>; pages: Set<string>; runtime: Set<string>; sources: { pages: number; formulas: number } } {
  const pages = new Set<string>();
  const htmlFiles = files(dist, /\.html$/);
  for (const file of htmlFiles) for (const ch of katexCharacters(readFileSync(file, "utf8"))) pages.add(ch);
  const runtime = new Set<string>();
  const formulas = runtimeFormulas(srcDir);
  for (const tex of formulas) for (const display of [false, true]) for (const ch of renderedCharacters(tex, display)) runtime.add(ch);
  const chars = new Set([...pages, ...runtime, ...MATH_SAFETY]);
  return { chars, pages, runtime, sources: { pages: htmlFiles.length, formulas: formulas.length } };
}
