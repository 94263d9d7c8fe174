/**
 * Where each cell of a page sits on the built page, to decide which cells are
 * below the first screen: loads the page in headless Chromium (1200×900 like
 * the benchmark), waits for it to settle, and prints every block cell with the
 * top of its root (the element holding Framework's `<!--:id:-->` marker) in px, marking those that could wait for
 * `visibility()` (scripts/site/deferred-cells.ts: no view, nothing above uses
 * them) and those that already do.
 *
 *   npx tsx scripts/perf/cell-positions.ts [dist] /nesterov [/schedules ...]
 */
import { readFileSync } from "node:fs";
import { withBuiltSite } from "./built-site.js";
import { candidates, pageCells } from "../site/deferred-cells.js";

const args = process.argv.slice(2);
const dist = args[0] && (!args[0].startsWith("/") || args[0].includes("dist")) ? args.shift()! : "dist";
const FOLD = 900;

async function main() {
  await withBuiltSite(dist, async (browser, server) => {
    for (const path of args) {
      const cells = pageCells(readFileSync(`src${path}.md`, "utf8"), `${path}.md`);
      const maybe = new Set(candidates(cells).map((c) => c.index));
      const context = await browser.newContext({ viewport: { width: 1200, height: FOLD }, serviceWorkers: "block" });
      const page = await context.newPage();
      await page.goto(server.origin + path, { waitUntil: "load" });
      await page.waitForTimeout(3000);
      // Framework marks where a cell displays with a comment <!--:id:--> (the cell's root).
      const tops = await page.evaluate((ids) => {
        const at = new Map<string, number>();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const m = /^:(\w+):$/.exec(n.nodeValue ?? "");
          if (m) at.set(m[1], Math.round((n.parentElement as Element).getBoundingClientRect().top + scrollY));
        }
        return ids.map((id) => at.get(id) ?? null);
      }, cells.map((c) => c.id));
      console.log(`\n${path} (fold at ${FOLD} px)`);
      for (const c of cells) {
        if (c.inline) continue;
        const mark = c.deferred ? "deferred " : maybe.has(c.index) ? (tops[c.index]! > FOLD ? "CAN DEFER" : "above fold") : c.view ? "view     " : c.declares.length ? "used above" : "display  ";
        console.log(`  #${String(c.index).padStart(3)} ${String(tops[c.index]).padStart(6)} px  ${mark}  ${c.head}`);
      }
      await context.close();
    }
  });
}
main();
