/**
 * Helpers for the CSS data loaders in src/assets: they turn a stylesheet from
 * node_modules into one self-contained file whose fonts are inlined as woff2
 * data URLs, so the site requests nothing from another origin and needs no
 * font files copied by hand.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** The folder of an installed package, e.g. `packageDir("katex")`. */
export function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** The version of an installed package. */
export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")) as { version: string }).version;
}

/**
 * Rewrites every `src:` list of `@font-face` rules in `css` (whose relative URLs
 * are resolved against `baseDir`) to a single woff2 data URL; other formats
 * (woff, ttf) are dropped, since every browser that runs the course reads woff2.
 */
export function inlineWoff2(css: string, baseDir: string): string {
  return css.replace(/src:\s*([^;}]*)/g, (declaration, list: string) => {
    const match = /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)\s*format\(\s*['"]?(woff2(?:-variations)?)['"]?\s*\)/.exec(list);
    if (!match) throw new Error(`inlineWoff2: no woff2 source in ${declaration}`);
    const data = readFileSync(join(baseDir, match[1])).toString("base64");
    return `src:url(data:font/woff2;base64,${data}) format("${match[2]}")`;
  });
}

/** Keeps the `@font-face` blocks of a fontsource stylesheet whose comment names one of `subsets`. */
export function fontFacesFor(css: string, subsets: readonly string[]): string {
  const blocks = css.split(/(?=\/\*)/);
  return blocks.filter((block) => subsets.some((subset) => new RegExp(`^/\\*[^*]*-${subset}-(?:wght|opsz|standard)`).test(block))).join("");
}
