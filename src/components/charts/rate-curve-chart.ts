/**
 * RateCurveChart(eigenvalues, options): for gradient descent on a quadratic,
 * the factor |1 − ηλ| by which each eigen-direction's error changes per step,
 * against the learning rate η, and their maximum, the rate. Above the line at 1
 * the run diverges (shaded). Marks the stability limit 2/λmax, the best step
 * 2/(λmin + λmax) and the current η.
 */
import * as Plot from "@observablehq/plot";
import { gdRate, optimalStep, rateCurve, stableLimit } from "../../lib/analysis/quadratic-rate.js";
import { accessibleFigure } from "./accessible-figure.js";
import { numFormat } from "../format.js";

export interface RateCurveChartOptions {
  width?: number;
  height?: number;
  /** The current learning rate, drawn as a rule with its rate. */
  eta?: number;
  /** The right end of the η axis (default 1.3 × 2/λmax). */
  etaMax?: number;
}

export function RateCurveChart(eigenvalues: ArrayLike<number>, options: RateCurveChartOptions = {}): SVGSVGElement | HTMLElement {
  const limit = stableLimit(eigenvalues);
  const { width = 640, height = 280, eta, etaMax = 1.3 * limit } = options;
  const best = optimalStep(eigenvalues);
  const rows = rateCurve(eigenvalues, etaMax, 300);
  const series = [...new Set(rows.map((r) => r.series))];
  const yMax = 2;
  const current = eta === undefined ? [] : [{ eta, rate: gdRate(eigenvalues, eta) }];
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 52,
    x: { domain: [0, etaMax], label: "learning rate η", grid: true },
    y: { domain: [0, yMax], label: "factor per step |1 − ηλ|", grid: true },
    color: { legend: true, domain: series },
    marks: [
      Plot.rect([{ x1: 0, x2: etaMax, y1: 1, y2: yMax }], { x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: "var(--theme-red)", fillOpacity: 0.08 }),
      Plot.ruleY([1], { stroke: "var(--theme-red)", strokeDasharray: "4,3" }),
      Plot.text([{ x: etaMax, y: 1 }], { x: "x", y: "y", text: () => "diverges above 1", textAnchor: "end", dy: -8, dx: -4, fill: "var(--theme-red)" }),
      Plot.line(rows, { x: "eta", y: "factor", stroke: "series", strokeWidth: (d: { series: string }) => (d.series.startsWith("rate") ? 3 : 1.5), clip: true }),
      Plot.ruleX([limit], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "2,3" }),
      Plot.text([limit], { x: (d: number) => d, y: yMax, text: () => "2/λmax", dy: 8, dx: 4, textAnchor: "start", fill: "var(--theme-foreground-muted)" }),
      Plot.dot([best], { x: "eta", y: "rate", r: 4, fill: "var(--theme-foreground)" }),
      Plot.text([best], { x: "eta", y: "rate", text: () => "best η", dy: 14, fill: "var(--theme-foreground)" }),
      ...(current.length
        ? [
            Plot.ruleX(current, { x: "eta", stroke: "var(--theme-foreground)", strokeWidth: 1 }),
            Plot.dot(current, { x: "eta", y: (d: { rate: number }) => Math.min(d.rate, yMax), r: 6, stroke: "var(--theme-foreground)", strokeWidth: 2, fill: "var(--theme-background)" }),
          ]
        : []),
      Plot.tip(rows, Plot.pointerX({ x: "eta", y: "factor", stroke: "series", format: { x: numFormat(3), y: numFormat(3) } })),
    ],
  }), { label: `Convergence factor against the learning rate η; above 1 the iteration diverges`, rows: rows });
}
