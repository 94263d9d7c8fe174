/**
 * SearchLandscape(landscape, searches, options): the validation loss of a
 * training run over two hyperparameters on log axes (a heat map of the loss above
 * the best found, on a log colour scale; grey where training diverged) with the
 * trials of each search drawn on top — grid points as squares, random ones as
 * circles, the best of each ringed.
 */
import * as Plot from "@observablehq/plot";
import type { Trial } from "../../lib/analysis/hyperparameter-search.js";
import { accessibleFigure } from "./accessible-figure.js";
import { num, numFormat, tickNum } from "../format.js";
import { decadeTicks } from "../log-ticks.js";

export interface Landscape {
  /** log10 of the first hyperparameter at each column (ascending, evenly spaced). */
  etaLogs: number[];
  /** log10 of the second at each row (ascending, evenly spaced). */
  lambdaLogs: number[];
  /** Row-major scores, row j at lambdaLogs[j]; a negative score marks a diverged run. */
  scores: number[];
}

export interface Search {
  label: string;
  trials: readonly Trial[];
}

export interface SearchLandscapeOptions {
  width?: number;
  height?: number;
  /** The best score known (the colour scale shows score − best). */
  best: number;
  xLabel?: string;
  yLabel?: string;
}


/** A log10 tick as 10ᵏ. */
export function powerOfTen(k: number): string {
  return Number.isInteger(k) ? tickNum(10 ** k) : "";
}

/** The colour scale's domain (loss above the best). Its legend is labelled at
 * decadeTicks: Plot's ramp legend labels every tick of a log scale when
 * tickFormat is a function, which crowds 30-odd labels into the ramp. */
const REGRET_DOMAIN: [number, number] = [1e-4, 0.5];

export const SEARCH_SYMBOLS = ["square", "circle", "triangle", "diamond"] as const;

export function SearchLandscape(landscape: Landscape, searches: readonly Search[], options: SearchLandscapeOptions): SVGSVGElement | HTMLElement {
  const { width = 640, best, xLabel = "learning rate η", yLabel = "L2 penalty ω" } = options;
  const { etaLogs, lambdaLogs, scores } = landscape;
  const nx = etaLogs.length, ny = lambdaLogs.length;
  const hx = (etaLogs[nx - 1] - etaLogs[0]) / (nx - 1), hy = (lambdaLogs[ny - 1] - lambdaLogs[0]) / (ny - 1);
  const x1 = etaLogs[0] - hx / 2, x2 = etaLogs[nx - 1] + hx / 2;
  const y1 = lambdaLogs[0] - hy / 2, y2 = lambdaLogs[ny - 1] + hy / 2;
  const height = options.height ?? Math.round(Math.max(220, Math.min(340, width * 0.5)));
  const regret = scores.map((s) => (s < 0 ? NaN : Math.max(s - best, 1e-5)));
  const points = searches.flatMap((s, i) =>
    s.trials.map((t) => ({ search: s.label, symbol: SEARCH_SYMBOLS[i % SEARCH_SYMBOLS.length], x: Math.log10(t.values[0]), y: Math.log10(t.values[1]), score: t.score }))
  );
  const bests = searches.map((s, i) => {
    const b = s.trials.reduce((a, t) => (t.score < a.score ? t : a), s.trials[0]);
    return { search: s.label, symbol: SEARCH_SYMBOLS[i % SEARCH_SYMBOLS.length], x: Math.log10(b.values[0]), y: Math.log10(b.values[1]), score: b.score };
  });
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 52,
    marginBottom: 40,
    x: { domain: [x1, x2], label: xLabel + " (log scale)", tickFormat: powerOfTen, ticks: etaLogs.filter(Number.isInteger) },
    y: { domain: [y1, y2], label: yLabel + " (log scale)", tickFormat: powerOfTen, ticks: lambdaLogs.filter(Number.isInteger) },
    color: { type: "log", scheme: "viridis", domain: REGRET_DOMAIN, clamp: true, legend: true, label: "validation loss − best", tickFormat: tickNum, ticks: decadeTicks(REGRET_DOMAIN) },
    symbol: { domain: searches.map((s) => s.label), range: searches.map((_, i) => SEARCH_SYMBOLS[i % SEARCH_SYMBOLS.length]), legend: true },
    marks: [
      Plot.rect([{ x1, x2, y1, y2 }], { x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: "#999" }),
      Plot.raster(regret, { width: nx, height: ny, x1, x2, y1, y2, fill: (d: number) => d, imageRendering: "pixelated" } as Plot.RasterOptions),
      Plot.dot(points, { x: "x", y: "y", symbol: "search", r: 4.5, fill: "white", stroke: "black", strokeWidth: 1 }),
      Plot.dot(bests, { x: "x", y: "y", r: 10, stroke: "white", strokeWidth: 2.5 }),
      Plot.tip(points, Plot.pointer({ x: "x", y: "y", channels: { search: "search", "validation loss": "score" }, format: { x: (v: number) => `η = ${num(10 ** v)}`, y: (v: number) => `ω = ${num(10 ** v)}`, "validation loss": numFormat(4) } as Record<string, unknown> } as Plot.TipOptions)),
    ],
  }), { label: `Validation score over log₁₀ η and log₁₀ λ, with the trials of ${searches.map((s) => s.label).join(", ")}`, rows: points, columns: ["search", { label: "log₁₀ η", value: "x" }, { label: "log₁₀ λ", value: "y" }, "score"] });
}
