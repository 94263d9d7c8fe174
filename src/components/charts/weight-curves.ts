/**
 * WeightCurves(series, options): how much each past sample counts in an
 * average — weight against age (0 = the newest sample), one line per series.
 * Used for the EWA weights (1 − β)βᵏ and momentum's sample weights βᵏ.
 *
 * ```js
 * WeightCurves([{label: "β = 0.9", weights: ewaWeights(0.9, 40)}], {width, markers: [{label: "β = 0.9", age: 10}]})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { logAxis } from "../log-ticks.js";
import { numFormat } from "../format.js";

export interface WeightSeries {
  label: string;
  /** weights[k] is the weight of the sample of age k. */
  weights: ArrayLike<number>;
}

export interface WeightCurvesOptions {
  width?: number;
  height?: number;
  yLabel?: string;
  /** A point to mark on a series (e.g. the effective window 1/(1 − β)). */
  markers?: { label: string; age: number; text?: string }[];
  /** A horizontal reference line per series, as a fraction of its weight at age 0 (e.g. 1/e). */
  relativeLevel?: number;
  log?: boolean;
}

export function WeightCurves(series: readonly WeightSeries[], options: WeightCurvesOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 260, yLabel = "weight", markers = [], relativeLevel, log = false } = options;
  const rows = series.flatMap((s) => Array.from(s.weights, (w, k) => ({ label: s.label, age: k, weight: w })));
  const plotted = log ? rows.filter((r) => r.weight > 0) : rows;
  const markRows = markers.flatMap((m) => {
    const s = series.find((s) => s.label === m.label);
    if (!s) return [];
    const k = Math.min(Math.round(m.age), s.weights.length - 1);
    return [{ label: m.label, age: m.age, weight: s.weights[k], text: m.text ?? "" }];
  });
  const levels = relativeLevel === undefined ? [] : series.map((s) => ({ label: s.label, weight: s.weights[0] * relativeLevel }));
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 52,
    x: { label: "age k of the sample (0 = newest)", grid: true },
    y: { label: yLabel, grid: true, ...(log ? logAxis(plotted.map((r) => r.weight)) : { type: "linear" as const }) },
    color: { legend: true, domain: series.map((s) => s.label) },
    marks: [
      Plot.ruleY(levels, { y: "weight", stroke: "label", strokeDasharray: "4,3", strokeOpacity: 0.7 }),
      Plot.line(plotted, { x: "age", y: "weight", stroke: "label", strokeWidth: 1.8 }),
      Plot.dot(plotted, { x: "age", y: "weight", fill: "label", r: 1.6 }),
      Plot.dot(markRows, { x: "age", y: "weight", stroke: "label", r: 6, strokeWidth: 2 }),
      Plot.text(markRows, { x: "age", y: "weight", text: "text", dx: 8, dy: -8, textAnchor: "start", fill: "currentColor" }),
      Plot.tip(plotted, Plot.pointer({ x: "age", y: "weight", stroke: "label", format: { x: true, y: numFormat(4) } })),
    ],
  }), { label: `${yLabel} against age for ${series.map((s) => s.label).join(", ")}`, rows: plotted, columns: ["label", "age", "weight"] });
}
