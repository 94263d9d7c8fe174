/**
 * What a reader reads, in two builds: each page's main column as text after
 * scrolling through it (test/e2e/scroll-through.ts, so deferred cells have
 * run), from build A and build B, with the lines that differ. A speed change
 * (deferring a cell, loading a module lazily, subsetting a font) must not
 * change a sentence or a number; run this before calling one done. Text that
 * measures this machine (timings) differs between any two loads: read the
 * diff, don't count it.
 *
 *   npx tsx scripts/site/compare-text.ts <dist A> <dist B> [/page ...]
 */
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { findChromium, launchChromium } from "../../test/e2e/browser.js";
import { builtPages } from "../../test/e2e/pages.js";
import { scrollThrough } from "../../test/e2e/scroll-through.js";
import { serve } from "../../test/e2e/server.js";

async function pageText(browser: Browser, origin: string, path: string): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    await page.goto(origin + path, { waitUntil: "load", timeout: 180_000 });
    await scrollThrough(page);
    // Chart text alternatives and table cells count too; the arena's playback step does not.
    return (await page.evaluate(() => {
      const main = document.getElementById("observablehq-main")!;
      for (const animated of main.querySelectorAll("[data-animated]")) animated.remove();
      return main.innerText;
    })).split("\n").map((l) => l.trim()).filter(Boolean);
  } finally {
    await context.close();
  }
}

/** Lines of a not in b and of b not in a, in order (a multiset difference: order changes are not reported). */
function difference(a: string[], b: string[]): { onlyA: string[]; onlyB: string[] } {
  const count = new Map<string, number>();
  for (const l of b) count.set(l, (count.get(l) ?? 0) + 1);
  const onlyA = a.filter((l) => {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    return n === 0;
  });
  const countA = new Map<string, number>();
  for (const l of a) countA.set(l, (countA.get(l) ?? 0) + 1);
  const onlyB = b.filter((l) => {
    const n = countA.get(l) ?? 0;
    if (n > 0) countA.set(l, n - 1);
    return n === 0;
  });
  return { onlyA, onlyB };
}

async function main(): Promise<void> {
  const [a, b, ...only] = process.argv.slice(2);
  if (!a || !b) throw new Error("usage: compare-text.ts <dist A> <dist B> [/page ...]");
  const browser = await launchChromium(findChromium()!);
  const [serverA, serverB] = await Promise.all([serve(resolve(a)), serve(resolve(b))]);
  let differing = 0;
  try {
    for (const path of only.length ? only : builtPages(resolve(b)).filter((p) => p !== "/404")) {
      const [textA, textB] = [await pageText(browser, serverA.origin, path), await pageText(browser, serverB.origin, path)];
      const { onlyA, onlyB } = difference(textA, textB);
      console.log(`${path}: ${textA.length} lines in A, ${textB.length} in B; ${onlyA.length + onlyB.length} differ`);
      if (onlyA.length + onlyB.length) differing++;
      for (const l of onlyA) console.log(`  - ${l}`);
      for (const l of onlyB) console.log(`  + ${l}`);
    }
  } finally {
    await Promise.all([serverA.close(), serverB.close()]);
    await browser.close();
  }
  console.log(`${differing} page(s) with differing lines`);
}

await main();
