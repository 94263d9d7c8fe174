/**
 * EulerOrderChart(order, options): Euler's order on log–log axes — the largest
 * gap between gradient descent and the gradient flow against the learning rate
 * η, with the fitted slope and a reference line of slope 1 through the
 * smallest η. Takes lib/analysis/gradient-flow's `eulerOrder`.
 */
import * as Plot from "@observablehq/plot";
import { num, tickNum, numFormat } from "../format.js";
import { decadeTicks, minorLogGrid } from "../log-ticks.js";

export interface EulerOrderChartOptions {
  width?: number;
  height?: number;
}

export function EulerOrderChart(order: { rows: Array<{ eta: number; gap: number }>; slope: number }, options: EulerOrderChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 260 } = options;
  const rows = order.rows.filter((r) => Number.isFinite(r.gap) && r.gap > 0);
  const first = rows[0], last = rows[rows.length - 1];
  const reference = [first, { eta: last.eta, gap: (first.gap * last.eta) / first.eta }].map((r) => ({ ...r, series: "slope 1 (first order)" }));
  const measured = rows.map((r) => ({ ...r, series: `measured (fitted slope ${num(order.slope)})` }));
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    ariaLabel: `Largest gap between gradient descent and the gradient flow against the learning rate, on log–log axes: the points lie on a line of fitted slope ${num(order.slope)}, close to the slope 1 of a first-order method`,
    x: { type: "log", label: "learning rate η", grid: true, tickFormat: tickNum, ticks: decadeTicks(rows.map((r) => r.eta)) },
    y: { type: "log", label: "largest gap to the flow", grid: true, tickFormat: tickNum, ticks: decadeTicks([...rows, ...reference].map((r) => r.gap)) },
    color: { legend: true, domain: [measured[0].series, reference[0].series], range: ["#4e79a7", "var(--theme-foreground-muted)"] },
    marks: [
      Plot.line(reference, { x: "eta", y: "gap", stroke: "series", strokeDasharray: "5,3" }),
      Plot.line(measured, { x: "eta", y: "gap", stroke: "series", strokeWidth: 2, marker: "dot" }),
      Plot.tip(measured, Plot.pointer({ x: "eta", y: "gap", format: { x: numFormat(3), y: numFormat(3) } })),
    ],
  });
}
