/**
 * AdagradScaleScatter(points, options): one dot per word, Adagrad's learned
 * scale √(s_j/t) against the Hessian's diagonal H_jj, on log–log axes, with
 * the prediction √(H_jj/B) as a dashed line (slope ½: what Adagrad's scale
 * would be if the squared gradients it accumulated matched the curvature).
 * See lib/analysis/adagrad-scale.ts.
 */
import * as Plot from "@observablehq/plot";
import type { AdagradScalePoint } from "../../lib/analysis/adagrad-scale.js";
import { num, numFormat, tickNum } from "../format.js";
import { decadeTicks } from "../log-ticks.js";
import { accessibleFigure } from "./accessible-figure.js";

export interface AdagradScaleScatterOptions {
  width?: number;
  height?: number;
  /** The minibatch size B of the prediction √(H/B). */
  batchSize: number;
  /** The fitted log–log slope, named in the legend. */
  slope: number;
}

export function AdagradScaleScatter(points: readonly AdagradScalePoint[], options: AdagradScaleScatterOptions): HTMLElement | SVGSVGElement {
  const { width = 640, height = 320, batchSize, slope } = options;
  const hs = points.map((p) => p.hessian);
  const lo = Math.min(...hs), hi = Math.max(...hs);
  const guide = [lo, hi].map((h) => ({ hessian: h, rms: Math.sqrt(h / batchSize) }));
  const ys = [...points.map((p) => p.rms), ...guide.map((g) => g.rms)];
  return accessibleFigure(
    Plot.plot({
      width,
      height,
      marginLeft: 60,
      x: { type: "log", label: "Hessian diagonal H_jj", grid: true, ticks: decadeTicks(hs), tickFormat: tickNum },
      y: { type: "log", label: "Adagrad's scale √(s_j/t)", grid: true, ticks: decadeTicks(ys), tickFormat: tickNum },
      marks: [
        Plot.dot(points, { x: "hessian", y: "rms", r: 2, fill: "var(--theme-foreground-focus)", fillOpacity: 0.35 }),
        Plot.line(guide, { x: "hessian", y: "rms", stroke: "var(--theme-foreground-muted)", strokeDasharray: "5,4" }),
        Plot.text([guide[1]], { x: "hessian", y: "rms", text: () => `√(H/B) if F̄ ≈ H: slope ½ (fitted: ${num(slope)})`, dx: -6, dy: 14, textAnchor: "end", fill: "var(--theme-foreground-muted)", stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke" }),
        Plot.tip(points, Plot.pointer({ x: "hessian", y: "rms", format: { hessian: numFormat(3), rms: numFormat(3) } })),
      ],
    }),
    {
      label: `Adagrad's learned scale √(s_j/t) against the Hessian diagonal H_jj for ${points.length} words, log–log, with the line √(H_jj/B)`,
      rows: points,
      columns: [{ label: "H_jj", value: (p) => num(p.hessian) }, { label: "√(s_j/t)", value: (p) => num(p.rms) }, { label: "√(H_jj/B)", value: (p) => num(p.predicted) }],
    },
  );
}
