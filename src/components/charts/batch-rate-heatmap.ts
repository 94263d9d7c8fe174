/**
 * BatchRateHeatmap(cells, options): the training loss after a fixed number of
 * epochs for every batch size (rows) × learning rate (columns, log scale),
 * the median over seeds as the colour, "diverged" cells crossed out, and the
 * full-batch stability edge η = 2/λ_max as a dashed vertical line.
 */
import * as Plot from "@observablehq/plot";
import { num, tickNum } from "../format.js";
import { decadeTicks } from "../log-ticks.js";

export interface HeatmapCell {
  batchSize: number;
  lr: number;
  /** Final training loss of one seed (Infinity when diverged). */
  loss: number;
  diverged: boolean;
}

export interface BatchRateHeatmapOptions {
  width?: number;
  height?: number;
  /** The full-batch edge 2/λ_max, drawn as a dashed line. */
  edge?: number;
}

export function BatchRateHeatmap(cells: readonly HeatmapCell[], options: BatchRateHeatmapOptions = {}): SVGSVGElement | HTMLElement {
  const batchSizes = [...new Set(cells.map((c) => c.batchSize))].sort((a, b) => a - b);
  const lrs = [...new Set(cells.map((c) => c.lr))].sort((a, b) => a - b);
  const { width = 640, height = 70 + 44 * batchSizes.length, edge } = options;
  const ratio = lrs.length > 1 ? Math.sqrt(lrs[1] / lrs[0]) : 2;
  const summary = batchSizes.flatMap((B, row) => lrs.map((lr) => {
    const mine = cells.filter((c) => c.batchSize === B && c.lr === lr);
    const losses = mine.map((c) => c.loss).sort((a, b) => a - b);
    const median = losses.length % 2 ? losses[(losses.length - 1) / 2] : (losses[losses.length / 2 - 1] + losses[losses.length / 2]) / 2;
    const diverged = mine.filter((c) => c.diverged).length;
    return { B, row, lr, x1: lr / ratio, x2: lr * ratio, median, diverged, seeds: mine.length, text: diverged === mine.length ? "✗" : num(median, 2) };
  }));
  const finite = summary.filter((s) => Number.isFinite(s.median));
  const colorDomain = finite.length ? [Math.min(...finite.map((s) => s.median)), Math.max(...finite.map((s) => s.median))] : [0.01, 1];
  const plot = Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: { type: "log", label: "learning rate η →", domain: [lrs[0] / ratio, lrs[lrs.length - 1] * ratio], ticks: lrs, tickFormat: (v: number) => num(v) },
    y: { label: "↑ batch size B", domain: [-0.5, batchSizes.length - 0.5], ticks: batchSizes.map((_, i) => i), tickFormat: (i: number) => String(batchSizes[i]) },
    color: { type: "log", scheme: "viridis", reverse: true, legend: true, label: "training loss (median over seeds)", tickFormat: tickNum, domain: colorDomain, ticks: decadeTicks(colorDomain) }, // explicit ticks: Plot's ramp legend labels every log tick when tickFormat is a function
    marks: [
      Plot.rect(finite, { x1: "x1", x2: "x2", y1: (d) => d.row - 0.5, y2: (d) => d.row + 0.5, fill: "median", inset: 1 }),
      Plot.rect(summary.filter((s) => !Number.isFinite(s.median)), { x1: "x1", x2: "x2", y1: (d) => d.row - 0.5, y2: (d) => d.row + 0.5, fill: "currentColor", fillOpacity: 0.12, inset: 1 }),
      Plot.text(summary, { x: "lr", y: "row", text: "text", fill: (d) => (Number.isFinite(d.median) ? "white" : "currentColor"), stroke: (d) => (Number.isFinite(d.median) ? "black" : "none"), strokeOpacity: 0.4, fontSize: 11 }),
      ...(edge && Number.isFinite(edge) ? [
        Plot.ruleX([edge], { stroke: "currentColor", strokeDasharray: "5,4", strokeWidth: 1.5 }),
        Plot.text([edge], { x: (d) => d, frameAnchor: "top", dy: -4, text: () => `2/λ_max = ${num(edge)}`, textAnchor: "start", dx: 4, fontSize: 11 }),
      ] : []),
    ],
  });
  const svgs = plot.tagName.toLowerCase() === "svg" ? [plot] : Array.from(plot.querySelectorAll(":scope > svg"));
  (svgs[svgs.length - 1] ?? plot).setAttribute("aria-label", `Heatmap of the training loss after training, for batch sizes ${batchSizes.join(", ")} and learning rates ${lrs.map((v) => num(v)).join(", ")}; crossed cells diverged${edge ? `; a dashed line marks the full-batch edge 2/λ_max = ${num(edge)}` : ""}.`);
  return plot;
}
