/**
 * Where a page's main-thread time goes before its first chart and before it
 * settles: a V8 CPU profile (CDP Profiler) of one page load in headless
 * Chromium on the built site, self time summed per script (and per function
 * with --functions). Shares of CPU time are far less sensitive to a busy
 * machine than wall times, so use this to decide what to speed up and the
 * benchmark (`npm run bench -- site`) to measure the result.
 *
 *   npx tsx scripts/perf/profile-page.ts [dist] /adagrad [/momentum ...] [--functions] [--rate 4]
 *
 * "first" and "settled" are found like the benchmark does (the first
 * <svg width>/<canvas> in the main column; the last change before 2 s of quiet).
 */
import { withBuiltSite } from "./built-site.js";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

const args = process.argv.slice(2);
const functions = args.includes("--functions");
const rateAt = args.indexOf("--rate");
const rate = rateAt >= 0 ? Number(args[rateAt + 1]) : 1;
const rest = args.filter((a, i) => !a.startsWith("--") && (rateAt < 0 || i !== rateAt + 1));
const dist = rest[0]?.startsWith("/") && !rest[0].includes("dist") ? "dist" : rest.shift() ?? "dist";
const paths = rest.length ? rest : ["/adagrad"];

const PROBE = `(() => {
  window.__bench = { first: null, last: 0 };
  const look = () => {
    window.__bench.last = performance.now();
    if (window.__bench.first === null) {
      const main = document.getElementById("observablehq-main");
      if (main && main.querySelector("svg[width], canvas")) window.__bench.first = performance.now();
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;

function shortUrl(url: string): string {
  if (!url) return "(native/other)";
  const u = new URL(url, "http://x");
  return u.pathname.replace(/\.[0-9a-f]{8}\.js$/, ".js");
}

async function main() {
  await withBuiltSite(dist, async (browser, server) => {
    for (const path of paths) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, serviceWorkers: "block" });
      const page = await context.newPage();
      await page.goto(server.origin + "/favicon.svg");
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
      await page.addInitScript(PROBE);
      await cdp.send("Profiler.start");
      const started = Date.now();
      await page.goto(server.origin + path, { waitUntil: "load", timeout: 180_000 });
      await page.waitForFunction(() => {
        const b = (window as unknown as { __bench: { last: number } }).__bench;
        return document.querySelectorAll(".observablehq--loading").length === 0 && performance.now() - b.last > 2000;
      }, null, { timeout: 180_000, polling: 200 }).catch(() => {});
      const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
      const { first, last, origin } = await page.evaluate(() => ({ ...(window as unknown as { __bench: { first: number; last: number } }).__bench, origin: performance.timeOrigin }));
      const offset = origin - started; // ms from profiler start to navigation start
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const windows = [["before first chart", first], ["first chart → settled", last]] as const;
      const sums = windows.map(() => new Map<string, number>());
      let t = profile.startTime;
      profile.samples.forEach((id, i) => {
        t += profile.timeDeltas[i];
        const at = (t - profile.startTime) / 1000 - offset;
        const w = at <= first ? 0 : at <= last ? 1 : -1;
        if (w < 0 || at < 0) return;
        const n = byId.get(id)!;
        const fn = n.callFrame.functionName || "(anonymous)";
        const key = functions ? `${shortUrl(n.callFrame.url)} ${fn}:${n.callFrame.lineNumber}` : ["(idle)", "(program)", "(garbage collector)"].includes(fn) ? fn : shortUrl(n.callFrame.url);
        const dt = profile.timeDeltas[i + 1] ?? 0;
        sums[w].set(key, (sums[w].get(key) ?? 0) + dt / 1000);
      });
      console.log(`\n${path} at ${rate}×: first chart ${Math.round(first)} ms, settled ${Math.round(last)} ms`);
      windows.forEach(([name], w) => {
        const entries = [...sums[w]].sort((a, b) => b[1] - a[1]);
        const total = entries.reduce((s, [, v]) => s + v, 0);
        const busy = entries.filter(([k]) => k !== "(idle)").reduce((s, [, v]) => s + v, 0);
        console.log(`  ${name}: ${Math.round(total)} ms sampled, ${Math.round(busy)} ms busy`);
        for (const [k, v] of entries.slice(0, functions ? 25 : 14)) console.log(`    ${(v).toFixed(0).padStart(6)} ms ${((100 * v) / total).toFixed(0).padStart(3)} %  ${k}`);
      });
      await context.close();
    }
  });
}
main();
