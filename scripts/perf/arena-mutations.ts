/**
 * Which parts of a page keep changing: logs, for a while after load, every
 * DOM mutation outside `[data-animated]` (the elements the settled probe of
 * bench/site.bench.ts ignores), grouped by the nearest element with an id,
 * class or aria-label, with counts and the last time seen. A debugging aid
 * for "this page never settles".
 *
 *   npx tsx scripts/perf/arena-mutations.ts [dist /arena] [--seconds 20]
 */
import { withBuiltSite } from "./built-site.js";

const args = process.argv.slice(2);
const secondsAt = args.indexOf("--seconds");
const seconds = secondsAt >= 0 ? Number(args[secondsAt + 1]) : 20;
const rest = args.filter((a, i) => !a.startsWith("--") && (secondsAt < 0 || i !== secondsAt + 1));
const dist = rest.length > 1 ? rest.shift()! : "dist";
const path = rest[0] ?? "/arena";

const PROBE = `(() => {
  window.__mut = {};
  const name = (n) => {
    const parts = [];
    for (let e = n; e && parts.length < 4; e = e.parentElement) {
      const label = e.id ? "#" + e.id : e.getAttribute?.("aria-label") ? "[" + e.getAttribute("aria-label").slice(0, 40) + "]" : e.classList?.length ? "." + [...e.classList].join(".") : e.tagName.toLowerCase();
      parts.unshift(label);
    }
    return parts.join(" > ");
  };
  new MutationObserver((records) => {
    for (const r of records) {
      const t = r.target instanceof Element ? r.target : r.target.parentElement;
      if (!t || t.closest("[data-animated]")) continue;
      const key = r.type + (r.attributeName ? "@" + r.attributeName : "") + "  " + name(t);
      const m = (window.__mut[key] ??= { n: 0, last: 0 });
      m.n += 1;
      m.last = Math.round(performance.now());
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;

async function main() {
  await withBuiltSite(dist, async (browser, server) => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(server.origin + path, { waitUntil: "load" });
    await page.waitForTimeout(seconds * 1000);
    const found = (await page.evaluate("window.__mut")) as Record<string, { n: number; last: number }>;
    const rows = Object.entries(found).sort((a, b) => b[1].last - a[1].last);
    console.log(`${path}: mutations outside [data-animated] in the first ${seconds} s (latest first)`);
    for (const [key, { n, last }] of rows.slice(0, 40)) console.log(`${String(last).padStart(7)} ms  ×${String(n).padStart(5)}  ${key}`);
    await context.close();
  });
}
await main();
