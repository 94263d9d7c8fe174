/**
 * LinesChart(rows, options): several labelled series as lines (optionally with
 * dots), on linear or log axes, with a legend and a pointer tip — the plain
 * multi-series chart of chapters 13 and 14. Rows are `{series, x, y}`;
 * non-finite y values are dropped (a diverged run ends where it diverged;
 * say so in its series label).
 */
import * as Plot from "@observablehq/plot";

export interface LineRow { series: string; x: number; y: number }

export interface LinesChartOptions {
  width?: number;
  height?: number;
  xLabel?: string;
  yLabel?: string;
  logX?: boolean;
  logY?: boolean;
  dots?: boolean;
  /** Explicit legend order and colors. */
  colors?: { domain: string[]; range?: string[] };
  yDomain?: [number, number];
  /** Extra marks drawn under the lines (rules, annotations). */
  marks?: Plot.Markish[];
}

export function LinesChart(rows: readonly LineRow[], options: LinesChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280, xLabel = "", yLabel = "", logX = false, logY = false, dots = false, colors, yDomain, marks = [] } = options;
  const shown = rows.filter((r) => Number.isFinite(r.y) && Number.isFinite(r.x) && (!logY || r.y > 0) && (!logX || r.x > 0));
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { type: logX ? "log" : "linear", label: xLabel, grid: true, ...(logX ? { tickFormat: "~g" } : {}) },
    y: { type: logY ? "log" : "linear", label: yLabel, grid: true, ...(logY ? { tickFormat: "~g" } : {}), ...(yDomain ? { domain: yDomain } : {}) },
    color: { legend: true, ...(colors ?? {}) },
    marks: [
      ...marks,
      Plot.line(shown, { x: "x", y: "y", stroke: "series", z: "series", strokeWidth: 1.7, ...(dots ? { marker: "circle-stroke" } : {}) }),
      Plot.tip(shown, Plot.pointer({ x: "x", y: "y", title: (d: LineRow) => `${d.series}\n${xLabel.replace(/[→↑]/g, "").trim() || "x"} = ${Number(d.x.toPrecision(4))}\n${yLabel.replace(/[→↑]/g, "").trim() || "y"} = ${Number(d.y.toPrecision(4))}` })),
    ],
  });
}
