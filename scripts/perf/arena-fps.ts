/**
 * The arena's playback measured inside the page, shared by the benchmark
 * (bench/site.bench.ts) and scripts/perf/arena-playback.ts: with playback
 * already started, counts requestAnimationFrame callbacks over a fixed window
 * and reads how far the step readout advanced (proof that it played), whether
 * it still plays at the end, and the arena's own `arena:frame` measures
 * (cleared at the start) with their parts.
 */
import type { Page } from "playwright-core";

export const FRAME_MEASURES = ["arena:frame", "arena:frame:map", "arena:frame:loss", "arena:frame:state", "arena:frame:playback"] as const;

export interface PlaybackWindow {
  fps: number;
  /** Steps the readout advanced in the window. */
  played: number;
  /** Whether the play button still said "pause" at the end of the window. */
  playing: boolean;
  /** The window's length as measured, ms. */
  window: number;
  /** Per measure name: how many were recorded in the window and their total duration, ms. */
  frames: Record<string, { count: number; total: number }>;
}

export function measurePlayback(page: Page, windowMs: number): Promise<PlaybackWindow> {
  // A string, not a function: tsx's transform wraps named functions in a __name() helper the page does not have.
  return page.evaluate(`new Promise((done) => {
    const readout = () => Number(/^step (\\d+)/.exec(document.querySelector(".arena-playback .arena-step")?.textContent ?? "")?.[1] ?? NaN);
    const names = ${JSON.stringify(FRAME_MEASURES)};
    for (const name of names) performance.clearMeasures(name);
    let frames = 0;
    const from = readout();
    const start = performance.now();
    const tick = () => {
      frames += 1;
      if (performance.now() - start < ${windowMs}) return requestAnimationFrame(tick);
      const elapsed = performance.now() - start;
      const playing = document.querySelector(".arena-playback button.arena-play")?.getAttribute("aria-label") === "pause";
      const measures = {};
      for (const name of names) {
        const d = performance.getEntriesByName(name).map((e) => e.duration);
        measures[name] = { count: d.length, total: d.reduce((a, b) => a + b, 0) };
      }
      done({ fps: (frames * 1000) / elapsed, played: readout() - from, playing, window: elapsed, frames: measures });
    };
    requestAnimationFrame(tick);
  })`) as Promise<PlaybackWindow>;
}
