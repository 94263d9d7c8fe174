/**
 * Screenshots of pages, light and dark, for looking at what we build, plus the
 * problems the browser tests would report (console errors, error cells, …):
 *
 *   npm run build && npm run screenshots -- /momentum /adam
 *   npm run screenshots -- --base http://127.0.0.1:3000 /momentum   (a running `npm run dev`)
 *
 * Options: --narrow (a 390 px phone width), --viewport (only the first screen,
 * not the full page), --screens N (only the first N screens of 900 px, e.g. for
 * before/after pictures small enough to commit), --out DIR (instead of
 * test-results/screenshots/), --suffix S (added to each file name, e.g. -before),
 * --tiles (the full page as consecutive tiles of 1280×1800, or 390×1600 with
 * --narrow, named <page>-<theme>[-narrow]-NN.png, so each can be looked at at
 * full resolution). With no paths, every built page. PNGs go to
 * test-results/screenshots/.
 */
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium, findChromium, INSTALL_HINT } from "../test/e2e/browser.js";
import { checkPage, describeProblems } from "../test/e2e/check-page.js";
import { serve } from "../test/e2e/server.js";
import { distDir } from "../test/e2e/setup.js";

const args = process.argv.slice(2);
const fullPage = !args.includes("--viewport");
const narrow = args.includes("--narrow");
/** The value after `--name`, or null. */
function option(name: string): string | null {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : null;
}
const valued = ["--base", "--screens", "--out", "--suffix"];
const base = option("--base");
const screens = option("--screens") === null ? null : Number(option("--screens"));
if (screens !== null && !(Number.isInteger(screens) && screens >= 1)) {
  throw new RangeError(`--screens must be a whole number of screens ≥ 1, got ${option("--screens")}`);
}
const suffix = option("--suffix") ?? "";
const tiles = args.includes("--tiles");
const paths = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && valued.includes(args[i - 1])));
const dist = distDir;
const out = option("--out") ?? join(process.cwd(), "test-results", "screenshots");
mkdirSync(out, { recursive: true });

const chromium = findChromium();
if (!chromium) throw new Error(`no Chromium found; install it: ${INSTALL_HINT}`);
const server = base ? { origin: base.replace(/\/$/, ""), close: async () => {} } : await serve(dist);
const browser = await launchChromium(chromium);
const list = paths.length
  ? paths
  : readdirSync(dist).filter((f) => f.endsWith(".html")).map((f) => "/" + f.replace(/(index)?\.html$/, ""));
for (const path of list) {
  for (const colorScheme of ["light", "dark"] as const) {
    const slug = path.replace(/^\//, "").replace(/\//g, "_") || "index";
    const name = tiles
      ? `${slug}-${colorScheme}${narrow ? "-narrow" : ""}-NN${suffix}.png`
      : `${slug}${narrow ? "-narrow" : ""}-${colorScheme}${suffix}.png`;
    const problems = await checkPage(browser, server.origin + path, {
      colorScheme,
      width: narrow ? 390 : 1280,
      settle: 1500,
      inspect: async (page) => {
        // Blocks far from the viewport are skipped until a reader scrolls near
        // them (content-visibility: auto, src/style.css); a full-page capture
        // does not scroll, so render them all, as a reader scrolling would see them.
        if (fullPage) {
          await page.addStyleTag({ content: "#observablehq-main > * { content-visibility: visible !important; }" });
          await page.waitForTimeout(1500);
        }
        if (tiles) {
          const width = narrow ? 390 : 1280;
          const tile = narrow ? 1600 : 1800;
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let i = 0; i * tile < height; i++) {
            const file = `${slug}-${colorScheme}${narrow ? "-narrow" : ""}-${String(i + 1).padStart(2, "0")}${suffix}.png`;
            const clip = { x: 0, y: i * tile, width, height: Math.min(tile, height - i * tile) };
            await page.screenshot({ path: join(out, file), fullPage: true, clip, timeout: 120_000 });
          }
        } else if (screens === null) await page.screenshot({ path: join(out, name), fullPage });
        else {
          const width = narrow ? 390 : 1280;
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.screenshot({ path: join(out, name), fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, 900 * screens) } });
        }
      },
    });
    console.log(`${name}${problems.length ? `\n${describeProblems(problems)}` : ""}`);
  }
}
await browser.close();
await server.close();
