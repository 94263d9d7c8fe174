/**
 * WordRateScatter(words, options): one dot per feature (a word), its
 * effective learning rate after training against how many training examples
 * contain it, on log–log axes, with SGD's single learning rate as a dashed line
 * and a slope −½ guide (η/√(c·count)) fitted through the median.
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { numFormat, tickNum } from "../format.js";
import { decadeTicks } from "../log-ticks.js";

export interface WordRate {
  word: string;
  count: number;
  rate: number;
}

export interface WordRateScatterOptions {
  width?: number;
  height?: number;
  /** SGD's learning rate, drawn as a horizontal line. */
  sgdRate?: number;
  /** Words to label. */
  label?: readonly string[];
}

export function WordRateScatter(words: readonly WordRate[], options: WordRateScatterOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 320, sgdRate, label = [] } = options;
  const shown = words.filter((w) => w.count > 0 && w.rate > 0 && Number.isFinite(w.rate));
  // The guide rate = k/√count through the median of rate·√count.
  const ks = shown.map((w) => w.rate * Math.sqrt(w.count)).sort((a, b) => a - b);
  const k = ks.length ? ks[Math.floor(ks.length / 2)] : 1;
  const counts = shown.map((w) => w.count);
  const lo = Math.min(...counts), hi = Math.max(...counts);
  const guide = [lo, hi].map((c) => ({ count: c, rate: k / Math.sqrt(c) }));
  const labelled = shown.filter((w) => label.includes(w.word));
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { type: "log", label: "training sentences containing the word", grid: true, tickFormat: tickNum, ticks: decadeTicks(counts) },
    y: { type: "log", label: "effective learning rate η/(√s + ε)", grid: true, tickFormat: tickNum, ticks: decadeTicks(shown.map((w) => w.rate)) },
    marks: [
      Plot.dot(shown, { x: "count", y: "rate", r: 2, fill: "var(--theme-foreground-focus)", fillOpacity: 0.35 }),
      Plot.line(guide, { x: "count", y: "rate", stroke: "var(--theme-foreground-muted)", strokeDasharray: "5,4" }),
      Plot.text([guide[0]], { x: "count", y: "rate", text: () => "∝ 1/√count", dy: -10, dx: 4, textAnchor: "start", fill: "var(--theme-foreground-muted)" }),
      sgdRate === undefined ? null : Plot.ruleY([sgdRate], { stroke: "var(--theme-red)", strokeDasharray: "4,3" }),
      sgdRate === undefined ? null : Plot.text([sgdRate], { y: (d: number) => d, text: () => `SGD: η = ${sgdRate} for every word`, frameAnchor: "right", dx: -4, dy: -8, textAnchor: "end", fill: "var(--theme-red)" }),
      Plot.dot(labelled, { x: "count", y: "rate", r: 3.5, stroke: "var(--theme-foreground)", fill: "none" }),
      Plot.text(labelled, { x: "count", y: "rate", text: "word", dy: 12, textAnchor: "middle", fill: "var(--theme-foreground)", stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke" }),
      Plot.tip(shown, Plot.pointer({ x: "count", y: "rate", channels: { word: "word" }, format: { x: true, y: numFormat(3) } })),
    ],
  }), { label: `Each word's effective learning rate against its count`, rows: shown });
}
