// Editable cells in the built site: typing and running changes the chart; an
// endless loop is stopped while the page stays responsive; edits persist and
// reset; saved code and share links never run before Run; a share link's
// code is proposed, not loaded; with JavaScript off a note says what needs it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { encodeShare } from "../../src/components/editor/storage.js";
import { launchChromium } from "./browser.js";
import { serve, type StaticServer } from "./server.js";
import { chromiumPath, distDir } from "./setup.js";

const CELL = '.editor-cell[data-cell="playground/optimizer"]';

async function openPlayground(browser: Browser, origin: string, hash = ""): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/playground${hash}`, { waitUntil: "networkidle" });
  await page.waitForSelector(`${CELL} .cm-content`);
  return page;
}

/** Replaces the cell's code as a reader would: focus the editor, select all, type. */
async function typeCode(page: Page, code: string): Promise<void> {
  await page.click(`${CELL} .cm-content`);
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(code);
}

async function statusText(page: Page): Promise<string> {
  return (await page.textContent(`${CELL} .editor-cell-status`)) ?? "";
}

/**
 * The race chart: the markup of the first chart card after the cell (legend and plot),
 * looked at as a reader would: scrolled to. A block far from the screen is not laid out
 * (content-visibility: auto, src/style.css), so its chart waits for its width until then.
 */
async function raceChart(page: Page): Promise<string> {
  await page.locator(".card").first().scrollIntoViewIfNeeded();
  await page.waitForSelector(".card svg");
  return page.locator(".card").first().innerHTML();
}

describe.runIf(chromiumPath)("editor cells on /playground", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    if (!existsSync(join(distDir, "playground.html"))) throw new Error(`${distDir} has no playground.html: build the site first`);
    server = await serve(distDir);
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("typing new code and pressing Run changes the chart", async () => {
    const page = await openPlayground(browser, server.origin);
    // The automatic run on load finishes without a run time: the reader has not run anything yet.
    await page.waitForFunction((cell) => (document.querySelector(`${cell} .editor-cell-status`) as HTMLElement | null)?.dataset.kind === "ok", CELL);
    expect(await statusText(page)).toBe("");
    const before = await raceChart(page);
    await typeCode(page, "return {factory: sgd, hyper: {lr: 0.05}, asSgd: {lr: 0.05}};");
    await page.click(`${CELL} button:has-text("Run")`);
    await page.waitForFunction((b) => document.querySelector(".card")?.innerHTML !== b, before, { timeout: 10_000 });
    expect(await raceChart(page)).not.toBe(before);
    await page.waitForFunction(() => /5 of 5 checks pass/.test(document.querySelector(".checklist")?.textContent ?? ""), undefined, { timeout: 10_000 });
    // A run the reader started reports its time (wait for it: a run started while typing may still be finishing).
    await page.waitForFunction((cell) => /^Ran in \d+ ms\.$/.test(document.querySelector(`${cell} .editor-cell-status`)?.textContent ?? ""), CELL, { timeout: 20_000 });
    await page.context().close();
  });

  test("the race on sparse data draws the reader's optimizer beside the rivals, with a generated verdict and checklist item", async () => {
    const page = await openPlayground(browser, server.origin);
    await page.waitForFunction((cell) => (document.querySelector(`${cell} .editor-cell-status`) as HTMLElement | null)?.dataset.kind === "ok", CELL);
    // The section computes when the reader reaches it (reached("the-race-on-sparse-data")): go there.
    await page.locator("h2:has-text('The race on sparse data')").scrollIntoViewIfNeeded();
    const section = page.locator("h2:has-text('The race on sparse data') ~ div.grid").first();
    await section.locator("svg[aria-label*='training loss']").waitFor({ timeout: 15_000 });
    expect(await section.locator("svg[aria-label*='test loss']").count()).toBe(1);
    const legend = (await section.textContent()) ?? "";
    expect(legend).toContain("★ my optimizer");
    expect(legend).toContain("Adam, tuned η");
    const body = (await page.textContent("main")) ?? "";
    expect(body).toMatch(/Over 3 seeds your optimizer ends with a median test loss of [\d.]+ \(range [\d.]+–[\d.]+\), rank \d of 3 by median/);
    expect(await page.textContent(".checklist")).toMatch(/✓ trains the sparse task without diverging and ends below the untrained loss/);
    // A step that never ends on the sparse task: the run is stopped and the section says so, keeping the last charts.
    await typeCode(page, "function f({lr}={}) { return {name: 'stuck', hyper: {lr}, init: () => ({t: 0}), step(x, g, s) { s.t++; if (x.length > 100) while (true) {} for (let i = 0; i < x.length; i++) x[i] -= lr * g[i]; }}; }\nreturn {factory: f, hyper: {lr: 0.01}};");
    await page.click(`${CELL} button:has-text("Run")`);
    await page.waitForFunction(() => /Your latest run did not finish: Stopped after 4 s/.test(document.querySelector(".sparse-race-status")?.textContent ?? ""), undefined, { timeout: 15_000 });
    // Back at the section (typing scrolled the page up to the editor), the last charts are still there.
    await section.scrollIntoViewIfNeeded();
    await section.locator("svg[aria-label*='training loss']").waitFor({ timeout: 5_000 });
    expect(await section.locator("svg[aria-label*='training loss']").count()).toBe(1);
    await page.context().close();
  });

  test("an endless loop is stopped after the time limit and the page stays responsive", async () => {
    const page = await openPlayground(browser, server.origin);
    await typeCode(page, "while (true) {}");
    await page.keyboard.press("Control+Enter");
    // While the loop runs in the worker, the main thread still answers.
    const checkbox = page.getByLabel("momentum", { exact: true });
    await checkbox.check({ timeout: 10_000 });
    expect(await checkbox.isChecked()).toBe(true);
    // That control feeds the cell, so the editor was made anew (its old run stopped with it); the
    // loop, saved, waits for Run. Run it and stay responsive again, with a control that feeds nothing.
    await page.waitForFunction((cell) => /has not run/.test(document.querySelector(`${cell} .editor-cell-status`)?.textContent ?? ""), CELL, { timeout: 15_000 });
    expect(await page.textContent(`${CELL} .cm-content`)).toContain("while (true) {}");
    // Meanwhile the new cell draws the original code's result (main-thread work of the page's
    // charts, not of the sandbox): let that finish before testing the page again.
    await page.waitForFunction((cell) => (document.querySelector(cell) as unknown as { value?: unknown })?.value !== undefined, CELL, { timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.click(`${CELL} button:has-text("Run")`);
    await page.waitForFunction((cell) => /Running/.test(document.querySelector(`${cell} .editor-cell-status`)?.textContent ?? ""), CELL, { timeout: 5000 });
    // The page answers a click *while* the loop still runs (behaviour, not a stopwatch: were the
    // main thread blocked by the loop, the click could land only after the 4 s stop).
    const live = page.locator(`${CELL} label:has-text("live") input`);
    await live.check({ timeout: 10_000 });
    expect(await live.isChecked()).toBe(true);
    expect(await statusText(page)).toMatch(/Running/);
    await page.waitForFunction((cell) => /Stopped after 4 s/.test(document.querySelector(`${cell} .editor-cell-status`)?.textContent ?? ""), CELL, { timeout: 15_000 });
    expect(await statusText(page)).toMatch(/endless loop/);
    await page.context().close();
  });

  test("an error shows its message and line", async () => {
    const page = await openPlayground(browser, server.origin);
    await typeCode(page, "const a = 1;\nconst b = a.missing.value;\nreturn b;");
    await page.keyboard.press("Control+Enter");
    await page.waitForFunction((cell) => /TypeError \(line 2/.test(document.querySelector(`${cell} .editor-cell-status`)?.textContent ?? ""), CELL);
    expect(await page.locator(`${CELL} .cm-lintRange-error`).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  test("edits persist across a reload with an 'edited' badge, and Reset restores the original", async () => {
    const page = await openPlayground(browser, server.origin);
    await typeCode(page, "// mine\nreturn {factory: sgd, hyper: {lr: 0.02}};");
    await page.reload({ waitUntil: "networkidle" });
    await page.waitForSelector(`${CELL} .cm-content`);
    expect(await page.textContent(`${CELL} .cm-content`)).toContain("// mine");
    expect(await page.isVisible(`${CELL} .editor-cell-badge`)).toBe(true);
    await page.click(`${CELL} button:has-text("Reset")`);
    expect(await page.textContent(`${CELL} .cm-content`)).toContain("Heavy-ball momentum");
    expect(await page.isVisible(`${CELL} .editor-cell-badge`)).toBe(false);
    await page.context().close();
  });

  test("a share link proposes its code beside the reader's, loads it on a click, and runs it only on Run", async () => {
    const shared = "globalThis.ranShared = true;\nreturn {factory: sgd, hyper: {lr: 0.05}};";
    const page = await openPlayground(browser, server.origin, "#" + encodeShare("playground/optimizer", shared));
    // The editor keeps the reader's code; the link's code is a proposal.
    expect(await page.textContent(`${CELL} .cm-content`)).not.toContain("ranShared");
    expect(await page.textContent(`${CELL} .editor-cell-proposal`)).toContain("ranShared");
    expect(await statusText(page)).toMatch(/not run/);
    // The page scrolled to the cell.
    expect(await page.evaluate((cell) => { const r = document.querySelector(cell)!.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight; }, CELL)).toBe(true);
    await page.click(`${CELL} button:has-text("Load shared code")`);
    expect(await page.textContent(`${CELL} .cm-content`)).toContain("ranShared");
    expect(await statusText(page)).toMatch(/not run yet/);
    // The chart shows the original code's optimizer, not the shared one…
    await page.waitForSelector(".card svg");
    expect(await page.locator(".card").first().textContent()).toContain("my optimizer");
    await page.click(`${CELL} button:has-text("Run")`);
    await page.waitForFunction((cell) => document.querySelector(`${cell} .editor-cell-status`)?.textContent?.startsWith("Ran in"), CELL);
    // …until Run: then the shared optimizer (the library's sgd) races.
    await page.waitForFunction(() => !document.querySelector(".card")?.textContent?.includes("my optimizer"));
    await page.context().close();
  });

  test("saved code loads into the editor but waits for Run, the chart showing the original's result", async () => {
    const page = await openPlayground(browser, server.origin);
    await typeCode(page, "console.log('SAVED RAN');\nreturn {factory: sgd, hyper: {lr: 0.05}};");
    await page.reload({ waitUntil: "networkidle" });
    await page.waitForSelector(`${CELL} .cm-content`);
    await page.waitForSelector(".card svg");
    await page.waitForTimeout(1000);
    expect(await statusText(page)).toMatch(/saved code is loaded but has not run/);
    expect(await page.textContent(`${CELL} .editor-cell-logs`)).not.toContain("SAVED RAN");
    expect(await page.locator(".card").first().textContent()).toContain("my optimizer");
    await page.context().close();
  });

  test("with JavaScript off, the page says what needs it", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/playground`);
    expect(await page.textContent(".noscript-note")).toMatch(/JavaScript is off[\s\S]*code cells/);
    await context.close();
  });
});
