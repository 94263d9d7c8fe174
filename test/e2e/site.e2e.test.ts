// Every page of the built site (dist/) loads in headless Chromium with no
// console error, exception, failed request, request to another origin, error
// cell, KaTeX error, or code/broken value shown as text — in light and dark
// mode. The pages in KNOWN_CODE_IN_MATH (known failures, fixed by issue 16)
// may still show code as text; every other problem fails them as any page.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { KNOWN_CODE_IN_MATH } from "../../scripts/site/code-in-math.js";
import { launchChromium } from "./browser.js";
import { checkPage, describeProblems } from "./check-page.js";
import { builtPages } from "./pages.js";
import { serve, type StaticServer } from "./server.js";
import { chromiumPath, distDir } from "./setup.js";

const dist = distDir;

const pages = () => builtPages(dist);

describe.runIf(chromiumPath)("the built site", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ has no index.html: run `npm run build` first");
    server = await serve(dist);
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("has the home page and the chapters the sidebar lists", () => {
    expect(pages()).toContain("/");
  });

  test("every page loads its modules as a few bundles (scripts/site/bundle-modules.ts), not one file per module", () => {
    for (const path of pages()) {
      const file = join(dist, path === "/" ? "index.html" : path.endsWith("/") ? `${path}index.html` : `${path}.html`);
      const html = readFileSync(file, "utf8");
      const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
      expect(preloads.filter((href) => !/\/_observablehq\//.test(href)).every((href) => /\/_bundle\//.test(href)), path).toBe(true);
      expect(preloads.length, path).toBeLessThanOrEqual(40);
      expect(html, path).not.toMatch(/import\("(\.\.?\/)+_(import|node)\//);
    }
  });

  for (const path of existsSync(dist) ? pages() : []) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`${path} loads cleanly (${colorScheme})`, async () => {
        const known = KNOWN_CODE_IN_MATH.has(path);
        const problems = (await checkPage(browser, server.origin + path, { colorScheme })).filter((p) => !(known && p.kind === "code-text"));
        expect(problems, describeProblems(problems)).toEqual([]);
      });
    }
  }
});
