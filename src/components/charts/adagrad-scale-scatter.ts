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
        Plot.tip(points, Plot.pointer({ x: "hessian", y: "rms", format: { x: numFormat(3), y: numFormat(3) } })),
      ],
    }),
    {
      label: `Adagrad's learned scale √(s_j/t) against the Hessian diagonal H_jj for ${points.length} words, log–log, with the line √(H_jj/B)`,
      rows: points,
      columns: [{ label: "H_jj", value: (p) => num(p.hessian) }, { label: "√(s_j/t)", value: (p) => num(p.rms) }, { label: "√(H_jj/B)", value: (p) => num(p.predicted) }],
    },
  );
}

/**
 * AdagradAlongRunScatter(points, options): one dot per word, √(s_j/t) against
 * √(F̄_jj/B) — the squared per-sentence gradients the run met, averaged along
 * it (points need `alongRun`) — with the line y = x: the identity
 * s_j/t = F̄_jj/B, off the line only where a batch held the word twice.
 */
export function AdagradAlongRunScatter(points: readonly AdagradScalePoint[], options: { width?: number; height?: number } = {}): HTMLElement | SVGSVGElement {
  const { width = 640, height = 300 } = options;
  const shown = points.filter((p) => p.alongRun !== undefined && p.alongRun > 0);
  const all = shown.flatMap((p) => [p.rms, p.alongRun!]);
  const lo = Math.min(...all), hi = Math.max(...all);
  return accessibleFigure(
    Plot.plot({
      width,
      height,
      marginLeft: 60,
      x: { type: "log", label: "√(F̄_jj/B), squared gradients along the run", grid: true, domain: [lo, hi], ticks: decadeTicks(all), tickFormat: tickNum },
      y: { type: "log", label: "Adagrad's scale √(s_j/t)", grid: true, domain: [lo, hi], ticks: decadeTicks(all), tickFormat: tickNum },
      marks: [
        Plot.line([lo, hi], { x: (d: number) => d, y: (d: number) => d, stroke: "var(--theme-foreground-muted)", strokeDasharray: "5,4" }),
        Plot.dot(shown, { x: "alongRun", y: "rms", r: 2, fill: "var(--theme-foreground-focus)", fillOpacity: 0.35 }),
        Plot.tip(shown, Plot.pointer({ x: "alongRun", y: "rms", format: { x: numFormat(3), y: numFormat(3) } })),
      ],
    }),
    {
      label: `Adagrad's learned scale √(s_j/t) against √(F̄_jj/B), the squared gradients averaged along the run, for ${shown.length} words, log–log, with the line y = x`,
      rows: shown,
      columns: [{ label: "√(F̄_jj/B)", value: (p) => num(p.alongRun!) }, { label: "√(s_j/t)", value: (p) => num(p.rms) }],
    },
  );
}
