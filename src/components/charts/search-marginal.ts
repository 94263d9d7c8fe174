/**
 * SearchMarginal(landscape, searches, options): the validation loss against the
 * first hyperparameter alone. The band spans the loss over every value of the
 * second hyperparameter at each η — a thin band means the second barely
 * matters — and each search's trials sit on it: a grid piles its trials onto a
 * few values of η, random search spreads them over as many values as trials.
 */
import * as Plot from "@observablehq/plot";
import { powerOfTen, SEARCH_SYMBOLS, type Landscape, type Search } from "./search-landscape.js";
import { accessibleFigure } from "./accessible-figure.js";
import { num, numFormat } from "../format.js";

export interface SearchMarginalOptions {
  width?: number;
  height?: number;
  /** Clip the loss axis here (diverged and very poor runs sit at the top). */
  yMax?: number;
  xLabel?: string;
}

export function SearchMarginal(landscape: Landscape, searches: readonly Search[], options: SearchMarginalOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 240, yMax = 0.55, xLabel = "learning rate η" } = options;
  const { etaLogs, lambdaLogs, scores } = landscape;
  const nx = etaLogs.length, ny = lambdaLogs.length;
  const band = etaLogs.map((x, i) => {
    let lo = Infinity, hi = -Infinity;
    for (let j = 0; j < ny; ++j) {
      const s = scores[j * nx + i];
      const v = s < 0 ? Infinity : s;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return { x, lo: Math.min(lo, yMax), hi: Math.min(hi, yMax) };
  });
  const points = searches.flatMap((s, i) =>
    s.trials.map((t) => ({ search: s.label, symbol: SEARCH_SYMBOLS[i % SEARCH_SYMBOLS.length], x: Math.log10(t.values[0]), score: Math.min(t.score, yMax), diverged: !Number.isFinite(t.score) }))
  );
  const yMin = Math.min(...band.map((b) => b.lo));
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 52,
    x: { domain: [etaLogs[0], etaLogs[nx - 1]], label: xLabel + " (log scale)", tickFormat: powerOfTen, ticks: etaLogs.filter(Number.isInteger) },
    y: { domain: [yMin - 0.02, yMax], label: "validation loss", grid: true },
    symbol: { domain: searches.map((s) => s.label), range: searches.map((_, i) => SEARCH_SYMBOLS[i % SEARCH_SYMBOLS.length]), legend: true },
    color: { domain: searches.map((s) => s.label), range: ["#f28e2c", "#4e79a7", "#59a14f", "#e15759"] },
    marks: [
      Plot.areaY(band, { x: "x", y1: "lo", y2: "hi", fill: "var(--theme-foreground-faint)", fillOpacity: 0.6 }),
      Plot.line(band, { x: "x", y: "lo", stroke: "var(--theme-foreground-muted)" }),
      Plot.ruleY([yMax], { stroke: "var(--theme-red)", strokeDasharray: "3,3" }),
      Plot.text([yMax], { y: (d: number) => d, frameAnchor: "right", text: () => "≥ this, or diverged", dy: -7, fill: "var(--theme-red)", textAnchor: "end" }),
      Plot.tickX(points, { x: "x", stroke: "search", strokeOpacity: 0.8, insetTop: height - 60 }),
      Plot.dot(points, { x: "x", y: "score", symbol: "search", stroke: "search", r: 4.5, strokeWidth: 1.5, fill: "var(--theme-background)" }),
      Plot.tip(points, Plot.pointer({ x: "x", y: "score", channels: { search: "search" }, format: { x: (v: number) => `η = ${num(10 ** v)}`, score: numFormat(4) } as Record<string, unknown> } as Plot.TipOptions)),
    ],
  }), { label: `Score against log₁₀ η for the trials of ${searches.map((s) => s.label).join(", ")}`, rows: points, columns: ["search", { label: "log₁₀ η", value: "x" }, "score", "diverged"] });
}
