/**
 * Runs axe-core (injected from node_modules, no network) on one page of a
 * built site, after its cells settle, with the WCAG 2.0/2.1 A and AA rules.
 * Used by the accessibility browser test and by `scripts/axe-report.ts`.
 */
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { scrollThrough } from "./scroll-through.js";

const require = createRequire(import.meta.url);
export const AXE_SCRIPT = require.resolve("axe-core/axe.min.js");
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; summary: string }[];
}

/** axe's violations of impact serious or critical on `url`, in the given colour scheme. */
export async function axeViolations(
  browser: Browser,
  url: string,
  options: { colorScheme?: "light" | "dark"; width?: number; impacts?: string[]; inspect?: (page: Page) => Promise<void> } = {},
): Promise<AxeViolation[]> {
  const { colorScheme = "light", width = 1200, impacts = ["serious", "critical"], inspect } = options;
  const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "networkidle", timeout: 90_000 });
    // Cells below the first screen compute when the reader reaches their section (reached(), src/components/reached.ts): scroll through the page first.
    await scrollThrough(page);
    await page.waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0, null, { timeout: 90_000 }).catch(() => {});
    // Charts draw after their cells resolve (and again on resize): wait until the page stops changing.
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __axeLast?: string; __axeSince?: number };
        const signature = `${document.querySelectorAll("svg, canvas, input, table").length}:${document.body.innerHTML.length}`;
        if (signature !== w.__axeLast) {
          w.__axeLast = signature;
          w.__axeSince = performance.now();
        }
        return performance.now() - (w.__axeSince ?? 0) > 1500;
      },
      null,
      { timeout: 60_000, polling: 250 },
    ).catch(() => {});
    if (inspect) await inspect(page);
    await page.addScriptTag({ path: AXE_SCRIPT });
    const violations = (await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations;
    }, AXE_TAGS)) as { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
    return violations
      .filter((v) => v.impact !== null && impacts.includes(v.impact))
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, summary: (n.failureSummary ?? "").split("\n").slice(0, 2).join(" ") })) }));
  } finally {
    await context.close();
  }
}

/** One line per rule, with up to three example nodes, for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `  [${v.impact}] ${v.id} (${v.nodes.length} nodes): ${v.help}\n${v.nodes.slice(0, 3).map((n) => `      ${n.target.join(" ")} — ${n.summary}`).join("\n")}`)
    .join("\n");
}
