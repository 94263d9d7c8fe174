/**
 * LossChart(paths, options): the loss (or its distance to the minimum, or the
 * gradient norm) against the step for each run, on a log scale by default. A
 * diverged run ends where it diverged, and its legend entry says so. The
 * chart is named by what it plots and for which runs; its data disclosure
 * gives each run's last value and the rows.
 */
import * as Plot from "@observablehq/plot";
import { num, numFormat } from "../format.js";
import { accessibleFigure } from "./accessible-figure.js";
import { logAxis } from "../log-ticks.js";
import { lossRows, pathLabel, type Path } from "./paths.js";

export interface LossChartOptions {
  width?: number;
  height?: number;
  /** "loss" (f), "gap" (f − f*, needs `minValue`), or "gradNorm" (‖∇f‖). */
  y?: "loss" | "gap" | "gradNorm";
  /** The minimum value f*, for `y: "gap"`. */
  minValue?: number;
  log?: boolean;
  colors?: readonly string[];
  step?: number;
}

export function LossChart(paths: readonly Path[], options: LossChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width: requestedWidth = 640, height = 260, y = "loss", minValue = 0, log = true, colors, step } = options;
  // Framework's resize() can report a width near 0 mid-layout; clipped Plot marks then log errors.
  const width = Math.max(240, requestedWidth);
  const rows = lossRows(paths).map((r) => ({ ...r, value: y === "gradNorm" ? r.gradNorm : y === "gap" ? r.loss - minValue : r.loss }));
  const plotted = log ? rows.filter((r) => r.value > 0 && Number.isFinite(r.value)) : rows;
  const label = y === "gradNorm" ? "‖∇f(x)‖" : y === "gap" ? "f(x) − f*" : "f(x)";
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { label: "step", grid: true },
    y: { ...(log ? logAxis(plotted.map((r) => r.value)) : { type: "linear" as const }), label, grid: true },
    color: { legend: paths.length > 1, domain: paths.map(pathLabel), ...(colors ? { range: colors as string[] } : {}) },
    marks: [
      Plot.line(plotted, { x: "step", y: "value", stroke: "label", strokeWidth: 1.8 }),
      step === undefined ? null : Plot.ruleX([step], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "3,3" }),
      Plot.tip(plotted, Plot.pointerX({ x: "step", y: "value", stroke: "label", format: { x: true, y: numFormat(4) } })),
    ],
  });
  const what = y === "gradNorm" ? "Gradient norm ‖∇f(x)‖" : y === "gap" ? "Distance to the minimum f(x) − f*" : "Loss f(x)";
  const labels = paths.map(pathLabel);
  const last = paths.map((p, i) => {
    const t = p.trajectory;
    const v = y === "gradNorm" ? t.gradNorm[t.steps] : y === "gap" ? t.loss[t.steps] - minValue : t.loss[t.steps];
    return `${labels[i]}: ${num(v, 4)} at step ${t.steps}`;
  });
  return accessibleFigure(chart, {
    label: `${what} against the step${log ? " on a log scale" : ""}, for ${labels.join("; ")}`,
    summary: `Last values — ${last.join("; ")}.`,
    rows: plotted,
    columns: [
      { label: "run", value: "label" },
      { label: "step", value: "step" },
      { label, value: "value" },
    ],
  });
}
