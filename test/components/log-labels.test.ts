// @vitest-environment jsdom
/**
 * Rendered log axes and log colour legends carry readable labels: a narrow
 * range is never left bare, and a legend never labels every minor tick.
 * (Plot thins labels of a log *axis* through d3's log tickFormat, but its ramp
 * *legend* labels every tick when tickFormat is a function.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as Plot from "@observablehq/plot";
import { decadeTicks, logAxis } from "../../src/components/log-ticks.js";
import { BatchRateHeatmap } from "../../src/components/charts/batch-rate-heatmap.js";
import { SearchLandscape } from "../../src/components/charts/search-landscape.js";

beforeAll(() => {
  // jsdom has no canvas; Plot paints the legend ramp and raster through one. A
  // stand-in context lets the SVG (ticks and labels, what is tested) be built.
  HTMLCanvasElement.prototype.getContext = (() => ({
    fillRect() {},
    putImageData() {},
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(4 * w * h) }),
  })) as never;
  HTMLCanvasElement.prototype.toDataURL = () => "data:,";
});

/** The non-empty tick labels of the chart's y axis. */
function yLabels(domain: [number, number]): string[] {
  const svg = Plot.plot({ y: { ...logAxis(domain), domain }, marks: [Plot.dot(domain, { y: (d: number) => d })] }) as unknown as Element;
  const axis = svg.querySelector('g[aria-label="y-axis tick label"]');
  return Array.from(axis?.querySelectorAll("text") ?? [], (t) => t.textContent ?? "").filter((s) => s.trim() !== "");
}

/** The non-empty tick labels of the first ramp legend inside `root`. */
function legendLabels(root: Element): string[] {
  const legend = Array.from(root.querySelectorAll("svg")).find((s) => s.getAttribute("class")?.includes("ramp"));
  expect(legend, "a ramp legend is drawn").toBeDefined();
  return Array.from(legend!.querySelectorAll(".tick text"), (t) => t.textContent ?? "").filter((s) => s.trim() !== "");
}

describe("decadeTicks on narrow ranges", () => {
  it.each([[0.31, 0.45], [0.6, 0.9], [1.1, 1.9], [0.05, 0.09], [0.02, 0.7], [2.5, 3.5]] as [number, number][])(
    "gives at least two ticks inside [%s, %s]",
    (lo, hi) => {
      const ticks = decadeTicks([lo, hi]);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      for (const t of ticks) expect(t >= lo * 0.999 && t <= hi * 1.001).toBe(true);
    },
  );
  it("still gives powers of ten only on a wide range", () => {
    expect(decadeTicks([1e-8, 1])).toEqual([1e-8, 1e-6, 1e-4, 1e-2, 1]);
  });
});

describe("a log axis labelled by logAxis", () => {
  // Plot formats a log axis through d3's log tickFormat, which blanks the label
  // of m × 10ᵉ when m exceeds ≈ 100 / (d3's default tick count). Within a
  // fraction of a decade that can leave one label ([0.6, 0.9] shows "0.6" only,
  // as Plot's own default ticks do); those ranges are not listed here.
  it.each([[0.31, 0.45], [1.1, 1.9], [0.05, 0.09], [0.02, 0.7], [0.15, 60], [1e-3, 0.5], [1e-9, 10]] as [number, number][])(
    "labels every tick, 2 to 10 of them, on [%s, %s]",
    (lo, hi) => {
      const labels = yLabels([lo, hi]);
      expect(labels.length).toBe(decadeTicks([lo, hi]).length);
      expect(labels.length).toBeGreaterThanOrEqual(2);
      expect(labels.length).toBeLessThanOrEqual(10);
    },
  );
});

describe("log colour legends", () => {
  it("SearchLandscape's legend over [10⁻⁴, 0.5] labels the decades only", () => {
    const logs = [-4, -3, -2, -1, 0];
    const chart = SearchLandscape(
      { etaLogs: logs, lambdaLogs: logs, scores: logs.flatMap((a) => logs.map((b) => 0.1 + 0.01 * (a * a + b * b))) },
      [{ label: "grid", trials: [{ values: [0.01, 0.001], score: 0.1 }] as never }],
      { best: 0.1 },
    );
    const labels = legendLabels(chart as Element);
    expect(labels).toEqual(["0.0001", "0.001", "0.01", "0.1"]);
  });
  it("BatchRateHeatmap's legend over [0.02, 0.7] has a handful of labels, not one per minor tick", () => {
    const cells = [1, 10].flatMap((batchSize, i) => [0.01, 0.1].map((lr, j) => ({ batchSize, lr, loss: [0.02, 0.1, 0.3, 0.7][2 * i + j], diverged: false })));
    const labels = legendLabels(BatchRateHeatmap(cells) as Element);
    expect(labels.length).toBeGreaterThanOrEqual(2);
    expect(labels.length).toBeLessThanOrEqual(6);
  });
});
