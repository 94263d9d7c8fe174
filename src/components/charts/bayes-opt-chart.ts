/**
 * BayesOptChart(round, options): one round of 1-D Bayesian optimization — the
 * true function (gray), the GP's posterior mean with a ±2 sd band, the trials
 * so far and the next pick (ringed) on top; expected improvement below.
 * Takes a round of lib/analysis/bayes-opt's `bayesOpt` and the candidates.
 */
import * as Plot from "@observablehq/plot";
import type { BayesRound } from "../../lib/analysis/bayes-opt.js";
import { num, tickNum } from "../format.js";
import { decadeTicks } from "../log-ticks.js";

export interface BayesOptChartOptions {
  width?: number;
  height?: number;
  /** The true function, drawn for comparison. */
  f?: (x: number) => number;
  xLabel?: string;
}

export function BayesOptChart(round: BayesRound, candidates: ArrayLike<number>, options: BayesOptChartOptions = {}): HTMLElement {
  const { width = 640, height = 220, f, xLabel = "log₁₀ η" } = options;
  const rows = Array.from(candidates, (x, q) => ({ x, mean: round.mean[q], lo: round.mean[q] - 2 * round.sd[q], hi: round.mean[q] + 2 * round.sd[q], ei: round.ei[q], truth: f ? f(x) : NaN }));
  const trials = round.xs.map((x, i) => ({ x, y: round.ys[i] }));
  const ys = [...trials.map((t) => t.y), ...(f ? rows.map((r) => r.truth) : rows.map((r) => r.mean))];
  const yMin = Math.min(...ys), yMax = Math.max(...ys), pad = 0.15 * (yMax - yMin || 1);
  const top = Plot.plot({
    width,
    height,
    marginLeft: 56,
    ariaLabel: `Bayesian optimization after ${trials.length} trials: the Gaussian process's mean and ±2 standard deviation band over ${xLabel}, the trials, and the next trial at ${num(round.next)}`,
    x: { label: xLabel, grid: true },
    y: { domain: [yMin - pad, yMax + pad], label: "validation loss", grid: true },
    color: { legend: true, domain: ["true loss", "GP mean ± 2 sd", "trials"], range: ["var(--theme-foreground-muted)", "#4e79a7", "#e15759"] },
    marks: [
      Plot.areaY(rows, { x: "x", y1: "lo", y2: "hi", fill: "#4e79a7", fillOpacity: 0.15, clip: true }),
      ...(f ? [Plot.line(rows, { x: "x", y: "truth", stroke: () => "true loss", strokeDasharray: "4,3", clip: true })] : []),
      Plot.line(rows, { x: "x", y: "mean", stroke: () => "GP mean ± 2 sd", strokeWidth: 2, clip: true }),
      Plot.dot(trials, { x: "x", y: "y", fill: () => "trials", r: 4 }),
      Plot.ruleX([round.next], { stroke: "#e15759", strokeDasharray: "2,3" }),
    ],
  });
  const bottom = Plot.plot({
    width,
    height: Math.round(height * 0.5),
    marginLeft: 56,
    ariaLabel: `Expected improvement over ${xLabel}; its maximum, at ${num(round.next)}, is the next trial`,
    x: { label: xLabel, grid: true },
    y: { label: "expected improvement", grid: true, tickFormat: tickNum },
    marks: [
      Plot.areaY(rows, { x: "x", y: "ei", fill: "#e15759", fillOpacity: 0.25 }),
      Plot.line(rows, { x: "x", y: "ei", stroke: "#e15759" }),
      Plot.ruleX([round.next], { stroke: "#e15759", strokeDasharray: "2,3" }),
    ],
  });
  const div = document.createElement("div");
  div.append(top, bottom);
  return div;
}

/** The best-so-far gap against the number of trials, median and interquartile band per method (log y). */
export function BayesRandomChart(rows: Array<{ trial: number; method: string; q1: number; median: number; q3: number }>, options: { width?: number; height?: number; seeds?: number } = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 260, seeds } = options;
  const floor = 1e-7;
  const r = rows.map((d) => ({ ...d, q1: Math.max(d.q1, floor), median: Math.max(d.median, floor), q3: Math.max(d.q3, floor) }));
  return Plot.plot({
    width,
    height,
    marginLeft: 56,
    ariaLabel: `Best validation loss found so far above the best on the grid, against the number of trials, median and interquartile band over ${seeds ?? "several"} seeds, for Bayesian optimization and random search`,
    x: { label: "trials", grid: true },
    y: { type: "log", label: `best so far − best (floor ${num(floor)})`, grid: true, tickFormat: tickNum, ticks: decadeTicks(r.flatMap((d) => [d.q1, d.median, d.q3])) },
    color: { legend: true, domain: ["Bayesian optimization", "random search"], range: ["#4e79a7", "#f28e2c"] },
    marks: [
      Plot.areaY(r, { x: "trial", y1: "q1", y2: "q3", fill: "method", fillOpacity: 0.18 }),
      Plot.line(r, { x: "trial", y: "median", stroke: "method", strokeWidth: 2, marker: "dot" }),
      Plot.tip(r, Plot.pointerX({ x: "trial", y: "median", stroke: "method", channels: { q1: "q1", q3: "q3" }, format: { x: true, y: (v: number) => num(v, 3), q1: (v: number) => num(v, 3), q3: (v: number) => num(v, 3) } as Record<string, unknown> } as Plot.TipOptions)),
    ],
  });
}
