import katex from "katex";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import subsetFont from "subset-font";
import { Blob, Face } from "harfbuzzjs";
import { convert } from "fontverter";
import { describe, expect, test } from "vitest";
import { katexCharacters, MATH_SAFETY, renderedCharacters, runtimeFormulas, texTemplates, unicodeRangeChars, unicodeRangeOf } from "../../scripts/site/font-glyphs.js";
import { inlineWoff2, packageDir } from "../../scripts/site/inline-fonts.js";
import { BODY_WEIGHTS, ITALIC_INSTANCES, SPLIT_FACES, fontCharacters, missingCharacters, subsetStylesheet } from "../../scripts/site/subset-fonts.js";
import { katexOptions } from "../../src/components/katex-options.js";

const katexFonts = join(packageDir("katex"), "dist", "fonts");
const mainRegular = readFileSync(join(katexFonts, "KaTeX_Main-Regular.woff2"));
const render = (tex: string) => katex.renderToString(tex, { ...katexOptions, macros: { ...katexOptions.macros } });

describe("which characters the fonts keep (scripts/site/font-glyphs.ts)", () => {
  test("unicodeRangeChars reads single code points, ranges and wildcards, and rejects anything else", () => {
    expect(unicodeRangeChars("U+0041-0043, U+03B7")).toBe("ABCη");
    expect(unicodeRangeChars("U+003?")).toBe("0123456789:;<=>?");
    expect(unicodeRangeChars("U+D7FF-E000")).toBe("\ud7ff\ue000"); // surrogates skipped
    expect(() => unicodeRangeChars("latin")).toThrow(/cannot read "latin"/);
  });

  test("katexCharacters takes the visible half of KaTeX's output, not the MathML (whose annotation holds the TeX source)", () => {
    const chars = katexCharacters(render(String.raw`\eta \le \frac{a}{b} < \sqrt{x}`));
    for (const ch of ["η", "≤", "a", "b", "<", "x"]) expect(chars).toContain(ch);
    expect(chars).not.toContain("\\");
    expect(chars).not.toContain("f"); // from "\frac" in the annotation
  });

  test("katexCharacters follows nested spans to the end of each formula and decodes character references", () => {
    const html = `<p>a</p><span class="katex-html" aria-hidden="true"><span class="base"><span>&lt;</span>&#x3b7;</span>&amp;<svg><path d="M0 0"></path></svg></span>zz`;
    expect([...katexCharacters(html)].sort()).toEqual(["&", "<", "η"]);
  });

  test("texTemplates finds tex`…` and tex.block`…` and marks each ${…} as a slot", () => {
    const source = "display(tex`\\eta = ${fmt(x, {a: 1})} < ${y}`); tex.block`\\sum_i ${n}`; latex`no`";
    expect(texTemplates(source)).toEqual(["\\eta = \u0000 < \u0000", "\\sum_i \u0000"]);
  });

  test("the live formulas of src/ are found and rendered: the registry's rules and the pages' templates", () => {
    const formulas = runtimeFormulas("src");
    expect(formulas.length).toBeGreaterThan(100);
    const chars = new Set(formulas.flatMap((tex) => [...renderedCharacters(tex, true)]));
    for (const ch of ["η", "β", "λ", "∑", "≈", "×", "−", "∞", "⟺"]) expect(chars).toContain(ch);
  });

  test("the safety set holds printable ASCII, the Greek alphabet and fmt's number symbols", () => {
    for (let c = 0x20; c <= 0x7e; c++) expect(MATH_SAFETY).toContain(String.fromCharCode(c));
    for (const ch of "αβγδεζηθικλμνξοπρστυφχψωΓΔΘΛΞΠΣΦΨΩ−×∞") expect(MATH_SAFETY).toContain(ch);
  });
});

