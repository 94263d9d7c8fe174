/**
 * SeedBandChart(rows, options): one result measured over several seeds, per
 * series — the median as a line and the range (minimum to maximum over the
 * seeds) as a shaded band, so that a reader sees at once whether two series
 * differ by more than the seeds do.
 *
 * ```js
 * SeedBandChart([{series: "no noise", x: epoch, median, min, max}, …], {width, x: "epoch →", y: "↑ training loss"})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { numFormat } from "../format.js";
import { logAxis } from "../log-ticks.js";

export interface SeedBandRow {
  series: string;
  x: number;
  median: number;
  min: number;
  max: number;
}

export interface SeedBandChartOptions {
  width?: number;
  height?: number;
  x?: string;
  y?: string;
  yType?: "linear" | "log";
  xType?: "linear" | "log";
  /** The order (and so the colours) of the series. */
  series?: readonly string[];
  colors?: readonly string[];
  /** How many seeds each point summarizes (said in the accessible name). */
  seeds?: number;
}

export function SeedBandChart(rows: readonly SeedBandRow[], options: SeedBandChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280, yType = "linear", xType = "linear", colors } = options;
  const ok = (v: number, type: string) => Number.isFinite(v) && (type !== "log" || v > 0);
  const shown = rows.filter((r) => ok(r.x, xType) && ok(r.median, yType) && ok(r.min, yType) && ok(r.max, yType));
  // Where a seed diverged (an infinite range), the median is still drawn while
  // it is finite, the band stops, and × marks the first such point per series.
  const line = rows.filter((r) => ok(r.x, xType) && ok(r.median, yType));
  const firstOff = new Map<string, SeedBandRow>();
  for (const r of line) if (!(Number.isFinite(r.min) && Number.isFinite(r.max)) && !firstOff.has(r.series)) firstOff.set(r.series, r);
  const off = [...firstOff.values()];
  const domain = options.series ? [...options.series] : [...new Set(rows.map((r) => r.series))];
  const color = { legend: domain.length > 1, domain, ...(colors ? { range: colors as string[] } : {}) };
  return accessibleFigure(
    Plot.plot({
      width,
      height,
      marginLeft: 56,
      marginRight: 16,
      x: { type: xType, label: options.x ?? "x", grid: true, ...(xType === "log" ? logAxis(shown.map((r) => r.x)) : {}) },
      y: { type: yType, label: options.y ?? "", grid: true, ...(yType === "log" ? logAxis(shown.flatMap((r) => [r.min, r.max])) : {}) },
      color,
      marks: [
        Plot.areaY(shown, { x: "x", y1: "min", y2: "max", z: "series", fill: "series", fillOpacity: 0.18 }),
        Plot.line(line, { x: "x", y: "median", z: "series", stroke: "series", strokeWidth: 1.8 }),
        Plot.dot(off, { x: "x", y: "median", stroke: "series", symbol: "times", r: 5, strokeWidth: 2, title: (r: SeedBandRow) => `${r.series}: a seed diverged here (its loss is off the chart)` }),
        Plot.tip(shown, Plot.pointer({ x: "x", y: "median", stroke: "series", channels: { series: "series", min: "min", max: "max" }, format: { x: numFormat(4), y: numFormat(4), min: numFormat(4), max: numFormat(4) } })),
      ],
    }),
    {
      label: `${options.y || "value"} against ${options.x ?? "x"}: median (line) and range (band)${options.seeds ? ` over ${options.seeds} seeds` : ""} for ${domain.join(", ")}${off.length ? `; × marks where a seed of ${off.map((r) => r.series).join(", ")} diverged (the band stops there)` : ""}`,
      rows: line,
      columns: ["series", "x", "median", "min", "max"],
    }
  );
}
