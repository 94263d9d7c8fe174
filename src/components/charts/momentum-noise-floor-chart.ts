/**
 * MomentumNoiseFloorChart(rows, options): the loss floor of momentum with noisy
 * gradients against β — measured (dots at the seed mean, bars from the lowest
 * to the highest seed) and the closed form (lines), one colour per series, and
 * plain SGD's floor as a dashed reference line.
 *
 * ```js
 * MomentumNoiseFloorChart([{series: "fixed η", beta: 0.9, mean, min, max, predicted}], {width, sgdFloor: 0.13})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { num, tickNum } from "../format.js";
import { decadeTicks } from "../log-ticks.js";

export interface NoiseFloorRow {
  series: string;
  beta: number;
  mean: number;
  min: number;
  max: number;
  predicted: number;
}

export interface NoiseFloorOptions {
  width?: number;
  height?: number;
  /** A horizontal reference: plain SGD's floor. */
  sgdFloor?: number;
  sgdLabel?: string;
}

export function MomentumNoiseFloorChart(rows: readonly NoiseFloorRow[], options: NoiseFloorOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280, sgdFloor, sgdLabel = "plain SGD" } = options;
  const series = [...new Set(rows.map((r) => r.series))];
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { label: "momentum β", domain: [0, 1] },
    y: { type: "log", label: "loss floor E f (noise σ = 1)", grid: true, tickFormat: tickNum, ticks: decadeTicks(rows.flatMap((r) => [r.min, r.max, r.predicted]).concat(sgdFloor === undefined ? [] : [sgdFloor])) },
    color: { legend: true, domain: series, range: ["#2563eb", "#16a34a"] },
    marks: [
      ...(sgdFloor === undefined ? [] : [
        Plot.ruleY([sgdFloor], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "5,4" }),
        Plot.text([sgdFloor], { x: 0.02, y: (d: number) => d, text: () => sgdLabel, textAnchor: "start", dy: -7, fill: "var(--theme-foreground-muted)" }),
      ]),
      Plot.line(rows, { x: "beta", y: "predicted", stroke: "series", strokeWidth: 1.5 }),
      Plot.ruleX(rows, { x: "beta", y1: "min", y2: "max", stroke: "series", strokeWidth: 2 }),
      Plot.dot(rows, { x: "beta", y: "mean", stroke: "series", fill: "var(--theme-background)", r: 4, tip: true, title: (r: NoiseFloorRow) => `${r.series}, β = ${r.beta}\nmeasured ${num(r.mean)} (seeds ${num(r.min)}–${num(r.max)})\nformula ${num(r.predicted)}` }),
    ],
  });
  chart.setAttribute("aria-label", `Loss floor against momentum β: ${series.map((s) => {
    const rs = rows.filter((r) => r.series === s);
    return `${s}, from ${num(rs[0].mean)} at β = ${rs[0].beta} to ${num(rs[rs.length - 1].mean)} at β = ${rs[rs.length - 1].beta}`;
  }).join("; ")}. Lines: the closed form; dots and bars: the measured mean and the seeds' range.`);
  return chart;
}
