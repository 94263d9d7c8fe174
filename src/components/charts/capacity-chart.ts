/**
 * CapacityChart(cells, options): validation loss (solid) and training loss
 * (dashed) against the learning rate, one colour per hidden width, medians
 * over seeds, with the seeds' range of the validation loss as a vertical rule
 * and a ring on each width's best rate. Log–log. A cell whose median run
 * diverged (loss null or Infinity) is drawn as a × along the top edge.
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { tickNum } from "../format.js";
import { logAxis } from "../log-ticks.js";

export interface CapacityCellRow {
  width: number;
  lr: number;
  trainLoss: number | null;
  validationLoss: number | null;
  validationMin: number | null;
  validationMax: number | null;
}

export interface CapacityChartOptions {
  width?: number;
  height?: number;
  /** Per width, the best cell (ringed). */
  best: readonly CapacityCellRow[];
}

const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

export function CapacityChart(cells: readonly CapacityCellRow[], options: CapacityChartOptions): SVGSVGElement | HTMLElement {
  const { width = 640, height = 300, best } = options;
  const name = (w: number) => `${w} hidden units`;
  const domain = [...new Set(cells.map((c) => c.width))].sort((a, b) => a - b).map(name);
  const rows = cells.flatMap((c) => [
    { series: name(c.width), kind: "validation", lr: c.lr, loss: c.validationLoss, lo: c.validationMin, hi: c.validationMax },
    { series: name(c.width), kind: "training", lr: c.lr, loss: c.trainLoss, lo: null, hi: null },
  ]).filter((r) => finite(r.loss));
  const diverged = cells.filter((c) => !finite(c.validationLoss)).map((c) => ({ series: name(c.width), kind: "validation", lr: c.lr, loss: "diverged", lo: null, hi: null }));
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { type: "log", label: "learning rate η", ticks: [...new Set(cells.map((c) => c.lr))], tickFormat: tickNum, grid: true },
    y: { ...logAxis(rows.flatMap((r) => [r.loss, r.lo ?? r.loss, r.hi ?? r.loss]).filter(finite)), label: "loss (median over seeds)", grid: true },
    // Tableau colours, each ≥ 3:1 against both the light and the dark page background.
    color: { legend: true, domain, range: ["#e15759", "#c8741c", "#59a14f", "#4e79a7", "#b07aa1"] },
    marks: [
      Plot.ruleX(rows.filter((r) => r.kind === "validation" && finite(r.lo) && finite(r.hi)), { x: "lr", y1: "lo", y2: "hi", stroke: "series", strokeOpacity: 0.5 }),
      Plot.line(rows.filter((r) => r.kind === "validation"), { x: "lr", y: "loss", stroke: "series", strokeWidth: 2, marker: "circle" }),
      Plot.line(rows.filter((r) => r.kind === "training"), { x: "lr", y: "loss", stroke: "series", strokeWidth: 1.2, strokeDasharray: "4,3" }),
      Plot.dot(diverged, { x: "lr", frameAnchor: "top", dy: 6, symbol: "times", stroke: "series", r: 4, strokeWidth: 1.5 }),
      // One label per rate: how many widths diverged there (their × marks overlap).
      Plot.text([...new Set(diverged.map((d) => d.lr))], { x: (lr) => lr, frameAnchor: "bottom", dy: -12, dx: 4, textAnchor: "end", fill: "currentColor", text: (lr) => `× at the top: η = ${lr} diverged\nat ${diverged.filter((d) => d.lr === lr).length} of ${domain.length} widths` }),
      Plot.dot(best.filter((b) => finite(b.validationLoss)), { x: "lr", y: "validationLoss", r: 7, stroke: "currentColor" }),
      Plot.tip(rows, Plot.pointer({ x: "lr", y: "loss", title: (d) => `${d.series}, η = ${d.lr}\n${d.kind} loss ${d.loss.toPrecision(3)}` })),
    ],
  });
  return accessibleFigure(chart, {
    label: `Validation loss (solid) and training loss (dashed) of the digits network against the learning rate, one line per hidden width; rings mark each width's best rate${diverged.length ? "; × along the top marks a width and rate whose median run diverged" : ""}`,
    rows: [...rows, ...diverged],
    columns: ["series", "kind", "lr", "loss", "lo", "hi"],
  });
}
