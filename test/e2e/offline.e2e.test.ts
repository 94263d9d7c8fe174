// A second visit works with the network cut: the service worker written by
// scripts/site/post-build.ts caches the whole build on the first visit.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { builtSite } from "./built-site.js";
import { chromiumPath, distDir } from "./setup.js";

const built = existsSync(join(distDir, "sw.js"));

describe.runIf(chromiumPath && built)("offline after the first visit", () => {
  const site = builtSite();

  test("with the network cut and the server gone, the home page and a chapter never opened before load and draw their charts", async () => {
    const context = await site.browser.newContext({ serviceWorkers: "allow" });
    try {
      const page = await context.newPage();
      await page.goto(site.origin + "/", { waitUntil: "load" });
      // The worker is active once it has cached every file of the build.
      const cached = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        const keys = await caches.keys();
        const cache = await caches.open(keys.find((k) => k.startsWith("descent-"))!);
        return { active: !!registration.active, files: (await cache.keys()).length };
      });
      expect(cached.active).toBe(true);
      expect(cached.files).toBeGreaterThan(50);

      await context.setOffline(true);
      await site.server.close();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      for (const path of ["/", "/momentum"]) {
        await page.goto(site.origin + path, { waitUntil: "load", timeout: 60_000 });
        await page.waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0, null, { timeout: 60_000 });
        expect(await page.locator("#observablehq-main h1").count(), path).toBeGreaterThan(0);
        expect(await page.locator(".observablehq--error").count(), path).toBe(0);
      }
      await page.waitForFunction(() => document.querySelectorAll("#observablehq-main svg[role=img]").length > 0, null, { timeout: 60_000 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
