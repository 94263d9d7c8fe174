/**
 * Where the arena's playback frames go: plays /arena from step 0 at the
 * default speed for a fixed window in headless Chromium and reports frames per
 * second, the steps played, the browser's own time split (CDP Performance
 * metrics: script, style recalculation, layout, and the rest of each task,
 * which is mostly paint and compositing), the arena's `arena:frame` measures
 * (map, loss chart, state panel, playback bar), and with --functions the
 * functions with the most self time in a V8 CPU profile of the window.
 *
 *   npx tsx scripts/perf/arena-playback.ts [dist | http://127.0.0.1:4601] [--rate 4] [--functions] [--narrow]
 */
import { resolve } from "node:path";
import { findChromium, launchChromium } from "../../test/e2e/browser.js";
import { serve } from "../../test/e2e/server.js";
import { measurePlayback } from "./arena-fps.js";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const args = process.argv.slice(2);
const rateAt = args.indexOf("--rate");
const rate = rateAt >= 0 ? Number(args[rateAt + 1]) : 1;
const functions = args.includes("--functions");
const narrow = args.includes("--narrow");
const target = args.find((a, i) => !a.startsWith("--") && (rateAt < 0 || i !== rateAt + 1)) ?? "dist";
const WINDOW = 3000;

async function main() {
  const chromium = findChromium();
  if (!chromium) throw new Error("no Chromium");
  const server = target.startsWith("http") ? null : await serve(resolve(target));
  const origin = server?.origin ?? target.replace(/\/$/, "");
  const browser = await launchChromium(chromium);
  try {
    const context = await browser.newContext({ viewport: narrow ? { width: 390, height: 844 } : { width: 1200, height: 900 }, serviceWorkers: "block" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await page.goto(origin + "/arena", { waitUntil: "load", timeout: 180_000 });
    await page.waitForFunction(() => performance.getEntriesByName("arena:update").length > 0, null, { timeout: 120_000 });
    await page.waitForTimeout(1000);
    const bar = page.locator(".arena-playback").first();
    const toggle = bar.locator("button.arena-play");
    await bar.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.querySelector(".arena-main")!.getBoundingClientRect().top + scrollY - 10));
    if ((await toggle.getAttribute("aria-label")) === "pause") await toggle.click();
    await bar.locator('button[aria-label="restart from step 0"]').click();
    await page.waitForTimeout(300);
    await cdp.send("Performance.enable");
    const metrics = async () => Object.fromEntries(((await cdp.send("Performance.getMetrics")) as { metrics: Array<{ name: string; value: number }> }).metrics.map((m) => [m.name, m.value]));
    if (functions) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    const before = await metrics();
    await toggle.click();
    const r = await measurePlayback(page, WINDOW);
    const after = await metrics();
    const d = (k: string) => (after[k] - before[k]) * 1000;
    console.log(`/arena playback at ${rate}× CPU${narrow ? ", 390 px" : ""}: ${r.fps.toFixed(1)} fps, readout advanced ${r.played} steps in ${WINDOW} ms`);
    console.log(`  browser time in the window (ms): script ${d("ScriptDuration").toFixed(0)}, style ${d("RecalcStyleDuration").toFixed(0)}, layout ${d("LayoutDuration").toFixed(0)} (${after.LayoutCount - before.LayoutCount} layouts, ${after.RecalcStyleCount - before.RecalcStyleCount} style recalcs), all tasks ${d("TaskDuration").toFixed(0)}`);
    const { count: n, total } = r.frames["arena:frame"];
    console.log(`  arena:frame ×${n}, mean ${(total / Math.max(1, n)).toFixed(2)} ms: ` + ["map", "loss", "state", "playback"].map((k) => `${k} ${(r.frames["arena:frame:" + k].total / Math.max(1, n)).toFixed(2)}`).join(", "));
    if (functions) {
      const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        const f = byId.get(id)!.callFrame;
        const key = `${f.functionName || "(anonymous)"} ${f.url ? new URL(f.url).pathname.split("/").pop() + ":" + (f.lineNumber + 1) : ""}`;
        self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
      });
      const total = [...self.values()].reduce((a, b) => a + b, 0);
      console.log("  self time, top functions (ms, share of the profile):");
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${v.toFixed(0).padStart(6)}  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
    }
    await context.close();
  } finally {
    await browser.close();
    await server?.close();
  }
}
await main();
