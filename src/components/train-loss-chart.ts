/**
 * TrainLossChart(runs, options): training loss against epochs for a few
 * training runs (`train` results from lib), with an optional dashed line at
 * the best achievable loss. A run that diverged ends where it diverged and
 * says so in the legend.
 *
 * ```js
 * TrainLossChart([{label: "SGD", result: train(model, data, sgd({lr: 0.01}), {epochs: 4})}], {width, best: 0.183})
 * ```
 */
import * as Plot from "@observablehq/plot";
import type { TrainResult } from "../lib/train.js";

export interface TrainRun {
  label: string;
  result: TrainResult;
}

export interface TrainLossChartOptions {
  width?: number;
  height?: number;
  /** The minimum loss (e.g. least squares), drawn dashed. */
  best?: number;
  /** Fix the y domain (as D2L's ylim). */
  yDomain?: [number, number];
  colors?: readonly string[];
}

export function trainRunLabel({ label, result }: TrainRun): string {
  return result.diverged && result.divergedAt ? `${label} — diverged at epoch ${result.divergedAt.epoch.toFixed(2)}` : label;
}

export function TrainLossChart(runs: readonly TrainRun[], options: TrainLossChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280, best, yDomain, colors } = options;
  const rows = runs.flatMap((run) => run.result.curve.filter((p) => Number.isFinite(p.loss)).map((p) => ({ label: trainRunLabel(run), epoch: p.epoch, loss: p.loss })));
  return Plot.plot({
    width,
    height,
    marginLeft: 52,
    x: { label: "epoch", grid: true },
    y: { label: "training loss, mean ½(ŷ − y)²", grid: true, ...(yDomain ? { domain: yDomain, clamp: true } : {}) },
    color: { legend: true, domain: runs.map(trainRunLabel), ...(colors ? { range: colors as string[] } : {}) },
    marks: [
      best === undefined ? null : Plot.ruleY([best], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "5,4" }),
      best === undefined ? null : Plot.text([best], { y: (d: number) => d, frameAnchor: "right", text: () => "least squares", dy: -7, fill: "var(--theme-foreground-muted)" }),
      Plot.line(rows, { x: "epoch", y: "loss", stroke: "label", strokeWidth: 1.8 }),
      Plot.dot(rows, { x: "epoch", y: "loss", fill: "label", r: 2 }),
      Plot.tip(rows, Plot.pointerX({ x: "epoch", y: "loss", stroke: "label", format: { loss: ".4f", x: ".2f" } as Record<string, string> })),
    ],
  });
}
