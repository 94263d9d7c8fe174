/**
 * builtSite(): inside a describe block, serves the built site and launches
 * Chromium before its tests and closes both after. Returns getters, since the
 * values exist only once beforeAll has run.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.js";
import { serve, type StaticServer } from "./server.js";
import { chromiumPath, distDir } from "./setup.js";

export function builtSite(): { readonly browser: Browser; readonly origin: string; readonly server: StaticServer } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serve(distDir);
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() { return browser!; },
    get server() { return server!; },
    get origin() { return server!.origin; },
  };
}
