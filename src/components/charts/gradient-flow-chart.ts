/**
 * GradientFlowChart(flow, runs, options): one coordinate of the gradient flow
 * x(t) (a smooth curve, from lib/analysis/gradient-flow's `gradientFlow`) and of
 * gradient-descent runs drawn at their times t = kη, so that each iterate sits
 * beside the flow point it approximates. The vertical range is the flow's,
 * widened a little: a run that overshoots leaves the frame at the top or bottom
 * (its legend should say so).
 */
import * as Plot from "@observablehq/plot";
import type { Flow } from "../../lib/analysis/gradient-flow.js";
import { pathLabel, type Path } from "./paths.js";
import { accessibleFigure } from "./accessible-figure.js";
import { numFormat } from "../format.js";

export interface FlowRun extends Path {
  /** The learning rate of the run: iterate k is drawn at time kη. */
  eta: number;
}

export interface GradientFlowChartOptions {
  width?: number;
  height?: number;
  /** Which coordinate to draw (default 0). */
  coordinate?: number;
  /** The axis label, default "x(t)". */
  label?: string;
  colors?: readonly string[];
}

export function GradientFlowChart(flow: Flow, runs: readonly FlowRun[], options: GradientFlowChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280, coordinate = 0, label = "x(t)", colors } = options;
  const tEnd = flow.t[flow.t.length - 1];
  const flowRows = Array.from(flow.t, (t, k) => ({ t, x: flow.x[k * flow.dim + coordinate] }));
  let lo = Infinity, hi = -Infinity;
  for (const r of flowRows) {
    lo = Math.min(lo, r.x);
    hi = Math.max(hi, r.x);
  }
  const span = hi - lo || 1;
  const domain: [number, number] = [lo - 0.25 * span, hi + 0.25 * span];
  const rows: Array<{ label: string; step: number; t: number; x: number }> = [];
  for (const run of runs) {
    const tr = run.trajectory;
    const l = pathLabel(run);
    for (let k = 0; k <= tr.steps && k * run.eta <= tEnd + 1e-12; ++k) rows.push({ label: l, step: k, t: k * run.eta, x: tr.x[k * tr.dim + coordinate] });
  }
  const labels = runs.map(pathLabel);
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 52,
    x: { domain: [0, tEnd], label: "time t (iterate k drawn at t = kη)", grid: true },
    y: { domain, label, grid: true },
    color: { legend: true, domain: ["gradient flow (exact)", ...labels], range: ["var(--theme-foreground)", ...((colors as string[]) ?? ["#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#59a14f"])] },
    marks: [
      Plot.ruleY([0], { stroke: "var(--theme-foreground-faint)" }),
      Plot.line(flowRows, { x: "t", y: "x", stroke: () => "gradient flow (exact)", strokeWidth: 2.5 }),
      Plot.line(rows, { x: "t", y: "x", z: "label", stroke: "label", strokeWidth: 1, strokeOpacity: 0.6, clip: true }),
      Plot.dot(rows, { x: "t", y: "x", fill: "label", r: 2.6, clip: true }),
      Plot.tip(rows, Plot.pointer({ x: "t", y: "x", channels: { step: "step" }, format: { x: numFormat(3), y: numFormat(4) }, stroke: "label" })),
    ],
  }), { label: `${label} against time t: the exact gradient flow and the iterates of ${labels.join(", ")}`, rows: rows, columns: ["label", "step", "t", "x"] });
}
