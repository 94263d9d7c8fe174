// @vitest-environment jsdom
/**
 * The arena's per-frame parts rewrite their nodes in place during playback:
 * the state panel and the playback bar show exactly what a freshly built one
 * shows at every step, while stepping through the race changes no child list
 * (a child-list change wakes the page's a11y MutationObserver every frame);
 * the playback readout stays silent to screen readers while playing.
 */
import { describe, expect, test } from "vitest";
import { arenaObjective, defaultConfig, defaultHyper } from "../../lib/arena/config.js";
import { runRacer } from "../../lib/arena/race.js";
import { ArenaStatePanel } from "../../src/components/arena/state.js";
import { playbackBar } from "../../src/components/arena/playback.js";

const config = defaultConfig("beale");
const objective = arenaObjective(config);
const race = (name: "adam" | "sgd" | "momentum") => runRacer(objective, { name, hyper: defaultHyper("beale", name) }, config.start, 60, config.target, true);
const adam = race("adam"), sgd = race("sgd");

/** What a panel shows: its title and every row's cells. */
const shown = (panel: ArenaStatePanel) => [panel.element.querySelector(".arena-state-title")!.textContent, ...[...panel.element.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent).join(" | "))];
const fresh = (run: typeof adam | undefined, at: number) => {
  const p = new ArenaStatePanel();
  p.draw(run, objective, at);
  return shown(p);
};

/** Child-list mutation records under `node` while `f` runs. */
function childLists(node: Node, f: () => void): Promise<number> {
  return new Promise((resolve) => {
    let n = 0;
    const observer = new MutationObserver((records) => (n += records.filter((r) => r.type === "childList").length));
    observer.observe(node, { childList: true, subtree: true });
    f();
    setTimeout(() => {
      n += observer.takeRecords().filter((r) => r.type === "childList").length;
      observer.disconnect();
      resolve(n);
    });
  });
}

describe("ArenaStatePanel.draw, frame after frame", () => {
  test("shows at every step, forwards and back and across racers, what a new panel shows there", () => {
    const panel = new ArenaStatePanel();
    const sequence: Array<[typeof adam | undefined, number]> = [[adam, 0], [adam, 0.4], [adam, 1], [adam, 1.7], [adam, 2], [adam, 30], [adam, 60], [adam, 0], [sgd, 0], [sgd, 5], [adam, 5], [undefined, 5], [sgd, 3], [adam, 61]];
    for (const [run, at] of sequence) {
      panel.draw(run, objective, at);
      expect(shown(panel), `${run?.name ?? "none"} at ${at}`).toEqual(fresh(run, at));
    }
    // Adam at step 0: position, gradient and the note that the buffers are fresh; at step 1 its buffers fill the table.
    expect(fresh(adam, 0).length).toBe(1 + 3);
    expect(fresh(adam, 1).length).toBeGreaterThan(1 + 4);
  });

  test("stepping from step 1 to 60 changes no child list", async () => {
    const panel = new ArenaStatePanel();
    document.body.append(panel.element);
    panel.draw(adam, objective, 1);
    const n = await childLists(panel.element, () => {
      for (let k = 0; k <= 100; ++k) panel.draw(adam, objective, 1 + 0.59 * k);
    });
    expect(n).toBe(0);
    expect(shown(panel)).toEqual(fresh(adam, 60));
    panel.element.remove();
  });
});

describe("playbackBar().set, frame after frame", () => {
  const noop = { onPlay() {}, onSeek() {}, onSpeed() {} };
  test("the readout says the step shown, and is silent (aria-live=off) only while playing", () => {
    const bar = playbackBar(noop);
    const readout = bar.element.querySelector("output")!;
    bar.set(0, 500, false);
    expect(readout.textContent).toBe("step 0 / 500");
    expect(readout.getAttribute("aria-live")).toBeNull(); // an <output>: a polite live region by default
    bar.set(12.7, 500, true);
    expect(readout.textContent).toBe("step 12 / 500");
    expect(readout.getAttribute("aria-live")).toBe("off");
    expect(bar.element.querySelector("button.arena-play")!.getAttribute("aria-label")).toBe("pause");
    bar.set(500, 500, false);
    expect(readout.textContent).toBe("step 500 / 500");
    expect(readout.getAttribute("aria-live")).toBeNull();
    expect(bar.element.querySelector("button.arena-play")!.getAttribute("aria-label")).toBe("play");
    expect((bar.element.querySelector("input[type=range]") as HTMLInputElement).value).toBe("500");
  });

  test("playing from step 0 to 500 changes no child list once playing", async () => {
    const bar = playbackBar(noop);
    document.body.append(bar.element);
    bar.set(0, 500, true);
    const n = await childLists(bar.element, () => {
      for (let at = 0; at <= 500; at += 1.7) bar.set(at, 500, true);
    });
    expect(n).toBe(0);
    expect(bar.element.querySelector("output")!.textContent).toBe("step 499 / 500");
    bar.element.remove();
  });
});
