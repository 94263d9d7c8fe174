/**
 * The setup every script in scripts/perf/ shares: serve a built site
 * (dist/ or another build) and launch Debian's Chromium, run `use`, then close
 * both whatever happens.
 */
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { findChromium, launchChromium } from "../../test/e2e/browser.js";
import { serve } from "../../test/e2e/server.js";

export async function withBuiltSite<T>(dist: string, use: (browser: Browser, server: { origin: string }) => Promise<T>): Promise<T> {
  const chromium = findChromium();
  if (!chromium) throw new Error("no Chromium");
  const server = await serve(resolve(dist));
  const browser = await launchChromium(chromium);
  try {
    return await use(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
}
