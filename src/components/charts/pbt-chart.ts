/**
 * PbtChart(history, options): one population-based training run. Left: each
 * worker's learning rate round by round (log scale), a ring where a worker
 * copied a better one (exploit) before the round. Right: each worker's
 * validation loss at the end of every round (drawn at most at 10× the lowest,
 * so one bad worker does not flatten the rest; diverged runs drawn at that top).
 * Tooltips and the data table give the raw loss.
 * `history[w][r]` = {eta, score, copiedFrom} as returned by populationBasedTraining.
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { num } from "../format.js";
import { logAxis } from "../log-ticks.js";

export interface PbtRound {
  eta: number;
  score: number;
  copiedFrom: number;
}

export interface PbtChartOptions {
  width?: number;
  height?: number;
  /** Which chart: the learning rates or the validation losses. */
  show: "eta" | "score";
}

export function PbtChart(history: readonly (readonly PbtRound[])[], options: PbtChartOptions): SVGSVGElement | HTMLElement {
  const { width = 640, height = 240, show } = options;
  const finite = history.flatMap((h) => h.map((e) => e.score)).filter(Number.isFinite);
  const cap = finite.length ? Math.min(Math.max(...finite), 10 * Math.min(...finite)) : 1;
  const rows = history.flatMap((h, w) =>
    h.map((e, r) => ({
      worker: `worker ${w + 1}`,
      round: r + 1,
      eta: e.eta,
      // Plotted position (capped); `score` is the raw validation loss.
      loss: Number.isFinite(e.score) ? Math.min(e.score, cap) : cap,
      score: e.score,
      diverged: !Number.isFinite(e.score),
      exploited: r > 0 && h[r - 1].copiedFrom >= 0,
    }))
  );
  const y = show === "eta" ? "eta" : "loss";
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { label: "round", ticks: history[0].map((_, r) => r + 1), tickFormat: "d", grid: true },
    y: show === "eta" ? { ...logAxis(rows.map((d) => d.eta)), label: "learning rate η", grid: true } : { ...logAxis(rows.map((d) => d.loss)), label: "validation loss", grid: true },
    color: { legend: false },
    marks: [
      Plot.line(rows, { x: "round", y, z: "worker", stroke: "worker", strokeWidth: 1.5, curve: show === "eta" ? "step-before" : "linear" }),
      Plot.dot(rows.filter((d) => d.exploited), { x: "round", y, stroke: "currentColor", r: 5 }),
      Plot.dot(rows.filter((d) => d.diverged), { x: "round", y, symbol: "times", stroke: "#e15759", r: 4 }),
      Plot.tip(rows, Plot.pointer({ x: "round", y, title: (d) => `${d.worker}, round ${d.round}\nη = ${num(d.eta)}\nvalidation loss ${d.diverged ? "diverged" : num(d.score, 4)}${!d.diverged && d.score > d.loss ? " (drawn at the chart's top)" : ""}${d.exploited ? "\ncopied a better worker before this round" : ""}` })),
    ],
  });
  const label = show === "eta"
    ? `Learning rate of each of ${history.length} PBT workers over ${history[0].length} rounds; rings mark copies of a better worker`
    : `Validation loss of each of ${history.length} PBT workers at the end of every round`;
  return accessibleFigure(chart, { label, rows, columns: ["worker", "round", "eta", { label: "validation loss", value: "score" }, "diverged", "exploited"] });
}
