/**
 * The build step that shrinks the site's fonts (run by post-build.ts before the
 * fonts move out of the stylesheets, so each file is named by the hash of its
 * subset). It uses HarfBuzz's subsetter (the `subset-font` package: WebAssembly,
 * no network, the same bytes on every OS).
 *
 * - **KaTeX's faces** keep only the characters the course's math can show
 *   (scripts/site/font-glyphs.ts says which, and why that is safe).
 * - **The body fonts** (Source Serif 4 and Inter, variable) keep every character
 *   of their latin `unicode-range`, but lose what the CSS never asks for:
 *   weights outside 400–700 (the `wght` axis is cut to the range the site's and
 *   Framework's CSS use: 400 normal … 700 bold; 500 and 600 stay reachable) and
 *   the OpenType features no rule turns on (small caps, old-style and fraction
 *   figures, stylistic sets…); a browser's default features and `tnum`
 *   (`font-variant-numeric: tabular-nums`) stay.
 *
 * After subsetting, `missingCharacters` reads each subset's character map back
 * and the build fails if a character the face had and the page needs is gone.
 */
import { convert } from "fontverter";
import { Blob, Face } from "harfbuzzjs";
import subsetFont from "subset-font";
import { readFileSync, writeFileSync } from "node:fs";
import { ASCII, katexGlyphSet, range, unicodeRangeChars, unicodeRangeOf } from "./font-glyphs.js";
import { walkFiles } from "./site-files.js";

/** Variable body fonts: the weights the site's CSS uses, as a range of the `wght` axis. */
export const BODY_WEIGHTS: Readonly<Record<string, { min: number; max: number }>> = {
  "Source Serif 4": { min: 400, max: 700 },
  Inter: { min: 400, max: 700 },
};

/**
 * Italic body faces are served as static instances at these weights instead of
 * one variable font: the course's italic is emphasis in prose, nearly all at
 * 400, and a static instance is about half the variable face (Source Serif 4
 * italic, latin: 31 → 17 KB). A weight between two instances (500, 600) uses
 * the nearer one, as CSS's font matching does.
 */
export const ITALIC_INSTANCES: readonly number[] = [400, 700];

/**
 * Faces served in two files split by `unicode-range`: the characters nearly
 * every use of the face needs, and the rest. A browser downloads a file only
 * when the page draws a character of its range in that face, so a page whose
 * italic is plain English, or whose bold math is letters and digits, loads the
 * small file only (Source Serif 4 italic: 17 → 11 KB; KaTeX_Main bold: 19 → 12 KB).
 * Keyed by "family|weight|style"; the value is the common part.
 */
export const SPLIT_FACES: Readonly<Record<string, string>> = (() => {
  // Prose: ASCII, the no-break space, dashes, curly quotes, the ellipsis, and the
  // control characters (a tab or newline in the text must not fetch the rest).
  const prose = range(0, 0x1f) + ASCII + "\u00a0–—‘’“”…";
  return {
    ...Object.fromEntries(ITALIC_INSTANCES.map((weight) => [`Source Serif 4|${weight}|italic`, prose])),
    // Bold math (\mathbf): ASCII and the Greek letters.
    "KaTeX_Main|700|normal": ASCII + range(0x391, 0x3a9) + range(0x3b1, 0x3c9),
  };
})();

