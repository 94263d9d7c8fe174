// The arena (/arena) in the built site: a control changes the chart, the
// configuration round-trips through the URL hash, and a hostile hash is
// ignored field by field with a visible notice and never executed.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { defaultConfig, defaultHyper } from "../../lib/arena/config.js";
import { encodeArena } from "../../lib/arena/hash.js";
import { launchChromium } from "./browser.js";
import { checkPage, describeProblems } from "./check-page.js";
import { serve, type StaticServer } from "./server.js";
import { chromiumPath } from "./setup.js";

// The build's folder: DESCENT_OUT when the site was built elsewhere (as observablehq.config.ts allows), else dist/.
const dist = process.env.DESCENT_OUT ? resolve(process.env.DESCENT_OUT) : join(process.cwd(), "dist");
const built = existsSync(join(dist, "arena.html"));

/** Waits until the arena has recorded more than `count` updates; returns the new count. */
async function waitForUpdate(page: Page, count: number): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName("arena:update").length > n, count, { timeout: 20_000 });
  return page.evaluate(() => performance.getEntriesByName("arena:update").length);
}

const updates = (page: Page) => page.evaluate(() => performance.getEntriesByName("arena:update").length);

describe.runIf(chromiumPath && built)("the arena", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serve(dist);
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("moving a learning-rate slider recomputes the race: the path, the loss curve and the table change", async () => {
    const config = {
      ...defaultConfig("ravine"),
      racers: [
        { name: "sgd" as const, hyper: { ...defaultHyper("ravine", "sgd"), lr: 0.1 } },
        { name: "adam" as const, hyper: defaultHyper("ravine", "adam") },
      ],
      at: 500,
    };
    const problems = await checkPage(browser, `${server.origin}/arena#${encodeArena(config)}`, {
      settle: 1000,
      inspect: async (page) => {
        const before = await updates(page);
        expect(before).toBeGreaterThan(0);
        const path = page.locator('.arena-path[data-name="sgd"]');
        const curve = page.locator('.arena-loss-solid path[data-name="sgd"]');
        const pathBefore = await path.getAttribute("d");
        const curveBefore = await curve.getAttribute("d");
        const slider = page.locator('.arena-racer-row[data-name="sgd"] .arena-lr input[type=range]');
        await slider.focus();
        for (let k = 0; k < 40; ++k) await page.keyboard.press("ArrowRight");
        await waitForUpdate(page, before);
        await page.waitForTimeout(200);
        expect(await path.getAttribute("d")).not.toBe(pathBefore);
        expect(await curve.getAttribute("d")).not.toBe(curveBefore);
        const lr = Number(await page.locator('.arena-racer-row[data-name="sgd"] .arena-lr input[type=number]').inputValue());
        expect(lr).toBeGreaterThan(0.1);
        // The table row of gradient descent shows the new η.
        const row = page.locator(".arena-table tbody tr", { hasText: "Gradient descent" });
        expect(await row.locator("td").nth(1).innerText()).not.toBe("0.1");
        // The hash follows (written after a short pause).
        await page.waitForFunction(() => !location.hash.includes("o=sgd:lr=0.1&"), null, { timeout: 5_000 });
        expect(await page.evaluate(() => location.hash)).toContain(`o=sgd:lr=${lr}&`);
      },
    });
    expect(problems, describeProblems(problems)).toEqual([]);
  });

  test("a link restores the race it encodes, with no notice", async () => {
    const config = { ...defaultConfig("saddle"), racers: [{ name: "rmsprop" as const, hyper: { ...defaultHyper("saddle", "rmsprop"), lr: 0.02, alpha: 0.9 } }], at: 7 };
    const problems = await checkPage(browser, `${server.origin}/arena#${encodeArena(config)}`, {
      inspect: async (page) => {
        expect(await page.locator(".arena-notice").isVisible()).toBe(false);
        expect(await page.locator(".arena-bar select").inputValue()).toBe("saddle");
        expect(await page.locator(".arena-step").innerText()).toBe("step 7 / 500");
        expect(await page.locator(".arena-path").count()).toBe(1);
        const row = page.locator('.arena-racer-row[data-name="rmsprop"]');
        expect(Number(await row.locator(".arena-lr input[type=number]").inputValue())).toBe(0.02);
      },
    });
    expect(problems, describeProblems(problems)).toEqual([]);
  });

  test("a hostile hash shows the notice, applies its valid fields, and executes nothing", async () => {
    const hostile =
      "#surface=<img src=x onerror=window.__pwned=1>" +
      "&o=adam:lr=javascript:window.__pwned=2,beta1=0.5" +
      "&o=__proto__:lr=1&o=constructor" +
      "&steps=1e999&start=NaN,1&target=<script>window.__pwned=3</script>" +
      "&focus=\"><svg/onload=window.__pwned=4>&at=%E0%A4%A" +
      "&x=" + "A".repeat(200);
    const dialogs: string[] = [];
    const problems = await checkPage(browser, `${server.origin}/arena${hostile}`, {
      inspect: async (page) => {
        page.on("dialog", (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        const notice = page.locator(".arena-notice");
        await notice.waitFor({ state: "visible" });
        const text = await notice.innerText();
        expect(text).toContain("Ignored surface");
        // the link's own values are shown as code
        expect(text).toContain("Ignored the racer __proto__");
        expect(await notice.locator("code", { hasText: "__proto__" }).count()).toBe(1);
        expect(text).toContain("Ignored steps");
        expect(text).toContain("Ignored target");
        // Markup in the hash is shown as text, never parsed.
        expect(await notice.locator("img, script, svg").count()).toBe(0);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        // The valid field (Adam's β₁ = 0.5) applied; the rest fell back to defaults.
        expect(await page.locator(".arena-path").count()).toBe(1);
        expect(await page.locator(".arena-bar select").inputValue()).toBe("beale");
        await page.locator('.arena-racer-row[data-name="adam"] details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
        expect(await page.locator('.arena-racer-row[data-name="adam"] input[type=number]').nth(1).inputValue()).toBe("0.5");
        // The notice can be dismissed from the keyboard.
        await notice.getByRole("button", { name: "Dismiss" }).focus();
        await page.keyboard.press("Enter");
        expect(await notice.isVisible()).toBe(false);
      },
    });
    expect(dialogs).toEqual([]);
    expect(problems, describeProblems(problems)).toEqual([]);
  });
});
