/**
 * CostChart(runs, options): f − f* against the work spent — the cumulative
 * number of function and gradient evaluations — rather than the step, so that a
 * method that takes few but expensive steps (line search) and one that takes
 * many cheap ones (a fixed learning rate) are compared fairly. Log scale.
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { tickNum, numFormat } from "../format.js";
import { decadeTicks, minorLogGrid } from "../log-ticks.js";

export interface CostRun {
  label: string;
  /** Cumulative evaluations after each step (entry 0 for the start point). */
  evaluations: ArrayLike<number>;
  /** f after each step (entry 0 for the start point). */
  loss: ArrayLike<number>;
}

export interface CostChartOptions {
  width?: number;
  height?: number;
  minValue?: number;
  /** The x label (default "function + gradient evaluations"). */
  label?: string;
  /** A sentence of the result in words, for the text alternative. */
  summary?: string;
}

export function CostChart(runs: readonly CostRun[], options: CostChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 260, minValue = 0, label = "function + gradient evaluations", summary } = options;
  const rows = runs.flatMap((run) => Array.from(run.loss, (f, k) => ({ label: run.label, evaluations: run.evaluations[k], gap: f - minValue, step: k }))).filter((r) => r.gap > 0 && Number.isFinite(r.gap));
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { label, grid: true },
    y: { type: "log", label: "f(x) − f*", grid: true, tickFormat: tickNum, ticks: decadeTicks(rows.map((r) => r.gap)) },
    color: { legend: true, domain: runs.map((r) => r.label) },
    marks: [
      ...minorLogGrid("y", rows.map((r) => r.gap)),
      Plot.line(rows, { x: "evaluations", y: "gap", stroke: "label", strokeWidth: 1.8 }),
      Plot.dot(rows, { x: "evaluations", y: "gap", fill: "label", r: 2 }),
      Plot.tip(rows, Plot.pointer({ x: "evaluations", y: "gap", stroke: "label", channels: { step: "step" }, format: { x: true, y: numFormat(3) } })),
    ],
  }), { label: `f(x) − f* against ${label} for ${runs.map((r) => r.label).join(", ")}`, summary, rows: rows, columns: ["label", "evaluations", "step", "gap"] });
}