/** A variable face's `@font-face` body made a static instance's: one `font-weight`, format `woff2`. */
function staticFace(body: string, weight: number): string {
  return body.replace(/font-weight\s*:\s*\d+\s+\d+/, `font-weight:${weight}`).replace(/format\((['"])woff2-variations\1\)/, "format($1woff2$1)");
}

/** The characters of `chars` split in two by `common` (those in it, then the rest), empty parts left out; or `chars` whole without `common`. */
function splitBy(chars: string, common: string | undefined): string[] {
  if (!common) return [chars];
  const all = [...chars];
  return [all.filter((ch) => common.includes(ch)), all.filter((ch) => !common.includes(ch))].filter((part) => part.length > 0).map((part) => part.join(""));
}

/** An `@font-face` body with its `unicode-range` set to exactly `chars` (replaced, or added). */
function withUnicodeRange(body: string, chars: string): string {
  const declaration = `unicode-range:${unicodeRangeOf(chars)}`;
  const existing = /unicode-range\s*:[^;}]*/;
  return existing.test(body) ? body.replace(existing, declaration) : `${body.replace(/;?\s*$/, "")};${declaration}`;
}

/**
 * OpenType layout features the body fonts keep: those browsers apply by default
 * (kerning, ligatures, contextual alternates, marks, localized forms, variation
 * substitutions) and `tnum`, which the CSS asks for (tabular figures in tables
 * and Inputs). Glyphs reachable only through other features are dropped.
 */
export const BODY_FEATURES: readonly string[] = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk", "rlig", "rclt", "rvrn", "curs", "dist", "tnum"];

let queue: Promise<unknown> = Promise.resolve();

/**
 * The characters a font maps to glyphs (its `cmap`, read by HarfBuzz); woff2 is
 * first unpacked to sfnt by `fontverter`. Calls run one at a time: the woff2
 * decoder (WebAssembly) is not reentrant — two at once made one of them read
 * an empty font.
 */
export function fontCharacters(font: Uint8Array): Promise<Set<string>> {
  const run = queue.then(async () => {
    const sfnt = await convert(Buffer.from(font), "sfnt");
    const out = new Set<string>();
    for (const c of new Face(new Blob(sfnt)).collectUnicodes()) out.add(String.fromCodePoint(c));
    if (out.size === 0) throw new Error("fontCharacters: the font maps no characters (unreadable?)");
    return out;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** The characters of `needed` that `original` maps but `subset` does not: each one would fall back to another font. */
export async function missingCharacters(original: Uint8Array, subset: Uint8Array, needed: Iterable<string>): Promise<string[]> {
  const [had, has] = await Promise.all([fontCharacters(original), fontCharacters(subset)]);
  return [...new Set(needed)].filter((ch) => had.has(ch) && !has.has(ch)).sort();
}

export interface FaceReport {
  family: string;
  weight: string;
  style: string;
  before: number;
  after: number;
}

const describe = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} ${JSON.stringify(ch)}`;

/** A descriptor of an `@font-face` body, e.g. `descriptor(body, "font-family")`. */
function descriptor(body: string, name: string): string | undefined {
  return new RegExp(`(?:^|[;{\\s])${name}\\s*:\\s*([^;}]*)`).exec(body)?.[1].trim();
}

/**
 * Subsets every inlined woff2 font of a stylesheet (see the module comment).
 * `katexChars`: the characters KaTeX's faces keep. Returns the new CSS (each
 * data URL replaced by its subset's; the body fonts' `font-weight` range set
 * to the kept axis range) and a line per face. Throws if a subset lost a
 * character it must keep.
 */
export async function subsetStylesheet(css: string, katexChars: ReadonlySet<string>): Promise<{ css: string; faces: FaceReport[] }> {
  const rules = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)];
  const faces: FaceReport[] = [];
  const replacements: string[] = [];
  // One face at a time: HarfBuzz's WebAssembly heap is shared.
  for (const rule of rules)
    replacements.push(
      await (async () => {
      const body = rule[1];
      const data = /url\(\s*["']?data:font\/woff2;base64,([A-Za-z0-9+/=]+)["']?\s*\)/.exec(body);
      if (!data) return rule[0];
      const family = (descriptor(body, "font-family") ?? "").replace(/^['"]|['"]$/g, "");
      const font = Buffer.from(data[1], "base64");
      let chars: string;
      let options: Parameters<typeof subsetFont>[2] = { targetFormat: "woff2" };
      let out = body;
      if (family.startsWith("KaTeX_")) {
        chars = [...katexChars].join("");
      } else if (family in BODY_WEIGHTS) {
        const range = descriptor(body, "unicode-range");
        if (!range) throw new Error(`subset-fonts: ${family} has no unicode-range, so which characters to keep is unknown`);
        chars = unicodeRangeChars(range);
        const wght = BODY_WEIGHTS[family];
        options = { ...options, keepFeatures: [...BODY_FEATURES], variationAxes: { wght } };
        out = out.replace(/font-weight\s*:\s*\d+\s+\d+/, `font-weight:${wght.min} ${wght.max}`);
      } else {
        throw new Error(`subset-fonts: no rule for the font family "${family}" (add it to scripts/site/subset-fonts.ts)`);
      }
      // One face, or one static instance per weight for a body font's italic.
      const variants =
        family in BODY_WEIGHTS && descriptor(body, "font-style") === "italic"
          ? ITALIC_INSTANCES.map((weight) => ({ options: { ...options, variationAxes: { wght: weight } }, body: staticFace(out, weight) }))
          : [{ options, body: out }];
      const rulesOut: string[] = [];
      for (const variant of variants) {
        const weight = descriptor(variant.body, "font-weight") ?? "400";
        const style = descriptor(variant.body, "font-style") ?? "normal";
        // One file, or two split by unicode-range (SPLIT_FACES): the common characters, then the rest.
        const common = SPLIT_FACES[`${family}|${weight}|${style}`];
        for (const piece of splitBy(chars, common)) {
          const subset = await subsetFont(font, piece, variant.options);
          const missing = await missingCharacters(font, subset, piece);
          if (missing.length > 0) throw new Error(`subset-fonts: the ${family} subset lost ${missing.length} characters it must keep: ${missing.slice(0, 10).map(describe).join(", ")}`);
          faces.push({ family, weight, style, before: font.length, after: subset.length });
          const rule = variant.body.replace(data[0], `url(data:font/woff2;base64,${subset.toString("base64")})`);
          rulesOut.push(`@font-face{${common ? withUnicodeRange(rule, piece) : rule}}`);
        }
      }
      return rulesOut.join("\n");
      })(),
    );
  let i = 0;
  return { css: css.replace(/@font-face\s*\{([^}]*)\}/g, () => replacements[i++]), faces };
}

/**
 * Subsets the fonts of every stylesheet under `dist` that still inlines them
 * (run before `postBuild`, which moves them to files named by their hash).
 * `srcDir`: the pages' sources, for the live formulas' characters.
 */
export async function subsetFonts(dist: string, srcDir: string): Promise<{ faces: FaceReport[]; katexChars: number; pages: number; formulas: number }> {
  const { chars, sources } = katexGlyphSet(dist, srcDir);
  const faces: FaceReport[] = [];
  for (const file of walkFiles(dist)) {
    if (!file.endsWith(".css")) continue;
    const css = readFileSync(file, "utf8");
    if (!css.includes("data:font/woff2")) continue;
    const out = await subsetStylesheet(css, chars);
    faces.push(...out.faces);
    writeFileSync(file, out.css);
  }
  return { faces, katexChars: chars.size, pages: sources.pages, formulas: sources.formulas };
}
