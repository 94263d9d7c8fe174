/**
 * CoordinateChart(trajectory, options): the distance |x_i − x*_i| of each
 * coordinate from the minimizer against the step, on a log scale, so a
 * coordinate that shrinks by a constant factor per step draws a straight line.
 * With `factors` (e.g. |1 − ηλᵢ| from lib/analysis/quadratic-rate) the
 * predicted lines |x_i(0) − x*_i|·factorᵢᵏ are drawn dashed in the text colour
 * *over* the coloured run (a prediction that is right lies exactly on the run,
 * so drawn underneath it would vanish), with a legend entry "prediction". A
 * diverging coordinate climbs; the title line says so.
 */
import * as Plot from "@observablehq/plot";
import { schemeObservable10 } from "d3";
import type { Trajectory } from "../../lib/run.js";
import { accessibleFigure } from "./accessible-figure.js";
import { tickNum, numFormat } from "../format.js";
import { decadeTicks, minorLogGrid } from "../log-ticks.js";

export interface CoordinateChartOptions {
  width?: number;
  height?: number;
  /** The minimizer (default the origin). */
  minimizer?: readonly number[];
  /** Per-coordinate factors for the predicted lines. */
  factors?: ArrayLike<number>;
  /** Names of the coordinates (default x₁, x₂, …). */
  names?: readonly string[];
}

/** The legend entry for the dashed predicted lines. */
export const PREDICTION_LABEL = "prediction (dashed)";

const SUB = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"];

export function CoordinateChart(trajectory: Trajectory, options: CoordinateChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 240, factors } = options;
  const dim = trajectory.dim;
  const names = options.names ?? Array.from({ length: dim }, (_, i) => `x${SUB[i + 1] ?? i + 1}`);
  const minimizer = options.minimizer ?? Array.from({ length: dim }, () => 0);
  const rows: Array<{ name: string; step: number; distance: number }> = [];
  const predicted: Array<{ name: string; step: number; distance: number }> = [];
  for (let i = 0; i < dim; ++i) {
    const start = Math.abs(trajectory.x[i] - minimizer[i]);
    for (let k = 0; k <= trajectory.steps; ++k) {
      const distance = Math.abs(trajectory.x[k * dim + i] - minimizer[i]);
      if (distance > 0 && Number.isFinite(distance)) rows.push({ name: names[i], step: k, distance });
      if (factors) {
        const v = start * factors[i] ** k;
        if (v > 0 && Number.isFinite(v)) predicted.push({ name: names[i], step: k, distance: v });
      }
    }
  }
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { label: "step", grid: true },
    y: { type: "log", label: "|xᵢ − xᵢ*|", grid: true, tickFormat: tickNum, ticks: decadeTicks([...rows, ...predicted].map((r) => r.distance)) },
    // Plot's default palette for the coordinates, and the text colour for the prediction.
    color: factors
      ? { legend: true, domain: [...names, PREDICTION_LABEL], range: [...names.map((_, i) => schemeObservable10[i % 10]), "currentColor"] }
      : { legend: true, domain: [...names] },
    marks: [
      ...minorLogGrid("y", [...rows, ...predicted].map((r) => r.distance)),
      Plot.line(rows, { x: "step", y: "distance", stroke: "name", strokeWidth: 4, strokeOpacity: 0.6 }),
      Plot.dot(rows, { x: "step", y: "distance", fill: "name", r: 2 }),
      Plot.line(predicted, { x: "step", y: "distance", z: "name", stroke: "currentColor", strokeWidth: 1.25, strokeDasharray: "5,4" }),
      Plot.tip(rows, Plot.pointer({ x: "step", y: "distance", stroke: "name", format: { x: true, y: numFormat(4) } })),
    ],
  }), { label: `Distance of each coordinate to the minimizer against the step, log scale: ${names.join(", ")}`, rows: rows, columns: ["name", "step", "distance"] });
}
