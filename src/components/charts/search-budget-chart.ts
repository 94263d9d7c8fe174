/**
 * SearchBudgetChart(budgets, options): how close each search gets to the best
 * loss (best found − best known, log scale) as the number of trials grows: the
 * plain grid (one number per budget), and the median with a 10–90% band over
 * many seeds of a randomly shifted grid and of random search.
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { logAxis } from "../log-ticks.js";
import { numFormat } from "../format.js";

export interface BudgetSummary {
  n: number;
  grid: number;
  random: { q10: number; median: number; q90: number };
  shifted: { q10: number; median: number; q90: number };
}

export interface SearchBudgetChartOptions {
  width?: number;
  height?: number;
  best: number;
  /** The number of seeds behind each band, for the legend. */
  seeds?: number;
}

export function SearchBudgetChart(budgets: readonly BudgetSummary[], options: SearchBudgetChartOptions): SVGSVGElement | HTMLElement {
  const { width = 640, height = 260, best, seeds } = options;
  const gap = (v: number) => Math.max(v - best, 1e-6);
  const RANDOM = "random search" + (seeds ? ` (median of ${seeds} seeds)` : "");
  const SHIFTED = "grid, random offset" + (seeds ? ` (median of ${seeds})` : "");
  const GRID = "grid with the ends included";
  const lines = budgets.flatMap((b) => [
    { series: GRID, n: b.n, gap: gap(b.grid) },
    { series: SHIFTED, n: b.n, gap: gap(b.shifted.median) },
    { series: RANDOM, n: b.n, gap: gap(b.random.median) },
  ]);
  const bands = budgets.flatMap((b) => [
    { series: SHIFTED, n: b.n, lo: gap(b.shifted.q10), hi: gap(b.shifted.q90) },
    { series: RANDOM, n: b.n, lo: gap(b.random.q10), hi: gap(b.random.q90) },
  ]);
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { label: "trials n", ticks: budgets.map((b) => b.n), grid: true },
    y: { ...logAxis([...lines.map((l) => l.gap), ...bands.flatMap((b) => [b.lo, b.hi])]), label: "best loss found − best known", grid: true },
    color: { legend: true, domain: [GRID, SHIFTED, RANDOM], range: ["#e15759", "#f28e2c", "#4e79a7"] },
    marks: [
      Plot.areaY(bands, { x: "n", y1: "lo", y2: "hi", fill: "series", fillOpacity: 0.15, z: "series" }),
      Plot.line(lines, { x: "n", y: "gap", stroke: "series", strokeWidth: 2, marker: "circle" }),
      Plot.tip(lines, Plot.pointer({ x: "n", y: "gap", stroke: "series", format: { x: true, y: numFormat(3) } })),
    ],
  }), { label: `Gap to the best score against the number of trials for each search`, rows: lines, columns: ["series", "n", "gap"] });
}
