// Every page of the built site (dist/) loads in headless Chromium with no
// console error, exception, failed request, request to another origin, error
// cell or KaTeX error — in light and dark mode.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium } from "./browser.js";
import { checkPage, describeProblems } from "./check-page.js";
import { serve, type StaticServer } from "./server.js";
import { chromiumPath, distDir } from "./setup.js";

const dist = distDir;

function pages(dir = dist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith("_")) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pages(path);
    return entry.name.endsWith(".html") ? ["/" + relative(dist, path).replace(/\\/g, "/").replace(/(index)?\.html$/, "")] : [];
  });
}

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

  for (const path of existsSync(dist) ? pages() : []) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`${path} loads cleanly (${colorScheme})`, async () => {
        const problems = await checkPage(browser, server.origin + path, { colorScheme });
        expect(problems, describeProblems(problems)).toEqual([]);
      });
    }
  }
});
