// The subset fonts (scripts/site/subset-fonts.ts) keep every glyph the built
// site draws. Chromium opens every page, scrolls through it so the live cells
// (and their `tex` formulas) run, and reports each character of text with the
// face CSS gives it (the first family of its computed font-family, its weight
// and style). Then, for each face the site serves, every character drawn with
// it — and every character of the safety set, for KaTeX — that the face had in
// its original file (node_modules) must still be in the subset file; a missing
// one would silently fall back to another font.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { MATH_SAFETY, unicodeRangeChars } from "../../scripts/site/font-glyphs.js";
import { packageDir } from "../../scripts/site/inline-fonts.js";
import { fontCharacters } from "../../scripts/site/subset-fonts.js";
import { builtSite } from "./built-site.js";
import { builtPages } from "./pages.js";
import { scrollThrough } from "./scroll-through.js";
import { chromiumPath, distDir } from "./setup.js";

const built = existsSync(join(distDir, "index.html"));

interface ServedFace {
  family: string;
  weight: string;
  style: string;
  file: string;
  unicodeRange?: string;
}

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? cssFiles(path) : e.name.endsWith(".css") ? [path] : [];
  });
}

/** Every `@font-face` the built stylesheets declare, with the font file it points to. */
function servedFaces(): ServedFace[] {
  const faces: ServedFace[] = [];
  for (const file of cssFiles(distDir)) {
    const css = readFileSync(file, "utf8");
    for (const [, body] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
      const get = (name: string) => new RegExp(`(?:^|[;{\\s])${name}\\s*:\\s*([^;}]*)`).exec(body)?.[1].trim();
      const url = /url\(\s*["']?([^"')]+\.woff2)/.exec(body)?.[1];
      if (!url) continue;
      faces.push({
        family: get("font-family")!.replace(/^['"]|['"]$/g, ""),
        weight: get("font-weight") ?? "400",
        style: get("font-style") ?? "normal",
        file: join(file, "..", url),
        unicodeRange: get("unicode-range"),
      });
    }
  }
  return faces;
}

/** The original font a served face was cut from. */
function originalFile(face: ServedFace): string {
  if (face.family.startsWith("KaTeX_")) {
    const bold = face.weight === "700" || face.weight === "bold";
    const italic = face.style === "italic";
    const variant = bold && italic ? "BoldItalic" : bold ? "Bold" : italic ? "Italic" : "Regular";
    return join(packageDir("katex"), "dist", "fonts", `${face.family}-${variant}.woff2`);
  }
  const pkg = { "Source Serif 4": ["@fontsource-variable/source-serif-4", "source-serif-4"], Inter: ["@fontsource-variable/inter", "inter"] }[face.family];
  if (!pkg) throw new Error(`no original known for ${face.family}`);
  return join(packageDir(pkg[0]), "files", `${pkg[1]}-latin-wght-${face.style}.woff2`);
}

/** In the page: each character of visible text, keyed by the face CSS picks ("KaTeX_Main|400|normal"). */
const DRAWN_SCRIPT = `(() => {
  const out = {};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest("script, style, .katex-mathml, svg")) continue;
    const cs = getComputedStyle(el);
    if (cs.display === "none" || cs.visibility === "hidden") continue;
    const family = cs.fontFamily.split(",")[0].trim().replace(/^["']|["']$/g, "");
    const key = family + "|" + cs.fontWeight + "|" + cs.fontStyle;
    out[key] = (out[key] || "") + node.data;
  }
  return out;
})()`;

const faceKey = (family: string, style: string) => `${family}|${style}`;

describe.runIf(chromiumPath && built)("subset fonts keep every glyph the site draws", () => {
  const site = builtSite();
  const drawn = new Map<string, Set<string>>(); // "family|style" → characters
  const faces = built ? servedFaces() : [];

  // One test per page (each with the browser tests' timeout), filling `drawn`.
  test.each(built ? builtPages(distDir) : [])("%s is read, after its cells have run, with the face each character is drawn in", async (path) => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(site.origin + path, { waitUntil: "load" });
      // At most 5 s per step: pages that measure this machine (/minibatch's timings) or run editors keep changing for a while, and a passed section computes anyway.
      await scrollThrough(page, { quiet: 200, limit: 5000 });
      const byFace = (await page.evaluate(DRAWN_SCRIPT)) as Record<string, string>;
      expect(Object.keys(byFace).length).toBeGreaterThan(0);
      for (const [key, text] of Object.entries(byFace)) {
        const [family, weight, style] = key.split("|");
        const bold = Number(weight) >= 600;
        // KaTeX's faces come in weights; the variable body fonts in one file per style.
        const k = family.startsWith("KaTeX_") ? faceKey(family, `${bold ? 700 : 400}|${style}`) : faceKey(family, style);
        const set = drawn.get(k) ?? new Set<string>();
        for (const ch of text) if (ch.trim() || ch === "\u00a0") set.add(ch);
        drawn.set(k, set);
      }
    } finally {
      await page.close();
    }
  });

  test("the walk saw the math and the prose (else the checks below would pass on nothing)", () => {
    expect(builtPages(distDir).length).toBeGreaterThan(15);
    expect([...(drawn.get("KaTeX_Math|400|italic") ?? [])]).toEqual(expect.arrayContaining(["η", "x"]));
    expect([...(drawn.get("KaTeX_Main|400|normal") ?? [])]).toEqual(expect.arrayContaining(["=", "2", "("]));
    expect(drawn.get("Source Serif 4|normal")?.size ?? 0).toBeGreaterThan(60);
  });

  test.each(faces.map((f) => [`${f.family} ${f.weight} ${f.style}`, f] as const))("%s: the subset keeps every character drawn with it (and, for KaTeX, the safety set)", async (_, face) => {
    const original = readFileSync(originalFile(face));
    const subset = readFileSync(face.file);
    const [had, has] = await Promise.all([fontCharacters(original), fontCharacters(subset)]);
    const katex = face.family.startsWith("KaTeX_");
    const key = katex ? faceKey(face.family, `${face.weight === "700" || face.weight === "bold" ? 700 : 400}|${face.style}`) : faceKey(face.family, face.style);
    const needed = new Set([...(drawn.get(key) ?? [])]);
    if (katex) for (const ch of MATH_SAFETY) needed.add(ch);
    // A body face is declared for its unicode-range only: characters outside it go to the next font anyway.
    const inRange = face.unicodeRange ? new Set(unicodeRangeChars(face.unicodeRange)) : undefined;
    const missing = [...needed].filter((ch) => had.has(ch) && !has.has(ch) && (!inRange || inRange.has(ch)));
    expect(missing.map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} ${ch}`)).toEqual([]);
    if (inRange) expect([...inRange].filter((ch) => had.has(ch) && !has.has(ch))).toEqual([]);
    expect(subset.length).toBeLessThan(original.length);
  });
});
