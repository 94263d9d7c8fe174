/**
 * GradientSpreadChart(rows, options): the measured mean squared distance
 * E‖g_B − g‖² between a minibatch gradient and the full gradient against the
 * batch size B (dots), and the prediction (σ²/B)(n − B)/(n − 1) (line), log–log.
 * The slope −1 is the 1/B law; the drop at the right end is the full batch.
 */
import * as Plot from "@observablehq/plot";
import { decadeTicks } from "../log-ticks.js";
import { accessibleFigure } from "./accessible-figure.js";
import { num, tickNum } from "../format.js";

export interface SpreadRow {
  batchSize: number;
  measured: number;
  predicted: number;
}

export function GradientSpreadChart(rows: readonly SpreadRow[], options: { width?: number; height?: number; sigma2?: number; n?: number } = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280, sigma2, n } = options;
  const measured = rows.filter((r) => r.measured > 0 && r.batchSize < (n ?? Infinity));
  const curve: { batchSize: number; value: number; label: string }[] = [];
  if (sigma2 !== undefined && n !== undefined) {
    // Up to the largest measured batch below n: the curve's plunge to 0 at B = n would swamp the log scale.
    const top = Math.max(2, ...measured.map((r) => r.batchSize));
    for (let k = 0; k <= 120; ++k) {
      const B = Math.exp((Math.log(top) * k) / 120);
      curve.push({ batchSize: B, value: ((sigma2 / B) * (n - B)) / (n - 1), label: "(σ²/B)(n − B)/(n − 1)" });
      curve.push({ batchSize: B, value: sigma2 / B, label: "σ²/B" });
    }
  }
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { type: "log", label: "batch size B", grid: true, tickFormat: tickNum, ticks: decadeTicks(measured.map((r) => r.batchSize)) },
    y: { type: "log", label: "E‖g_B − g‖²", grid: true, tickFormat: tickNum, ticks: decadeTicks([...measured.map((r) => r.measured), ...curve.map((c) => c.value)]) },
    color: { legend: true, domain: ["measured", "(σ²/B)(n − B)/(n − 1)", "σ²/B"] },
    marks: [
      Plot.line(curve.filter((c) => c.label !== "σ²/B"), { x: "batchSize", y: "value", stroke: "label", strokeWidth: 1.5 }),
      Plot.line(curve.filter((c) => c.label === "σ²/B"), { x: "batchSize", y: "value", stroke: "label", strokeWidth: 1.2, strokeDasharray: "4,3" }),
      Plot.dot(measured, { x: "batchSize", y: "measured", fill: () => "measured", r: 4 }),
      Plot.tip(measured, Plot.pointer({ x: "batchSize", y: "measured", title: (d: SpreadRow) => `B = ${d.batchSize}\nmeasured ${num(d.measured)}\npredicted ${num(d.predicted)}` })),
    ],
  }), { label: `Variance of the minibatch gradient against batch size B, measured and predicted`, rows: measured, columns: ["batchSize", "measured", "predicted"] });
}
