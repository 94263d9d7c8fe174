// @vitest-environment jsdom
/** SeedBandChart with a seed that diverged: the median stays drawn where finite, and × marks the point. */
import { describe, expect, test } from "vitest";
import { SeedBandChart, type SeedBandRow } from "../../src/components/charts/seed-band-chart.js";

const rows: SeedBandRow[] = [
  { series: "A", x: 0, median: 0.69, min: 0.69, max: 0.69 },
  { series: "A", x: 1, median: 0.5, min: 0.45, max: 0.6 },
  { series: "A", x: 2, median: 0.45, min: 0.4, max: Infinity },
  { series: "A", x: 3, median: 0.42, min: 0.38, max: Infinity },
  { series: "B", x: 0, median: 0.69, min: 0.69, max: 0.69 },
  { series: "B", x: 3, median: 0.6, min: 0.55, max: 0.65 },
];

const svgOf = (el: Element) => (el.matches("svg[role=img]") ? el : el.querySelector("svg[role=img]")!);
/** The number of points in each line path of the chart. */
const linePoints = (el: Element) => Array.from(svgOf(el).querySelectorAll('[data-plot-mark="line"] path, [aria-label="line"] path'), (p) => (p.getAttribute("d") ?? "").split(/[ML]/).filter((s) => s.trim()).length);

describe("SeedBandChart(rows) with a seed that diverged (an infinite range)", () => {
  test("the median line keeps every point where the median is finite; × marks where the range became infinite, and the name says so", () => {
    const el = SeedBandChart(rows, { series: ["A", "B"], seeds: 3, y: "loss", x: "epoch" }) as Element;
    expect(linePoints(el).sort()).toEqual([2, 4]);
    expect(svgOf(el).getAttribute("aria-label")).toMatch(/× marks where a seed of A diverged \(the band stops there\)/);
    expect(svgOf(el).querySelectorAll('[data-plot-mark="dot"] path, [aria-label="dot"] path').length).toBe(1);
  });
  test("without a diverged seed nothing is marked", () => {
    const el = SeedBandChart(rows.filter((r) => Number.isFinite(r.max)), { seeds: 3 }) as Element;
    expect(svgOf(el).getAttribute("aria-label")).not.toMatch(/×/);
    expect(svgOf(el).querySelectorAll('[data-plot-mark="dot"] path, [aria-label="dot"] path').length).toBe(0);
  });
});
