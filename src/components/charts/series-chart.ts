/**
 * SeriesChart(rows, options): labelled lines y against x — a coordinate against
 * the step, an effective learning rate on log–log axes, a loss against the
 * learning rate, a loss against simulated time. One line (and optionally dots)
 * per `series`, on linear or log axes, a legend when there is more than one, a
 * tooltip, optional reference rules and extra marks. Non-finite values are
 * dropped (a diverged run ends where it diverged; say so in its series label).
 *
 * ```js
 * SeriesChart(positionRows(paths), {width, x: "step", y: "x₁"})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { numFormat, tickNum } from "../format.js";
import { decadeTicks, minorLogGrid } from "../log-ticks.js";

export interface SeriesRow {
  series: string;
  x: number;
  y: number;
}

export interface SeriesChartOptions {
  width?: number;
  height?: number;
  /** Axis labels. */
  x?: string;
  y?: string;
  xType?: "linear" | "log";
  yType?: "linear" | "log" | "symlog";
  yDomain?: [number, number];
  xDomain?: [number, number];
  /** Dots at every point (for sparse series such as a learning-rate sweep). */
  dots?: boolean;
  /** Horizontal reference lines, e.g. the optimum, with labels. */
  rulesY?: ReadonlyArray<{ y: number; label?: string; /** Put the label under the line (for a rule at the top of the plot, where above it is the y-axis label). */ below?: boolean }>;
  /** The order (and so the colors) of the series; defaults to their first appearance. */
  series?: readonly string[];
  colors?: readonly string[];
  /** Dashed series (reference curves), by name. */
  dashed?: readonly string[];
  /** Curve interpolation: "step-after" for piecewise-constant series. */
  curve?: "linear" | "step-after";
  /** Runs that diverged, drawn as ✕ along the top edge at their x (e.g. a learning rate), labelled "diverged". */
  diverged?: ReadonlyArray<{ series: string; x: number }>;
  /** Extra marks drawn under the lines (rules, annotations). */
  marks?: Plot.Markish[];
}

export function SeriesChart(rows: readonly SeriesRow[], options: SeriesChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 260, xType = "linear", yType = "linear", dots = false, rulesY = [], colors, dashed = [], curve = "linear", diverged = [], marks = [] } = options;
  const positive = (v: number, type: string) => type !== "log" || v > 0;
  const shown = rows.filter((r) => Number.isFinite(r.x) && Number.isFinite(r.y) && positive(r.x, xType) && positive(r.y, yType));
  const domain = options.series ? [...options.series] : [...new Set([...rows, ...(options.diverged ?? [])].map((r) => r.series))];
  const solid = shown.filter((r) => !dashed.includes(r.series));
  const broken = shown.filter((r) => dashed.includes(r.series));
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    marginRight: 16,
    x: { type: xType, label: options.x ?? "step", grid: true, ...(options.xDomain ? { domain: options.xDomain } : {}), ...(xType === "log" ? { tickFormat: tickNum, ticks: decadeTicks([...shown.map((r) => r.x), ...(options.xDomain ?? [])]) } : {}) },
    y: { type: yType, label: options.y ?? "", grid: true, ...(options.yDomain ? { domain: options.yDomain } : {}), ...(yType === "log" ? { tickFormat: tickNum, ticks: decadeTicks([...shown.map((r) => r.y), ...(options.yDomain ?? [])]) } : {}) },
    color: { legend: domain.length > 1, domain, ...(colors ? { range: colors as string[] } : {}) },
    marks: [
      ...(xType === "log" ? minorLogGrid("x", [...shown.map((r) => r.x), ...(options.xDomain ?? [])]) : []),
      ...(yType === "log" ? minorLogGrid("y", [...shown.map((r) => r.y), ...(options.yDomain ?? [])]) : []),
      ...marks,
      ...rulesY.map((r) => Plot.ruleY([r.y], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3" })),
      Plot.line(solid, { x: "x", y: "y", z: "series", stroke: "series", strokeWidth: 1.8, curve }),
      Plot.line(broken, { x: "x", y: "y", z: "series", stroke: "series", strokeWidth: 1.4, strokeDasharray: "5,4", curve }),
      dots ? Plot.dot(shown, { x: "x", y: "y", fill: "series", r: 2.5 }) : null,
      diverged.length ? Plot.dot(diverged, { x: "x", frameAnchor: "top", dy: 4, symbol: "times", stroke: "series", r: 4, strokeWidth: 2 }) : null,
      diverged.length ? Plot.text(diverged.slice(0, 1), { x: "x", frameAnchor: "top", dy: 16, text: () => "✕ diverged", textAnchor: "end", fill: "var(--theme-foreground-muted)" }) : null,
      // Rule labels above the lines, on a halo of the background, so no line strikes them through.
      ...rulesY.filter((r) => r.label).map((r) => Plot.text([r], { y: "y", text: "label", frameAnchor: "left", dx: 4, dy: r.below ? 9 : -7, fill: "var(--theme-foreground-muted)", stroke: "var(--theme-background)", strokeWidth: 4, paintOrder: "stroke" })),
      Plot.tip(shown, Plot.pointer({ x: "x", y: "y", stroke: "series", channels: { series: "series" }, format: { x: numFormat(4), y: numFormat(4) } })),
    ],
  }), { label: `${options.y || "value"} against ${options.x ?? "step"} for ${domain.join(", ")}`, rows: shown, columns: ["series", "x", "y"] });
}
