/**
 * The sandbox's per-run start-up in Chromium: every run of a reader's code
 * gets a fresh worker in its cell's one opaque-origin iframe, which is made on
 * the cell's first run (src/components/editor/sandbox/). The page records each
 * run's start-up — from asking for the worker (and, on a first run, creating
 * the iframe) to the worker's "ready", bundle parse included — as the measure
 * `descent:sandbox-startup`; this bench runs the playground's cell RUNS times
 * against the built site (dist/, or $DESCENT_OUT) and prints the measures.
 * Skipped, with a note, when no build or no Chromium is found.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { findChromium, launchChromium } from "../test/e2e/browser.js";
import { serve } from "../test/e2e/server.js";

const RUNS = 20;
const CELL = '.editor-cell[data-cell="playground/optimizer"]';

export async function run(): Promise<void> {
  const out = process.env.DESCENT_OUT;
  const dist = out ? (isAbsolute(out) ? out : join(process.cwd(), out)) : join(process.cwd(), "dist");
  const chromium = findChromium();
  if (!existsSync(join(dist, "playground.html")) || !chromium) {
    console.log(`sandbox start-up: skipped (${chromium ? `no build in ${dist}: run npm run build` : "no Chromium"})`);
    return;
  }
  const server = await serve(dist);
  const browser = await launchChromium(chromium);
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/playground`, { waitUntil: "networkidle" });
    const idle = (cell: string) => !/Running/.test(document.querySelector(`${cell} .editor-cell-status`)?.textContent ?? "Running");
    await page.waitForFunction(idle, CELL, { timeout: 60_000 });
    for (let i = 0; i < RUNS; i++) {
      await page.click(`${CELL} button:has-text("Run")`);
      await page.waitForFunction(idle, CELL, { timeout: 60_000 });
    }
    const ms = await page.evaluate(() => performance.getEntriesByName("descent:sandbox-startup").map((e) => e.duration));
    const sorted = ms.slice(1).sort((a, b) => a - b); // the first run also waits for the bundle's download
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    console.log(`sandbox start-up per run (worker + bundle parse; the iframe only on the first run), ${sorted.length} runs after the first:`);
    console.log(`  median ${q(0.5).toFixed(1)} ms, p10 ${q(0.1).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; first run ${ms[0].toFixed(1)} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
}
