/**
 * SeedRangeChart(rows, options): one row per optimizer, its test loss at the
 * validation-selected learning rate as a dot (median over seeds) on a bar (the
 * range over seeds), best first. Rows whose range overlaps the leader's are
 * marked "tied" — their differences are within the seed-to-seed noise.
 */
import * as Plot from "@observablehq/plot";
import { num } from "../format.js";
import { accessibleFigure } from "./accessible-figure.js";

export interface SeedRangeRow {
  name: string;
  label: string;
  color: string;
  median: number;
  min: number;
  max: number;
  /** Leader, or tied with the leader (range overlaps the leader's). */
  tied: boolean;
}

export function SeedRangeChart(rows: readonly SeedRangeRow[], options: { width?: number; metric?: string; seeds: number; task: string }): SVGSVGElement | HTMLElement {
  const { width = 640, metric = "test loss", seeds, task } = options;
  const sorted = [...rows].sort((a, b) => a.median - b.median);
  const data = sorted.map((r) => ({ ...r, row: r.tied ? `${r.label} ·` : r.label }));
  const lead = sorted[0];
  return accessibleFigure(Plot.plot({
    width,
    height: 26 * sorted.length + 50,
    marginLeft: width < 600 ? 150 : 170,
    x: { label: width < 600 ? `${metric}, median and range over ${seeds} seeds →` : `${metric} at the validation-selected η (median and range over ${seeds} seeds) →`, grid: true, nice: true, ticks: width < 600 ? 4 : undefined },
    y: { label: null, domain: data.map((d) => d.row) },
    marks: [
      lead ? Plot.rectX([lead], { x1: "min", x2: "max", fill: "currentColor", fillOpacity: 0.08 }) : null,
      Plot.ruleY(data, { y: "row", x1: "min", x2: "max", stroke: "color", strokeWidth: 3 }),
      Plot.dot(data, { y: "row", x: "median", fill: "color", stroke: "currentColor", r: 5 }),
      Plot.tip(data, Plot.pointerY({ y: "row", x: "median", title: (d: SeedRangeRow) => `${d.label}: median ${num(d.median)}, range ${num(d.min)}–${num(d.max)}${d.tied ? " (tied with the best)" : ""}` })),
    ],
  }), {
    label: `${task}: ${metric} of each optimizer at its validation-selected learning rate, median and range over ${seeds} seeds, best first`,
    summary: lead ? `Lowest median: ${lead.label} (${num(lead.median)}). Within its range (tied, marked ·): ${sorted.filter((r) => r.tied && r !== lead).map((r) => r.label).join(", ") || "none"}.` : "",
    rows: sorted.map((r) => ({ optimizer: r.label, median: num(r.median), min: num(r.min), max: num(r.max), tied: r.tied ? "yes" : "no" })),
  });
}
