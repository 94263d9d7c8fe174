/**
 * Screenshots of pages, light and dark, for looking at what we build, plus the
 * problems the browser tests would report (console errors, error cells, …):
 *
 *   npm run build && npm run screenshots -- /momentum /adam
 *   npm run screenshots -- --base http://127.0.0.1:3000 /momentum   (a running `npm run dev`)
 *
 * Options: --narrow (a 390 px phone width), --viewport (only the first screen,
 * not the full page). With no paths, every built page. PNGs go to
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
const baseIndex = args.indexOf("--base");
const base = baseIndex >= 0 ? args[baseIndex + 1] : null;
const paths = args.filter((a, i) => !a.startsWith("--") && !(baseIndex >= 0 && i === baseIndex + 1));
const dist = distDir;
const out = join(process.cwd(), "test-results", "screenshots");
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
    const name = `${slug}${narrow ? "-narrow" : ""}-${colorScheme}.png`;
    const problems = await checkPage(browser, server.origin + path, {
      colorScheme,
      width: narrow ? 390 : 1280,
      settle: 1500,
      inspect: async (page) => {
        await page.screenshot({ path: join(out, name), fullPage });
      },
    });
    console.log(`${name}${problems.length ? `\n${describeProblems(problems)}` : ""}`);
  }
}
await browser.close();
await server.close();
