/**
 * ScheduleChart(series, options): learning rate η(t) against the step t for
 * each schedule, as lines (a step decay shows its stairs).
 *
 * ```js
 * ScheduleChart([{label: "exponential", values: schedulePoints(exponentialDecay(0.1, 0.01), 300)}], {width})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { decadeTicks } from "../log-ticks.js";
import { accessibleFigure } from "./accessible-figure.js";
import { tickNum, numFormat } from "../format.js";

export interface ScheduleSeries {
  label: string;
  /** η(1), η(2), …: values[k] is the rate at step k + 1. */
  values: ArrayLike<number>;
}

export interface ScheduleChartOptions {
  width?: number;
  height?: number;
  /** A log y axis (zeros are dropped), to see decays over orders of magnitude. */
  log?: boolean;
  yLabel?: string;
}

export function ScheduleChart(series: readonly ScheduleSeries[], options: ScheduleChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280, log = false, yLabel = "learning rate η(t)" } = options;
  const rows = series.flatMap(({ label, values }) =>
    Array.from(values, (eta, k) => ({ label, t: k + 1, eta })).filter((r) => Number.isFinite(r.eta) && (!log || r.eta > 0))
  );
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { label: "step t", grid: true },
    y: log ? { type: "log", label: yLabel, grid: true, tickFormat: tickNum, ticks: decadeTicks(rows.map((r) => r.eta)) } : { label: yLabel, grid: true, zero: true },
    color: { legend: true, domain: series.map((s) => s.label) },
    marks: [
      Plot.line(rows, { x: "t", y: "eta", stroke: "label", strokeWidth: 1.8, curve: "step-after" }),
      Plot.tip(rows, Plot.pointerX({ x: "t", y: "eta", stroke: "label", format: { x: true, y: numFormat(4) } })),
    ],
  }), { label: `${yLabel} against step t for ${series.map((s) => s.label).join(", ")}`, rows: rows, columns: ["label", "t", "eta"] });
}
