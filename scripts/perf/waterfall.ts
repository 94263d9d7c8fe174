/**
 * What a page waits for before its first chart: one load in headless Chromium
 * on the built site (1200×900, service worker blocked, optional CPU
 * throttling), printing the navigation milestones (response, DOMContentLoaded,
 * load), when the stylesheets and the modules (the page's modulepreloads — 16–30
 * bundles since scripts/site/bundle-modules.ts, ~130 modules before — and their imports) finished arriving, and the first
 * chart (the first <svg width>/<canvas> in the main column, as the benchmark
 * finds it). Times are ms after navigation start; medians over --runs.
 *
 *   npx tsx scripts/perf/waterfall.ts [dist] /reference [/gradient-descent ...] [--rate 4] [--runs 3]
 */
import { withBuiltSite } from "./built-site.js";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args.splice(i, 2)[1]) : dflt; };
const rate = opt("--rate", 1);
const runs = opt("--runs", 1);
const dist = args[0] && (!args[0].startsWith("/") || args[0].includes("dist")) ? args.shift()! : "dist";

const PROBE = `(() => {
  window.__wf = { first: null };
  const look = () => {
    if (window.__wf.first === null) {
      const main = document.getElementById("observablehq-main");
      if (main && main.querySelector("svg[width], canvas")) window.__wf.first = performance.now();
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

interface Sample { [k: string]: number }

async function measure(page: import("playwright-core").Page, url: string): Promise<Sample> {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction("window.__wf.first !== null", null, { timeout: 60_000 }).catch(() => {});
  // A string, not a function: tsx would add helpers (__name) the page does not have.
  return page.evaluate(`(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const res = performance.getEntriesByType("resource");
    const wf = window.__wf;
    const before = res.filter((r) => r.startTime < wf.first);
    const end = (rs) => Math.max(0, ...rs.map((r) => r.responseEnd));
    const js = before.filter((r) => /\\.js(\\?|$)/.test(r.name));
    const css = before.filter((r) => /\\.css(\\?|$)/.test(r.name));
    const data = before.filter((r) => /\\.(json|csv|bin)(\\?|$)/.test(r.name));
    const fonts = before.filter((r) => /\\.woff2?(\\?|$)/.test(r.name));
    return {
      htmlEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
      modules: js.length, modulesEnd: end(js), css: css.length, cssEnd: end(css), data: data.length, dataEnd: end(data), fonts: fonts.length, fontsEnd: end(fonts),
      kbBeforeFirst: Math.round(before.reduce((s, r) => s + (r.transferSize || r.encodedBodySize), 0) / 1024),
      firstChart: wf.first ?? NaN,
    };
  })()`) as Promise<Sample>;
}

async function main() {
  await withBuiltSite(dist, async (browser, server) => {
    for (const path of args) {
      const samples: Sample[] = [];
      for (let r = 0; r < runs; r++) {
        const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, serviceWorkers: "block" });
        const page = await context.newPage();
        await page.goto(server.origin + "/favicon.svg");
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate });
        await page.addInitScript(PROBE);
        samples.push(await measure(page, server.origin + path));
        await context.close();
      }
      const med = (k: string) => { const v = samples.map((s) => s[k]).sort((a, b) => a - b); return Math.round(v[Math.floor(v.length / 2)]); };
      console.log(`${path} at ${rate}× (median of ${runs}): html ${med("htmlEnd")} · css ×${med("css")} done ${med("cssEnd")} · DOMContentLoaded ${med("domContentLoaded")} · modules ×${med("modules")} done ${med("modulesEnd")} · data ×${med("data")} done ${med("dataEnd")} · fonts ×${med("fonts")} done ${med("fontsEnd")} · first chart ${med("firstChart")} · load ${med("load")} ms · ${med("kbBeforeFirst")} KB fetched before the first chart`);
    }
  });
}
main();