describe("subsetting (scripts/site/subset-fonts.ts)", () => {
  test("missingCharacters finds a glyph a subset dropped (the fault the build and the browser test guard against)", async () => {
    const needed = "η≤x2(";
    const full = await subsetFont(mainRegular, needed, { targetFormat: "woff2" });
    expect(await missingCharacters(mainRegular, full, needed)).toEqual([]);
    const withoutX = await subsetFont(mainRegular, needed.replace("x", ""), { targetFormat: "woff2" });
    expect(await missingCharacters(mainRegular, withoutX, needed)).toEqual(["x"]);
    // A character the original never had (η is in KaTeX_Math, not Main) is not "missing".
    expect((await fontCharacters(mainRegular)).has("η")).toBe(false);
  });

  test("a KaTeX face keeps the needed characters it had, drops the others, and is smaller", async () => {
    const css = inlineWoff2(`@font-face{font-family:KaTeX_Main;src:url(KaTeX_Main-Regular.woff2) format("woff2");font-weight:400;font-style:normal}`, katexFonts);
    const keep = new Set("x=(2)≤∑αé");
    const { css: out, faces } = await subsetStylesheet(css, keep);
    const data = /base64,([A-Za-z0-9+/=]+)/.exec(out)![1];
    const subset = Buffer.from(data, "base64");
    const had = await fontCharacters(mainRegular);
    const has = await fontCharacters(subset);
    expect([...keep].filter((ch) => had.has(ch) && !has.has(ch))).toEqual([]);
    for (const ch of "ABz+∫") expect(had.has(ch) && !has.has(ch)).toBe(true);
    expect(faces).toEqual([{ family: "KaTeX_Main", weight: "400", style: "normal", before: mainRegular.length, after: subset.length }]);
    expect(subset.length).toBeLessThan(mainRegular.length / 2);
  });

  test("a body face keeps its whole unicode-range, its wght axis is cut to the weights the CSS uses, and its font-weight descriptor says so", async () => {
    const dir = packageDir("@fontsource-variable/inter");
    const range = "U+0000-00FF,U+2000-206F,U+2212";
    const css = inlineWoff2(`@font-face{font-family:'Inter';font-style:normal;font-weight:100 900;src:url(./files/inter-latin-wght-normal.woff2) format('woff2-variations');unicode-range:${range}}`, dir);
    const original = readFileSync(join(dir, "files", "inter-latin-wght-normal.woff2"));
    const { css: out } = await subsetStylesheet(css, new Set());
    expect(out).toContain("font-weight:400 700");
    const subset = Buffer.from(/base64,([A-Za-z0-9+/=]+)/.exec(out)![1], "base64");
    expect(await missingCharacters(original, subset, unicodeRangeChars(range))).toEqual([]);
    const axes = new Face(new Blob(await convert(subset, "sfnt"))).getAxisInfos();
    expect({ min: axes.wght.min, max: axes.wght.max }).toEqual(BODY_WEIGHTS.Inter);
    expect(subset.length).toBeLessThan(original.length);
  });

  test("a body font's italic becomes static faces per weight in ITALIC_INSTANCES, each split in two by unicode-range (SPLIT_FACES) that together keep the whole range", async () => {
    const dir = packageDir("@fontsource-variable/source-serif-4");
    const range = "U+0000-00FF,U+2000-206F,U+2212";
    const rule = (style: string) => inlineWoff2(`@font-face{font-family:'Source Serif 4';font-style:${style};font-weight:200 900;src:url(./files/source-serif-4-latin-wght-${style}.woff2) format('woff2-variations');unicode-range:${range}}`, dir);
    const original = readFileSync(join(dir, "files", "source-serif-4-latin-wght-italic.woff2"));
    const { css: out, faces } = await subsetStylesheet(rule("italic"), new Set());
    const rules = [...out.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1]);
    const weightOf = (body: string) => /font-weight:(\d+)/.exec(body)![1];
    expect(rules.map(weightOf)).toEqual(ITALIC_INSTANCES.flatMap((w) => [String(w), String(w)]));
    expect(faces.map((f) => [f.style, f.weight])).toEqual(ITALIC_INSTANCES.flatMap((w) => [["italic", String(w)], ["italic", String(w)]]));
    const { css: variable } = await subsetStylesheet(rule("normal"), new Set());
    const variableBytes = Buffer.from(/base64,([A-Za-z0-9+/=]+)/.exec(variable)![1], "base64").length;
    for (const weight of ITALIC_INSTANCES) {
      const [common, rest] = rules.filter((body) => weightOf(body) === String(weight));
      const rangeOf = (body: string) => unicodeRangeChars(/unicode-range:([^;}]*)/.exec(body)![1]);
      // the common part is what SPLIT_FACES names, the rest is the remainder, and together they are the declared range
      expect(rangeOf(common)).toBe([...unicodeRangeChars(range)].filter((ch) => SPLIT_FACES[`Source Serif 4|${weight}|italic`].includes(ch)).join(""));
      expect([...rangeOf(common) + rangeOf(rest)].sort().join("")).toBe([...unicodeRangeChars(range)].sort().join(""));
      for (const body of [common, rest]) {
        expect(body).toMatch(/format\(["']woff2["']\)/);
        const subset = Buffer.from(/base64,([A-Za-z0-9+/=]+)/.exec(body)![1], "base64");
        expect(await missingCharacters(original, subset, rangeOf(body))).toEqual([]);
        expect(new Face(new Blob(await convert(subset, "sfnt"))).getAxisInfos()).toEqual({});
      }
      const bytes = (body: string) => Buffer.from(/base64,([A-Za-z0-9+/=]+)/.exec(body)![1], "base64").length;
      expect(bytes(common)).toBeLessThan(0.45 * variableBytes);
    }
  });

  test("KaTeX_Main bold is split into its letters and digits and the rest; the regular face stays one file", async () => {
    const keep = new Set("x=(2)≤∑αΣ→");
    const bold = inlineWoff2(`@font-face{font-family:KaTeX_Main;src:url(KaTeX_Main-Bold.woff2) format("woff2");font-weight:700;font-style:normal}`, katexFonts);
    const { css: out } = await subsetStylesheet(bold, keep);
    const ranges = [...out.matchAll(/unicode-range:([^;}]*)/g)].map((m) => unicodeRangeChars(m[1]));
    expect(ranges).toEqual(["()2=xΣα", "→≤∑"].map((r) => [...r].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join("")));
    const regular = inlineWoff2(`@font-face{font-family:KaTeX_Main;src:url(KaTeX_Main-Regular.woff2) format("woff2");font-weight:400;font-style:normal}`, katexFonts);
    expect((await subsetStylesheet(regular, keep)).css).not.toContain("unicode-range");
  });

  test("unicodeRangeOf names exactly the characters given, as runs", () => {
    expect(unicodeRangeOf("cabxz")).toBe("U+0061-0063,U+0078,U+007A");
    const chars = "\u00a0–—‘’“”…αβγ∑";
    expect(unicodeRangeChars(unicodeRangeOf(chars))).toBe([...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join(""));
  });

  test("subsetting is deterministic: the same stylesheet and characters give the same bytes (so file names and the service worker's version are stable)", async () => {
    const css = inlineWoff2(`@font-face{font-family:KaTeX_Main;src:url(KaTeX_Main-Regular.woff2) format("woff2");font-weight:400}`, katexFonts);
    const keep = new Set("x=(2)≤∑");
    const [a, b] = [await subsetStylesheet(css, keep), await subsetStylesheet(css, keep)];
    expect(a.css).toBe(b.css);
  });

  test("a font with no rule fails the build instead of shipping unsubset", async () => {
    const css = inlineWoff2(`@font-face{font-family:KaTeX_Main;src:url(KaTeX_Main-Regular.woff2) format("woff2")}`, katexFonts).replace("KaTeX_Main", "Comic");
    await expect(subsetStylesheet(css, new Set("x"))).rejects.toThrow(/no rule for the font family "Comic"/);
  });
});
