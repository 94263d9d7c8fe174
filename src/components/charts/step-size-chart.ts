/**
 * StepSizeChart(rows, {width, height, labels, colors}): the step size ηₖ a run took at
 * each step k, one line per run, on a log scale — for a learning-rate rule
 * read off a trajectory (ηₖ = −Δx/g in a coordinate whose gradient is not 0).
 *
 * ```js
 * StepSizeChart([{label: "my rule", step: 1, alpha: 0.5}, {label: "my rule", step: 2, alpha: 0.25}], {width})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { num, numFormat } from "../format.js";
import { logAxis } from "../log-ticks.js";
import { accessibleFigure } from "./accessible-figure.js";

export interface StepSizeRow {
  label: string;
  /** The step k, from 1. */
  step: number;
  /** The step size ηₖ (positive). */
  alpha: number;
}

export interface StepSizeChartOptions {
  width?: number;
  height?: number;
  /** The runs, in legend order (default: in the order they first appear in rows); a run may have no rows. */
  labels?: readonly string[];
  /** Colors, in the order of labels. */
  colors?: readonly string[];
}

/** Each run's first and last step size, in words. */
export function stepSizeSummary(rows: readonly StepSizeRow[]): string {
  const labels = [...new Set(rows.map((r) => r.label))];
  if (labels.length === 0) return "No run has a positive step size to show.";
  return labels
    .map((label) => {
      const own = rows.filter((r) => r.label === label);
      const first = own[0], last = own[own.length - 1];
      return `${label}: η at step ${first.step} is ${num(first.alpha)}, at step ${last.step} ${num(last.alpha)}`;
    })
    .join("; ") + ".";
}

export function StepSizeChart(rows: readonly StepSizeRow[], options: StepSizeChartOptions = {}): SVGSVGElement | HTMLElement {
  const width = options.width ?? 640;
  const height = options.height ?? Math.min(300, Math.round(width * 0.75));
  const labels = options.labels ?? [...new Set(rows.map((r) => r.label))];
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: { label: "step k", grid: true },
    y: { label: "step size ηₖ", grid: true, ...logAxis(rows.map((r) => r.alpha)) },
    color: { legend: true, domain: labels, ...(options.colors ? { range: options.colors as string[] } : {}) },
    marks: [
      Plot.line(rows, { x: "step", y: "alpha", stroke: "label", marker: "dot" }),
      Plot.tip(rows, Plot.pointerX({ x: "step", y: "alpha", stroke: "label", format: { x: true, y: numFormat(4) } })),
    ],
  });
  return accessibleFigure(chart, {
    label: `Step size ηₖ against step k${labels.length ? ` for ${labels.join(" and ")}` : ""}, log scale`,
    summary: stepSizeSummary(rows),
    rows,
    columns: [{ label: "run", value: "label" }, { label: "step k", value: "step" }, { label: "step size ηₖ", value: "alpha" }],
  });
}
