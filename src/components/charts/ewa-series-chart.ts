/**
 * EwaSeriesChart(data, lines, options): a noisy series as faint dots and its
 * running averages as lines over it — the picture of smoothing.
 *
 * ```js
 * EwaSeriesChart({x: dates, y: temps}, [{label: "β = 0.9", values: ewa(temps, 0.9)}], {width})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { numFormat } from "../format.js";

export interface EwaLine {
  label: string;
  values: ArrayLike<number>;
}

export interface EwaSeriesChartOptions {
  width?: number;
  height?: number;
  yLabel?: string;
  xLabel?: string;
  /** Colors for the lines, in order. */
  colors?: readonly string[];
  /** Show only the first `limit` samples. */
  limit?: number;
  /** Label of the raw series in the legend. */
  rawLabel?: string;
}

export function EwaSeriesChart(
  data: { x: ArrayLike<Date | number>; y: ArrayLike<number> },
  lines: readonly EwaLine[],
  options: EwaSeriesChartOptions = {}
): SVGSVGElement | HTMLElement {
  const { width = 640, height = 300, yLabel = "value", xLabel = "", colors, rawLabel = "data" } = options;
  const n = Math.min(options.limit ?? data.y.length, data.y.length);
  const raw = Array.from({ length: n }, (_, i) => ({ x: data.x[i], y: data.y[i] }));
  const rows = lines.flatMap((l) => Array.from({ length: n }, (_, i) => ({ label: l.label, x: data.x[i], y: l.values[i] })));
  const domain = [rawLabel, ...lines.map((l) => l.label)];
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 44,
    x: { label: xLabel || null },
    y: { label: yLabel, grid: true },
    color: { legend: true, domain, ...(colors ? { range: ["var(--theme-foreground-faint)", ...colors] } : {}) },
    marks: [
      Plot.dot(raw, { x: "x", y: "y", r: 1.6, fill: () => rawLabel, fillOpacity: 0.55 }),
      Plot.line(rows, { x: "x", y: "y", stroke: "label", strokeWidth: 2 }),
      Plot.tip(rows, Plot.pointerX({ x: "x", y: "y", stroke: "label", format: { x: true, y: numFormat(3) } })),
    ],
  }), { label: `${yLabel} against ${xLabel || "time"}: the data and ${lines.map((l) => l.label).join(", ")}`, rows: rows, columns: ["label", "x", "y"] });
}
