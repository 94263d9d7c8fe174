/**
 * FisherHessianScatter(points, options): one dot per feature (a word), its
 * Hessian diagonal H_jj against the mean squared per-example gradient F_jj
 * (the empirical Fisher), on log–log axes, with the line F = H. Dots on the
 * line mean the squared gradient measures the curvature.
 */
import * as Plot from "@observablehq/plot";
import { numFormat, tickNum } from "../format.js";
import { decadeTicks } from "../log-ticks.js";

export interface FisherHessianPoint {
  word: string;
  count: number;
  hessian: number;
  fisher: number;
}

export interface FisherHessianScatterOptions {
  width?: number;
  height?: number;
}

export function FisherHessianScatter(points: readonly FisherHessianPoint[], options: FisherHessianScatterOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 320 } = options;
  const shown = points.filter((p) => p.hessian > 0 && p.fisher > 0 && Number.isFinite(p.fisher));
  const values = shown.flatMap((p) => [p.hessian, p.fisher]);
  const lo = Math.min(...values), hi = Math.max(...values);
  const diagonal = [{ v: lo }, { v: hi }];
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 60,
    ariaLabel: `Scatter of ${shown.length} words: the Hessian's diagonal entry against the mean squared per-example gradient, log–log, with the line where they are equal`,
    x: { type: "log", label: "Hessian diagonal H_jj", grid: true, tickFormat: tickNum, ticks: decadeTicks(values) },
    y: { type: "log", label: "mean squared gradient F_jj", grid: true, tickFormat: tickNum, ticks: decadeTicks(values) },
    marks: [
      Plot.line(diagonal, { x: "v", y: "v", stroke: "var(--theme-foreground-muted)", strokeDasharray: "5,4" }),
      Plot.text([diagonal[1]], { x: "v", y: "v", text: () => "F = H", dx: -6, dy: 12, textAnchor: "end", fill: "var(--theme-foreground-muted)" }),
      Plot.dot(shown, { x: "hessian", y: "fisher", r: 2, fill: "var(--theme-foreground-focus)", fillOpacity: 0.35 }),
      Plot.tip(shown, Plot.pointer({ x: "hessian", y: "fisher", channels: { word: "word", sentences: "count" }, format: { x: numFormat(3), y: numFormat(3) } })),
    ],
  });
  return chart;
}
