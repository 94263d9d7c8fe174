/**
 * OrderGapsChart(rows, options): for each way of ordering the examples, the
 * final training loss's gap to the least-squares minimum in each seeded run
 * (dots) and their median (a tick), on a log axis.
 */
import * as Plot from "@observablehq/plot";
import { decadeTicks } from "../log-ticks.js";
import { accessibleFigure } from "./accessible-figure.js";
import { num, tickNum } from "../format.js";

export interface OrderGap {
  order: string;
  seed: number;
  gap: number;
}

export function OrderGapsChart(rows: readonly OrderGap[], options: { width?: number; height?: number } = {}): SVGSVGElement | HTMLElement {
  const orders = [...new Set(rows.map((r) => r.order))];
  const { width = 640, height = 40 + 34 * orders.length } = options;
  const shown = rows.filter((r) => r.gap > 0 && Number.isFinite(r.gap));
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: Math.min(170, width * 0.38),
    x: { type: "log", label: "final loss − least-squares minimum", grid: true, tickFormat: tickNum, ticks: decadeTicks(shown.map((r) => r.gap)) },
    y: { label: null, domain: orders },
    color: { domain: orders },
    marks: [
      Plot.dot(shown, { x: "gap", y: "order", stroke: "order", r: 3.5, strokeOpacity: 0.7 }),
      Plot.tickX(shown, Plot.groupY({ x: "median" }, { x: "gap", y: "order", strokeWidth: 2.5, stroke: "currentColor" })),
      Plot.tip(shown, Plot.pointer({ x: "gap", y: "order", title: (d: OrderGap) => `${d.order}, seed ${d.seed}: gap ${num(d.gap)}` })),
    ],
  }), { label: `Gap to the best loss for each example order, one dot per seed, median marked`, rows: shown, columns: ["order", "seed", "gap"] });
}
