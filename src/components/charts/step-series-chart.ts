/**
 * StepSeriesChart(series, options): one or more sequences against the step
 * number — a coordinate along an eigen-direction, a distance to the minimum, a
 * momentum buffer. A series may be dashed (a prediction beside a measurement).
 *
 * ```js
 * StepSeriesChart([{label: "measured", values: dist}, {label: "predicted ρᵗ", values: pred, dashed: true}], {width, log: true})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { logAxis } from "../log-ticks.js";
import { numFormat } from "../format.js";

export interface StepSeries {
  label: string;
  values: ArrayLike<number>;
  /** Draw dashed, without dots (for predictions and references). */
  dashed?: boolean;
  /** The index of values[0] (default 0). */
  start?: number;
}

export interface StepSeriesChartOptions {
  width?: number;
  height?: number;
  yLabel?: string;
  xLabel?: string;
  log?: boolean;
  /** Draw a dot at every value of the solid series (default true). */
  dots?: boolean;
  colors?: readonly string[];
  /** Fix the y domain. */
  yDomain?: [number, number];
  /** Horizontal reference lines. */
  rules?: number[];
}

export function StepSeriesChart(series: readonly StepSeries[], options: StepSeriesChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 240, yLabel = "", xLabel = "step t", log = false, dots = true, colors, yDomain, rules = [] } = options;
  const rows = series.flatMap((s) =>
    Array.from(s.values, (v, i) => ({ label: s.label, step: (s.start ?? 0) + i, value: v, dashed: !!s.dashed }))
  ).filter((r) => Number.isFinite(r.value) && (!log || r.value > 0));
  const solid = rows.filter((r) => !r.dashed);
  const dashed = rows.filter((r) => r.dashed);
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { label: xLabel, grid: true },
    y: { label: yLabel, grid: true, ...(log ? logAxis(yDomain ?? rows.map((r) => r.value)) : { type: "linear" as const }), ...(yDomain ? { domain: yDomain, clamp: true } : {}) },
    color: { legend: series.length > 1, domain: series.map((s) => s.label), ...(colors ? { range: colors as string[] } : {}) },
    marks: [
      Plot.ruleY(rules, { stroke: "var(--theme-foreground-faint)" }),
      Plot.line(solid, { x: "step", y: "value", stroke: "label", strokeWidth: 1.8 }),
      Plot.line(dashed, { x: "step", y: "value", stroke: "label", strokeWidth: 1.8, strokeDasharray: "5,4" }),
      dots ? Plot.dot(solid, { x: "step", y: "value", fill: "label", r: 1.8 }) : null,
      Plot.tip(rows, Plot.pointerX({ x: "step", y: "value", stroke: "label", format: { x: true, y: numFormat(4) } })),
    ],
  }), { label: `${yLabel || "value"} against ${xLabel} for ${series.map((s) => s.label).join(", ")}`, rows: rows, columns: ["label", "step", "value"] });
}
