/**
 * ConvexRaceChart(series, options): f − f* against the step on log–log axes,
 * one line per method (a dashed line for a bound), for the sublinear rates
 * O(1/t) and O(1/t²) of convex, not strongly convex problems. Step 0 and
 * non-positive values are left out (a log axis cannot show them).
 *
 * ```js
 * ConvexRaceChart([{label: "GD", values: gaps}, {label: "bound", values: bound, dashed: true}], {width})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { num, tickNum } from "../format.js";
import { decadeTicks } from "../log-ticks.js";

export interface RaceSeries {
  label: string;
  /** values[t] = f(x_t) − f*, t = 0 … steps. */
  values: ArrayLike<number>;
  dashed?: boolean;
}

export interface ConvexRaceOptions {
  width?: number;
  height?: number;
  colors?: string[];
}

export function ConvexRaceChart(series: readonly RaceSeries[], options: ConvexRaceOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 300, colors = ["#9498a0", "#2563eb", "#16a34a", "var(--theme-foreground-muted)"] } = options;
  const rows = series.flatMap((s) =>
    Array.from(s.values, (v, t) => ({ label: s.label, t, v, dashed: !!s.dashed })).filter((r) => r.t >= 1 && r.v > 0 && Number.isFinite(r.v)),
  );
  const last = series.map((s) => `${s.label}: ${num(s.values[s.values.length - 1])}`).join("; ");
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: { type: "log", label: "step t", grid: true, tickFormat: tickNum, ticks: decadeTicks(rows.map((r) => r.t)) },
    y: { type: "log", label: "f − f*", grid: true, tickFormat: tickNum, ticks: decadeTicks(rows.map((r) => r.v)) },
    color: { legend: true, domain: series.map((s) => s.label), range: colors.slice(0, series.length) },
    marks: [
      Plot.line(rows.filter((r) => !r.dashed), { x: "t", y: "v", stroke: "label", strokeWidth: 2 }),
      Plot.line(rows.filter((r) => r.dashed), { x: "t", y: "v", stroke: "label", strokeWidth: 1.5, strokeDasharray: "6,4" }),
      Plot.tip(rows, Plot.pointerX({ x: "t", y: "v", stroke: "label" })),
    ],
  });
  chart.setAttribute("aria-label", `f − f* against the step on log–log axes. At the last step, ${last}.`);
  return chart;
}
