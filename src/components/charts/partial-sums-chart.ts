/**
 * PartialSumsChart(series, options): the partial sums Σ_{t≤N} η(t) (or of η²)
 * against N on log–log axes. A series that levels off converges; one that keeps
 * climbing diverges — the two Robbins–Monro conditions, seen.
 */
import * as Plot from "@observablehq/plot";
import { decadeTicks } from "../log-ticks.js";
import { accessibleFigure } from "./accessible-figure.js";
import { tickNum, numFormat } from "../format.js";

export interface PartialSumSeries {
  label: string;
  points: readonly { N: number; sum: number; sumSq: number }[];
}

export interface PartialSumsChartOptions {
  width?: number;
  height?: number;
  /** "sum" (Σ η) or "sumSq" (Σ η²). */
  which?: "sum" | "sumSq";
}

export function PartialSumsChart(series: readonly PartialSumSeries[], options: PartialSumsChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 260, which = "sum" } = options;
  const rows = series.flatMap(({ label, points }) => points.map((p) => ({ label, N: p.N, value: p[which] })).filter((r) => r.value > 0 && Number.isFinite(r.value)));
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { type: "log", label: "steps N", grid: true, tickFormat: tickNum, ticks: decadeTicks(rows.map((r) => r.N)) },
    y: { type: "log", label: which === "sum" ? "Σ η(t), t ≤ N" : "Σ η(t)², t ≤ N", grid: true, tickFormat: tickNum, ticks: decadeTicks(rows.map((r) => r.value)) },
    color: { legend: true, domain: series.map((s) => s.label) },
    marks: [
      Plot.line(rows, { x: "N", y: "value", stroke: "label", strokeWidth: 1.8 }),
      Plot.dot(rows, { x: "N", y: "value", stroke: "label", r: 2 }),
      Plot.tip(rows, Plot.pointer({ x: "N", y: "value", stroke: "label", format: { x: true, y: numFormat(4) } })),
    ],
  }), { label: `Partial sums against N for ${series.map((s) => s.label).join(", ")}`, rows: rows, columns: ["label", "N", "value"] });
}
