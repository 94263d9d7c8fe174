/**
 * Scrolls a page from top to bottom as a reader would, one step of 80 % of the
 * viewport at a time, waiting at each step until the page stops changing — so
 * cells that wait for `reached(section)` (computed when the reader gets there) run and
 * draw — then returns to the top; it passes again (at most 3 times) while a
 * cell is still pending, as a reader coming back would. Changes inside `[data-animated]` (the
 * arena's playback) do not count as changes.
 *
 * A string, not a function, is evaluated in the page: tsx's transform wraps
 * named functions in a __name() helper the page does not have.
 */
import type { Page } from "playwright-core";

export interface ScrollThroughOptions {
  /** How long the page must not change before the next step, in ms (default 300). */
  quiet?: number;
  /** The most to wait at one step, in ms (default 20 s). */
  limit?: number;
}

/** The script evaluated in the page; resolves when the bottom has been reached and the page is quiet. */
export function scrollThroughScript({ quiet = 300, limit = 20_000, back = true } = {}): string {
  return `(async () => {
    const changed = { at: performance.now() };
    const observer = new MutationObserver((records) => {
      if (records.some((r) => !(r.target instanceof Element ? r.target : r.target.parentElement)?.closest("[data-animated]"))) changed.at = performance.now();
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const pause = (ms) => new Promise((done) => setTimeout(done, ms));
    const settle = async () => {
      const start = performance.now();
      await pause(50);
      while (performance.now() - changed.at < ${quiet} && performance.now() - start < ${limit}) await pause(50);
    };
    // A cell calls reached() only once its inputs are ready (a dataset, an editor cell's first run):
    // if they were ready only after the pass went by, it waits for the reader to come back, so pass again
    // while a pending cell remains (at most 3 passes).
    for (let pass = 0; pass < 3; ++pass) {
      let y = 0;
      window.scrollTo(0, 0);
      for (;;) {
        await settle();
        const max = document.documentElement.scrollHeight - innerHeight;
        if (y >= max) break;
        y = Math.min(max, y + Math.round(innerHeight * 0.8));
        window.scrollTo(0, y);
      }
      if (!document.querySelector("#observablehq-main observablehq-loading")) break;
    }
    observer.disconnect();
    ${back ? "window.scrollTo(0, 0);" : ""}
  })()`;
}

export async function scrollThrough(page: Page, options: ScrollThroughOptions = {}): Promise<void> {
  await page.evaluate(scrollThroughScript(options));
}
