/**
 * The arena's interactive budget, measured where it matters: in headless
 * Chromium, on the built site. Opens /arena with 10 optimizers × 500 steps on
 * Beale (every path drawn in full), moves one optimizer's learning-rate slider
 * 50 times with the keyboard, one press per frame, and reports the median and
 * 95th percentile of the arena's own `performance.measure("arena:update")`
 * entries — each one a recompute of all 10 trajectories plus the redraw of
 * the map, the loss chart, the state panel and the table. Target: median
 * under 16 ms (one frame at 60 Hz) on a 2-core machine.
 *
 * The site: $ARENA_BENCH_DIST if set (a folder with arena.html), else a fresh
 * build into a temporary folder (`DESCENT_OUT=<tmp> observable build`, after
 * pinning Framework's lazy npm versions in its cache so the build works
 * offline; the shared cache is not wiped).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { findChromium, INSTALL_HINT, launchChromium } from "../test/e2e/browser.js";
import { serve } from "../test/e2e/server.js";
import { defaultConfig, defaultHyper } from "../lib/arena/config.js";
import { encodeArena } from "../lib/arena/hash.js";
import type { OptimizerName } from "../lib/optimizers/registry.js";

const DRIVES = 50;
const RACERS: OptimizerName[] = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "amsgrad", "adamw", "adamax"];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function buildSite(): Promise<{ dir: string; cleanup: () => void }> {
  const given = process.env.ARENA_BENCH_DIST;
  if (given) {
    if (!existsSync(join(given, "arena.html"))) throw new Error(`ARENA_BENCH_DIST=${given} has no arena.html`);
    return { dir: given, cleanup: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), "descent-arena-bench-"));
  const { pinLazyNpmVersions } = (await import("../scripts/prepare-build.mjs")) as { pinLazyNpmVersions: (cache: string) => void };
  pinLazyNpmVersions(join(process.cwd(), "src", ".observablehq", "cache"));
  console.log(`arena bench: building the site into ${dir} …`);
  execFileSync("npx", ["observable", "build"], { env: { ...process.env, DESCENT_OUT: dir }, stdio: ["ignore", "ignore", "inherit"] });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function run(): Promise<void> {
  const chromium = findChromium();
  if (!chromium) {
    console.log(`arena bench: skipped, no Chromium found; install it: ${INSTALL_HINT}`);
    return;
  }
  const site = await buildSite();
  const server = await serve(site.dir);
  const browser = await launchChromium(chromium);
  try {
    const config = { ...defaultConfig("beale"), racers: RACERS.map((name) => ({ name, hyper: defaultHyper("beale", name) })), at: 500 };
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${server.origin}/arena#${encodeArena(config)}`, { waitUntil: "networkidle" });
    await page.waitForFunction(() => performance.getEntriesByName("arena:update").length > 0, null, { timeout: 60_000 });
    await page.waitForTimeout(3000); // let the page's other cells (the fair-race table) finish
    const paths = await page.locator(".arena-path").count();
    const slider = page.locator('.arena-racer-row[data-name="adam"] .arena-lr input[type=range]');
    await slider.focus();
    await page.evaluate(() => performance.clearMeasures("arena:update"));
    for (let k = 0; k < DRIVES; ++k) {
      await page.keyboard.press(k % 2 === 0 ? "ArrowRight" : "ArrowLeft");
      await page.waitForFunction((n) => performance.getEntriesByName("arena:update").length >= n, k + 1, { timeout: 10_000 });
    }
    const durations = (await page.evaluate(() => performance.getEntriesByName("arena:update").map((e) => e.duration))).sort((a, b) => a - b);
    if (errors.length) throw new Error(`arena bench: the page threw: ${errors.join("; ")}`);
    const median = quantile(durations, 0.5), p95 = quantile(durations, 0.95);
    console.log(`arena: ${paths} racers × ${config.steps} steps on ${config.surface}, ${durations.length} slider moves, ${cpus().length} CPU cores, headless Chromium`);
    console.log(`arena:update  median ${median.toFixed(2)} ms   p95 ${p95.toFixed(2)} ms   min ${durations[0].toFixed(2)} ms   max ${durations.at(-1)!.toFixed(2)} ms   (budget 16 ms: ${median <= 16 ? "met" : "MISSED"})`);
  } finally {
    await browser.close();
    await server.close();
    site.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
