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

describe("ArenaMap and ArenaLossChart paths, drawn to step after step", () => {
  // jsdom has no Path2D (the map's contour bands): a stand-in that only holds its data.
  (globalThis as { Path2D?: unknown }).Path2D ??= class { constructor(readonly d?: string) {} addPath() {} };
  const segments = (d: string | null) => (d ?? "").split(/(?=[ML])/).filter(Boolean);

  test("each path at step s is the first s + 1 points of the whole path, forwards, backwards and after new runs", async () => {
    const { ArenaMap } = await import("../../src/components/arena/map.js");
    const { ArenaLossChart } = await import("../../src/components/arena/loss.js");
    const map = new ArenaMap({ onStart() {} });
    const loss = new ArenaLossChart({ onHover() {} });
    map.setSurface(objective);
    map.resize(600);
    loss.resize(400, 260);
    const runs = [adam, sgd].map((r) => ({ name: r.name, title: r.title, color: "red", x: r.trajectory.x, steps: r.trajectory.steps, divergedAt: r.trajectory.divergedAt, loss: r.trajectory.loss }));
    const check = () => {
      map.draw(60, null);
      loss.draw(60);
      const wholeMap = [...map.element.querySelectorAll(".arena-path")].map((p) => segments(p.getAttribute("d")));
      const wholeLoss = [...loss.element.querySelectorAll(".arena-loss-solid path")].map((p) => segments(p.getAttribute("d")));
      expect(wholeMap.map((s) => s.length)).toEqual([61, 61]);
      expect(wholeLoss.map((s) => s.length)).toEqual([61, 61]);
      // the faint curve is the whole curve too
      expect([...loss.element.querySelectorAll(".arena-loss-faint path")].map((p) => segments(p.getAttribute("d")))).toEqual(wholeLoss);
      for (const at of [0, 0.5, 1, 7.9, 30, 29, 3, 59.99, 60, 75]) {
        map.draw(at, null);
        loss.draw(at);
        const s = Math.min(60, Math.floor(at));
        [...map.element.querySelectorAll(".arena-path")].forEach((p, k) => expect(segments(p.getAttribute("d")), `map, racer ${k}, at ${at}`).toEqual(wholeMap[k].slice(0, s + 1)));
        [...loss.element.querySelectorAll(".arena-loss-solid path")].forEach((p, k) => expect(segments(p.getAttribute("d")), `loss, racer ${k}, at ${at}`).toEqual(wholeLoss[k].slice(0, s + 1)));
      }
      return wholeMap;
    };
    map.setRuns(runs, "adam");
    loss.setRuns(runs, 60, 0, config.target);
    const first = check();
    // new runs of the same racers (another start): every path is redrawn from them, not kept from the last frame
    const moved = [adam, sgd].map((r) => runRacer(objective, { name: r.name, hyper: defaultHyper("beale", r.name) }, [1, 1], 60, config.target));
    const runs2 = moved.map((r) => ({ name: r.name, title: r.title, color: "red", x: r.trajectory.x, steps: r.trajectory.steps, divergedAt: r.trajectory.divergedAt, loss: r.trajectory.loss }));
    map.setRuns(runs2, "adam");
    loss.setRuns(runs2, 60, 0, config.target);
    map.draw(60, null);
    expect(segments(map.element.querySelector(".arena-path")!.getAttribute("d"))[0]).not.toEqual(first[0][0]);
    check();
  });
});
