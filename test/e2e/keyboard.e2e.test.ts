// The keyboard path through the built site: the skip link, the rate heatmaps,
// the arena's start point and racer legend, and leaving an editor cell.
import { scrollThrough } from "./scroll-through.js";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { num } from "../../src/components/format.js";
import { builtSite } from "./built-site.js";
import { chromiumPath, distDir } from "./setup.js";

const built = existsSync(join(distDir, "index.html"));

describe.runIf(chromiumPath && built)("keyboard", () => {
  const site = builtSite();

  async function open(path: string, use: (page: Page) => Promise<void>): Promise<void> {
    const context = await site.browser.newContext({ viewport: { width: 1200, height: 900 }, serviceWorkers: "block" });
    const page = await context.newPage();
    try {
      await page.goto(site.origin + path, { waitUntil: "networkidle", timeout: 90_000 });
      await page.waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0, null, { timeout: 90_000 });
      await use(page);
    } finally {
      await context.close();
    }
  }

  const active = (page: Page) =>
    page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return { tag: e?.tagName.toLowerCase(), id: e?.id, className: String(e?.className ?? ""), racer: e?.dataset?.racer, label: e?.getAttribute("aria-label") };
    });

  test("the first Tab reaches “Skip to content”, and Enter moves focus to the page's content", async () => {
    await open("/momentum", async (page) => {
      await page.keyboard.press("Tab");
      expect((await active(page)).className).toContain("skip-link");
      expect(await page.locator(".skip-link").isVisible()).toBe(true);
      await page.keyboard.press("Enter");
      expect((await active(page)).id).toBe("observablehq-main");
    });
  });

  for (const path of ["/momentum", "/nesterov"]) {
    test(`${path}: the rate heatmap's chosen point moves with the arrow keys and is announced`, async () => {
      await open(path, async (page) => {
        // The heatmap's section computes when the reader reaches it: scroll through the page first.
        await scrollThrough(page);
        const map = page.locator(".rate-heatmap").first();
        await map.focus();
        const value = () => map.evaluate((e) => ({ ...(e as HTMLElement & { value: { lr: number; beta: number } }).value }));
        const before = await value();
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("Shift+ArrowUp");
        const after = await value();
        expect(after.lr).toBeGreaterThan(before.lr);
        expect(after.beta).toBeGreaterThan(before.beta);
        expect(await map.locator("[aria-live]").textContent()).toContain(`η = ${num(after.lr)}`);
        expect((await active(page)).className).toContain("rate-heatmap");
      });
    });
  }

  test("/arena: the arrow keys move the map's start point", async () => {
    await open("/arena", async (page) => {
      const handle = page.locator(".arena-start").first();
      await handle.focus();
      const before = await handle.getAttribute("aria-label");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowUp");
      await expect.poll(() => handle.getAttribute("aria-label")).not.toBe(before);
      expect(before).toMatch(/^Start point \(/);
    });
  });

  test("/arena: Enter or Space on a racer's name shows its state and keeps focus on that name", async () => {
    await open("/arena", async (page) => {
      const buttons = page.locator(".arena-legend button");
      expect(await buttons.count()).toBeGreaterThan(1);
      const second = buttons.nth(1);
      const racer = await second.getAttribute("data-racer");
      await second.focus();
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await active(page)).racer).toBe(racer);
      // The legend is redrawn on the next frame: poll (a busy machine delays it), never a fixed sleep.
      await expect.poll(() => page.locator(`.arena-legend button[data-racer="${racer}"]`).getAttribute("aria-pressed"), { timeout: 10_000 }).toBe("true");
      const first = buttons.nth(0);
      const other = await first.getAttribute("data-racer");
      await first.focus();
      await page.keyboard.press("Space");
      await expect.poll(async () => (await active(page)).racer).toBe(other);
    });
  });

  test("an editor cell lets the keyboard out: Esc then Tab leaves the editor", async () => {
    await open("/playground", async (page) => {
      const content = page.locator(".cm-content").first();
      await content.click();
      expect(await page.evaluate(() => !!document.activeElement?.closest(".cm-editor"))).toBe(true);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest(".cm-editor"))).toBe(false);
      expect((await active(page)).tag).not.toBe("body");
    });
  });
});
