/**
 * The site as a reader feels it, in headless Chromium on the built site
 * (dist/, or $DESCENT_OUT), at 1× and 4× CPU slowdown (CDP
 * Emulation.setCPUThrottlingRate):
 *
 * - per page, the first chart (the first <svg>/<canvas> in the page's content)
 *   and "settled" (the last change to the page before 2 s of quiet), in ms
 *   after navigation starts; medians and p95 over pages × runs. "Settled" is
 *   the FIRST VIEW, the page as loaded without scrolling: cells further down
 *   wait for reached(their section) and compute when the reader gets there. On an
 *   animated page, every region that changes because playback advances (the
 *   arena's map, loss chart, state panel, legend and playback bar) is
 *   animation and is marked `[data-animated]`; changes inside it are not
 *   counted, and everything else must fall quiet: an animated page settles
 *   when all but its animation has (`npx tsx scripts/perf/arena-mutations.ts`
 *   lists what keeps changing outside it);
 * - per page, "all after scrolling": once the first view has settled, the page
 *   is scrolled to the bottom one screen per frame (every cell becomes visible
 *   on the way), then the time from the first scroll to the last change
 *   before 2 s of quiet — the work the first view deferred, all at once;
 * - the compressed (gzip -6) size of each page's first view beyond the files
 *   every page shares;
 * - the arena: p50/p95 of one update after a learning-rate slider key press
 *   (its own `arena:update` measures), and playback: paused if autoplay still
 *   runs, restarted from step 0, played at the default speed, then frames per
 *   second (requestAnimationFrame callbacks) over a fixed window while it
 *   plays, with the steps the readout advanced in that window (proof that it
 *   played) and the mean cost of one drawn frame (its `arena:frame` measures).
 *
 * `BENCH_COMPARE=<other build>` measures a second build in the same run, side
 * by side (before/after on the same busy machine). `BENCH_PAGES=/,/momentum`
 * limits the pages (`BENCH_ARENA=1` adds the arena's slider and playback
 * figures to a limited run); `BENCH_RUNS` (default 1) repeats each page; `BENCH_RATES`
 * (default "1,4") picks the CPU slowdowns. Each page's line prints as soon as it
 * is measured, with the machine's load average (the machine is shared). A
 * benchmark reports; it never fails.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { findChromium, launchChromium } from "../test/e2e/browser.js";
import { builtPages } from "../test/e2e/pages.js";
import { serve } from "../test/e2e/server.js";
import { measurePlayback } from "../scripts/perf/arena-fps.js";

/** CPU slowdowns to measure (`BENCH_RATES=1` for 1× only). */
const RATES = (process.env.BENCH_RATES ?? "1,4").split(",").map(Number).filter((r) => r >= 1);
const load = () => `load ${loadavg().map((v) => v.toFixed(1)).join(" ")}`;

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (i - lo);
}

