// Blocks far from the screen wait (content-visibility: auto, src/style.css):
// they are skipped at load and laid out when the reader gets near; a jump to a
// heading still lands on it (src/assets/keep-anchor.js); wide equations in
// them become scroll regions once laid out (src/assets/a11y.js).
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { builtSite } from "./built-site.js";
import { chromiumPath, distDir } from "./setup.js";

const built = existsSync(join(distDir, "index.html"));

describe.runIf(chromiumPath && built)("blocks far from the screen", () => {
  const site = builtSite();

  async function open(path: string, width: number, use: (page: Page) => Promise<void>): Promise<void> {
    const context = await site.browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: "block" });
    const page = await context.newPage();
    try {
      await page.goto(site.origin + path, { waitUntil: "load", timeout: 90_000 });
      await use(page);
    } finally {
      await context.close();
    }
  }

  /** Where the heading with `id` sits in the viewport, sampled every 250 ms for `ms`. */
  const tops = async (page: Page, id: string, ms: number) => {
    const out: number[] = [];
    for (let t = 0; t < ms; t += 250) {
      await page.waitForTimeout(250);
      out.push(await page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), id));
    }
    return out;
  };

  test("a paragraph far down /momentum is skipped at load and rendered when scrolled to", async () => {
    await open("/momentum", 1200, async (page) => {
      await page.waitForTimeout(1000);
      const rendered = () => page.evaluate(() => {
        // The block itself keeps its box; what it skips is its content.
        const inside = document.querySelectorAll("#observablehq-main > p > *");
        return inside[inside.length - 1].checkVisibility({ contentVisibilityAuto: true });
      });
      expect(await rendered()).toBe(false);
      await page.locator("#observablehq-main > p > *").last().scrollIntoViewIfNeeded();
      await expect.poll(rendered).toBe(true);
    });
  });

  for (const [path, id] of [["/momentum", "references"], ["/gradient-descent", "references"], ["/learning-rate", "grid-search-vs-random-search"]] as const) {
    test(`opening ${path}#${id} shows that heading at the top and keeps it there while the page settles`, async () => {
      await open(`${path}#${id}`, 1500, async (page) => {
        const seen = await tops(page, id, 3000);
        // Framework's fixed header takes the top ~75 px; the heading sits just below it, and stays.
        for (const top of seen.slice(2)) expect(top).toBeGreaterThanOrEqual(0);
        for (const top of seen.slice(2)) expect(top).toBeLessThan(200);
        expect(Math.max(...seen.slice(4)) - Math.min(...seen.slice(4))).toBeLessThanOrEqual(2);
      });
    });
  }

  test("a link to a heading further down the page lands on it", async () => {
    await open("/momentum", 1500, async (page) => {
      await page.waitForTimeout(1000);
      await page.evaluate(() => { location.hash = "#references"; });
      const seen = await tops(page, "references", 2500);
      for (const top of seen.slice(2)) expect(top).toBeGreaterThanOrEqual(0);
      for (const top of seen.slice(2)) expect(top).toBeLessThan(200);
    });
  });

  test("at a phone's width, a wide display equation far down becomes a named scroll region once the reader reaches it", async () => {
    await open("/momentum", 390, async (page) => {
      await page.waitForTimeout(1500);
      const wide = () => page.evaluate(() => [...document.querySelectorAll(".math-display")].filter((m) => m.getAttribute("tabindex") === "0" && m.getAttribute("aria-label")).length);
      const before = await wide();
      const H = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < H; y += 600) {
        await page.evaluate((y) => window.scrollTo(0, y), y);
        await page.waitForTimeout(60);
      }
      await expect.poll(wide, { timeout: 5000 }).toBeGreaterThan(before);
      // and they stay marked once scrolled past (the browser skips them again, but they are not re-measured while skipped)
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(500);
      expect(await wide()).toBeGreaterThan(before);
    });
  });
});
