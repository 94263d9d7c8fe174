// Every page of the built site passes axe-core's WCAG 2.0/2.1 A and AA rules
// with no serious or critical violation, in light and dark mode.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { axeViolations, describeViolations } from "./axe.js";
import { launchChromium } from "./browser.js";
import { builtPages } from "./pages.js";
import { serve, type StaticServer } from "./server.js";
import { chromiumPath, distDir } from "./setup.js";

describe.runIf(chromiumPath)("axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa)", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    if (!existsSync(join(distDir, "index.html"))) throw new Error("dist/ has no index.html: run `npm run build` first");
    server = await serve(distDir);
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const path of existsSync(distDir) ? builtPages(distDir) : []) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`${path} has no serious or critical violation (${colorScheme})`, async () => {
        const violations = await axeViolations(browser, server.origin + path, { colorScheme });
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    }
  }
});