function fileFor(dist: string, urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const base = join(dist, clean);
  for (const candidate of [base, `${base}.html`, join(base, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) gzipCache.set(file, (size = gzipSync(readFileSync(file), { level: 6 }).length));
  return size;
}

/** Records, from the first script on, when the first chart appeared and when the page last changed. */
const PROBE = `(() => {
  const w = window;
  w.__bench = { first: null, last: 0 };
  const look = (records) => {
    if (w.__bench.first === null) {
      const main = document.getElementById("observablehq-main");
      if (main && main.querySelector("svg[width], canvas")) w.__bench.first = performance.now();
    }
    const outside = (r) => !(r.target instanceof Element ? r.target : r.target.parentElement)?.closest("[data-animated]");
    if (records.some(outside)) w.__bench.last = performance.now();
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;

interface PageResult {
  path: string;
  first: number;
  settled: number;
  /** From the first scroll to the last change once every cell has been scrolled into view. */
  scrolled: number;
  /** Charts (svg with a width, canvas) in the main column when the first view settled, and after scrolling through. */
  charts: [number, number];
  urls: Set<string>;
}

/** Waits until the page has not changed (outside [data-animated]) for 2 s, at most 180 s. */
async function quiet(page: Page): Promise<void> {
  await page.waitForFunction(
    () => performance.now() - (window as unknown as { __bench: { last: number } }).__bench.last > 2000,
    null,
    { timeout: 180_000, polling: 200 },
  ).catch(() => {});
}

/** Scrolls to the bottom one screen per frame; returns performance.now() at the first scroll. A string: see measureArena. */
const SCROLL_DOWN = `new Promise((done) => {
  const start = performance.now();
  const step = () => {
    const max = document.documentElement.scrollHeight - innerHeight;
    if (scrollY >= max) return done(start);
    window.scrollTo(0, Math.min(max, scrollY + innerHeight));
    requestAnimationFrame(step);
  };
  step();
})`;

async function measurePage(browser: Browser, origin: string, path: string, rate: number): Promise<PageResult> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await page.addInitScript(PROBE);
    const urls = new Set<string>();
    page.on("response", (r) => urls.add(new URL(r.url()).pathname));
    await page.goto(origin + path, { waitUntil: "load", timeout: 180_000 });
    await quiet(page);
    const { first, last } = await page.evaluate(() => (window as unknown as { __bench: { first: number | null; last: number } }).__bench);
    const countCharts = () => page.evaluate(() => document.querySelectorAll("#observablehq-main svg[width], #observablehq-main canvas").length);
    const chartsFirst = await countCharts();
    const firstView = new Set(urls); // what the first view transferred, before scrolling
    const scrollStart = (await page.evaluate(SCROLL_DOWN)) as number;
    await quiet(page);
    const after = await page.evaluate(() => (window as unknown as { __bench: { last: number } }).__bench.last);
    return { path, first: first ?? NaN, settled: last, scrolled: Math.max(0, after - scrollStart), charts: [chartsFirst, await countCharts()], urls: firstView };
  } finally {
    await context.close();
  }
}

/** The arena's figures; `fps` is NaN and `played` 0 when playback could not be started. */
interface ArenaResult {
  sliderP50: number;
  sliderP95: number;
  /** Median ms of each phase of a slider update (`arena:update:compute|layout|charts|text|frame`). */
  phases: Record<string, number>;
  fps: number;
  /** Steps the playback readout advanced during the fps window. */
  played: number;
  /** The fps window, ms. */
  window: number;
  /** Mean ms of one drawn playback frame (`arena:frame`) and of its parts, during the window. */
  frame: Record<string, number>;
}

/** How long the frame rate is counted while playing: shorter than a default race at the default speed (500 steps at 100 steps/s). */
const FPS_WINDOW = 3000;

async function measureArena(browser: Browser, origin: string, rate: number): Promise<ArenaResult> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, serviceWorkers: "block" });
  const page: Page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await page.goto(origin + "/arena", { waitUntil: "networkidle", timeout: 180_000 });
    await page.waitForFunction(() => performance.getEntriesByName("arena:update").length > 0, null, { timeout: 120_000 });
    const slider = page.locator(".arena-lr input[type=range]").first();
    await slider.focus();
    await page.evaluate(() => ["", ":compute", ":layout", ":charts", ":text", ":frame"].forEach((p) => performance.clearMeasures("arena:update" + p)));
    for (let k = 0; k < 30; ++k) {
      await page.keyboard.press(k % 2 ? "ArrowLeft" : "ArrowRight");
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(500);
    const updates = await page.evaluate(() => performance.getEntriesByName("arena:update").map((e) => e.duration));
    const phases = (await page.evaluate(`Object.fromEntries(["compute", "layout", "charts", "text", "frame"].map((p) => {
      const d = performance.getEntriesByName("arena:update:" + p).map((e) => e.duration).sort((a, b) => a - b);
      return [p, d.length ? d[d.length >> 1] : NaN];
    }))`)) as Record<string, number>;
    // Playback: autoplay may still run (its button then says "pause"); pause, go back to step 0, play.
    const bar = page.locator(".arena-playback").first();
    const toggle = bar.locator("button.arena-play");
    if ((await toggle.getAttribute("aria-label")) === "pause") await toggle.click();
    await bar.locator('button[aria-label="restart from step 0"]').click();
    await page.waitForFunction(() => /^step 0 \//.test(document.querySelector(".arena-playback .arena-step")?.textContent ?? ""), null, { timeout: 30_000 });
    await toggle.click();
    await page.waitForFunction(() => document.querySelector(".arena-playback button.arena-play")?.getAttribute("aria-label") === "pause", null, { timeout: 30_000 });
    const window = await measurePlayback(page, FPS_WINDOW);
    const frame = Object.fromEntries(Object.entries(window.frames).map(([name, { count, total }]) => [name, count ? total / count : NaN]));
    const measured = { ...window, frame };
    // A window in which the readout did not advance, or playback ended early, did not measure playback.
    const ok = measured.played > 0 && measured.playing;
    return { sliderP50: quantile(updates, 0.5), sliderP95: quantile(updates, 0.95), phases, fps: ok ? measured.fps : NaN, played: measured.played, window: measured.window, frame: measured.frame };
  } finally {
    await context.close();
  }
}

const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v)} ms` : "—");
const kb = (v: number) => `${(v / 1024).toFixed(0)} KB`;

async function benchBuild(browser: Browser, dist: string): Promise<void> {
  const server = await serve(dist);
  const only = process.env.BENCH_PAGES?.split(",").filter(Boolean);
  const pages = only?.length ? only : builtPages(dist).filter((p) => p !== "/404");
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
  try {
    console.log(`\n${dist} — ${pages.length} pages × ${runs} run(s)`);
    for (const rate of RATES) {
      const results: PageResult[] = [];
      console.log(`  CPU ${rate}× (${load()} at the start)`);
      for (const path of pages)
        for (let r = 0; r < runs; ++r) {
          const x = await measurePage(browser, server.origin, path, rate);
          results.push(x);
          console.log(`          … ${x.path.padEnd(20)} first ${ms(x.first).padStart(8)}  settled ${ms(x.settled).padStart(8)}  all after scrolling ${ms(x.scrolled).padStart(8)}  charts ${x.charts[0]}/${x.charts[1]}  (${load()})`);
        }
      const shared = results.length ? [...results[0].urls].filter((u) => results.every((x) => x.urls.has(u))) : [];
      const bytes = (urls: Iterable<string>) => [...urls].reduce((sum, u) => sum + (fileFor(dist, u) ? gzipSize(fileFor(dist, u)!) : 0), 0);
      const extra = results.map((x) => bytes([...x.urls].filter((u) => !shared.includes(u))));
      const firsts = results.map((x) => x.first).filter(Number.isFinite);
      const settles = results.map((x) => x.settled);
      const wantArena = pages.includes("/arena") || !only?.length || process.env.BENCH_ARENA === "1";
      const arena = wantArena
        ? await measureArena(browser, server.origin, rate).catch((e: unknown) => {
            console.log(`          arena: not measured (${String(e).split("\n")[0]})`);
            return null;
          })
        : null;
      const scrolls = results.map((x) => x.scrolled);
      console.log(`  CPU ${rate}×: first chart median ${ms(quantile(firsts, 0.5))}, p95 ${ms(quantile(firsts, 0.95))}; first view settled median ${ms(quantile(settles, 0.5))}, p95 ${ms(quantile(settles, 0.95))}; all after scrolling median ${ms(quantile(scrolls, 0.5))}, p95 ${ms(quantile(scrolls, 0.95))}`);
      console.log(`          first view (gzip): shared by every page ${kb(bytes(shared))}; beyond that median ${kb(quantile(extra, 0.5))}, max ${kb(Math.max(...extra))}`);
      if (arena) {
        const f = (name: string) => (Number.isFinite(arena.frame[name]) ? arena.frame[name].toFixed(2) : "—");
        console.log(`          arena: slider update p50 ${arena.sliderP50.toFixed(1)} ms, p95 ${arena.sliderP95.toFixed(1)} ms; playback ${Number.isFinite(arena.fps) ? `${arena.fps.toFixed(0)} fps` : "not measured (did not play through the window)"} (readout advanced ${arena.played} steps in ${Math.round(arena.window)} ms)`);
        const ph = (name: string) => (Number.isFinite(arena.phases[name]) ? arena.phases[name].toFixed(2) : "—");
        console.log(`          arena: slider update phases, medians: compute ${ph("compute")} ms, layout ${ph("layout")}, charts ${ph("charts")}, text ${ph("text")}, frame ${ph("frame")}`);
        console.log(`          arena: one playback frame ${f("arena:frame")} ms (map ${f("arena:frame:map")}, loss ${f("arena:frame:loss")}, state ${f("arena:frame:state")}, playback bar ${f("arena:frame:playback")})`);
      }
      results.forEach((x, i) => console.log(`          ${x.path.padEnd(20)} first ${ms(x.first).padStart(8)}  settled ${ms(x.settled).padStart(8)}  all after scrolling ${ms(x.scrolled).padStart(8)}  charts drawn first/all ${`${x.charts[0]}/${x.charts[1]}`.padStart(7)}  first view beyond shared ${kb(extra[i]).padStart(7)}`));
    }
  } finally {
    await server.close();
  }
}

export async function run(): Promise<void> {
  const chromium = findChromium();
  if (!chromium) {
    console.log("site: no Chromium found; skipped");
    return;
  }
  const dists = [process.env.BENCH_COMPARE, process.env.DESCENT_OUT ?? "dist"].filter((d): d is string => !!d).map((d) => resolve(d));
  const browser = await launchChromium(chromium);
  try {
    console.log("Headless Chromium on the built site; this machine is shared, so timings are noisy: compare builds measured in the same run.");
    for (const dist of dists) {
      if (!existsSync(join(dist, "index.html"))) console.log(`\n${dist}: no build (run npm run build)`);
      else await benchBuild(browser, dist);
    }
  } finally {
    await browser.close();
  }
}
