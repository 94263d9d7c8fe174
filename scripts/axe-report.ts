/**
 * `npx tsx scripts/axe-report.ts [dist] [/page …]`: axe-core's serious and
 * critical violations on every page of a built site (default dist/, or
 * $DESCENT_OUT), light and dark — violating nodes per page and per rule, and
 * the totals (`--details`: each rule's nodes). For before/after figures; the
 * browser test is the gate.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { axeViolations, describeViolations } from "../test/e2e/axe.js";
import { findChromium, launchChromium } from "../test/e2e/browser.js";
import { builtPages } from "../test/e2e/pages.js";
import { serve } from "../test/e2e/server.js";

const args = process.argv.slice(2);
const isDir = (a: string) => existsSync(a) && statSync(a).isDirectory();
const dist = args.find(isDir) ?? process.env.DESCENT_OUT ?? join(process.cwd(), "dist");
const only = args.filter((a) => a.startsWith("/") && !isDir(a));
const details = args.includes("--details");
const chromium = findChromium();
if (!chromium) throw new Error("no Chromium found");
const server = await serve(dist);
const browser = await launchChromium(chromium);
const totals: Record<string, number> = { light: 0, dark: 0 };
const byRule: Record<string, Record<string, number>> = { light: {}, dark: {} };
const charts = { total: 0, named: 0, withData: 0 };
try {
  for (const path of only.length ? only : builtPages(dist)) {
    const line: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const violations = await axeViolations(browser, server.origin + path, {
        colorScheme,
        inspect: async (page) => {
          if (colorScheme !== "light") return;
          const c = await page.evaluate(() => {
            const main = document.getElementById("observablehq-main")!;
            const plots = Array.from(main.querySelectorAll("svg")).filter((s) => /(^| )plot-/.test(s.getAttribute("class") ?? "") || s.hasAttribute("data-chart"));
            return {
              charts: plots.length,
              named: plots.filter((s) => s.getAttribute("role") === "img" && s.getAttribute("aria-label") && s.getAttribute("aria-label") !== "Chart").length,
              withData: plots.filter((s) => s.closest(".chart-figure")?.querySelector(":scope > .chart-data")).length,
            };
          });
          charts.total += c.charts;
          charts.named += c.named;
          charts.withData += c.withData;
          line.push(`charts ${c.charts} (named ${c.named}, with data ${c.withData})`);
        },
      });
      const nodes = violations.reduce((sum, v) => sum + v.nodes.length, 0);
      totals[colorScheme] += nodes;
      for (const v of violations) byRule[colorScheme][v.id] = (byRule[colorScheme][v.id] ?? 0) + v.nodes.length;
      if (details && violations.length) console.log(`${path} (${colorScheme})\n${describeViolations(violations)}`);
      line.push(`${colorScheme} ${nodes}${violations.length ? ` (${violations.map((v) => `${v.id} ${v.nodes.length}`).join(", ")})` : ""}`);
    }
    console.log(`${path.padEnd(20)} ${line.join("; ")}`);
  }
  console.log(`\ntotal violating nodes: light ${totals.light}, dark ${totals.dark}`);
  console.log(`charts (Plot svgs in the content): ${charts.total}; named by what they show ${charts.named}; with a Data disclosure ${charts.withData}`);
  for (const scheme of ["light", "dark"]) console.log(`${scheme} by rule: ${JSON.stringify(byRule[scheme])}`);
} finally {
  await browser.close();
  await server.close();
}
