/**
 * DescentLemmaChart(profile, options): one gradient step of length η drawn
 * against η — the actual f(x − η∇f(x)) and the descent lemma's upper-bound
 * parabola f(x) − η(1 − Lη/2)‖∇f‖². Marks η = 1/L, where the bound is lowest
 * (its guaranteed decrease ‖∇f‖²/(2L)), and η = 2/L, where the bound is back at
 * f(x) and guarantees nothing; optionally the current η. Takes
 * lib/analysis/descent-lemma's `descentLemmaProfile`.
 */
import * as Plot from "@observablehq/plot";
import type { DescentLemmaProfile } from "../../lib/analysis/descent-lemma.js";
import { num, numFormat } from "../format.js";

export interface DescentLemmaChartOptions {
  width?: number;
  height?: number;
  /** The current step η, drawn as a rule with both values. */
  eta?: number;
}

export function DescentLemmaChart(profile: DescentLemmaProfile, options: DescentLemmaChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280, eta } = options;
  const { rows, f0, bestEta, bestDecrease, zeroEta } = profile;
  const series = [
    ...rows.map((r) => ({ eta: r.eta, value: r.actual, series: "actual f(x − η∇f)" })),
    ...rows.map((r) => ({ eta: r.eta, value: r.bound, series: "upper bound f(x) − η(1 − Lη/2)‖∇f‖²" })),
  ];
  const etaMax = rows[rows.length - 1].eta;
  const values = series.map((r) => r.value);
  const yMin = Math.min(...values), yMax = Math.min(Math.max(...values), f0 + 1.2 * (f0 - yMin));
  const marks = [
    { eta: bestEta, value: f0 - bestDecrease, label: "1/L: best guaranteed step" },
    { eta: zeroEta, value: f0, label: "2/L: guarantee reaches 0" },
  ];
  return Plot.plot({
    width,
    height,
    marginLeft: 52,
    ariaLabel: `The descent lemma along one gradient step: the actual value of f and its quadratic upper bound against the step η; the bound is lowest at η = 1/L = ${num(bestEta)} and returns to f(x) at η = 2/L = ${num(zeroEta)}`,
    x: { domain: [0, etaMax], label: "step η", grid: true },
    y: { domain: [yMin - 0.05 * (yMax - yMin), yMax], label: "f after the step", grid: true },
    color: { legend: true, domain: ["actual f(x − η∇f)", "upper bound f(x) − η(1 − Lη/2)‖∇f‖²"], range: ["#4e79a7", "#e15759"] },
    marks: [
      Plot.ruleY([f0], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3" }),
      // "f(x)" at the left end of its rule, above the point where both curves start and fall away.
      Plot.text([{ x: 0, y: f0 }], { x: "x", y: "y", text: () => "f(x)", textAnchor: "start", dx: 4, dy: -8, fill: "var(--theme-foreground-muted)" }),
      Plot.line(series, { x: "eta", y: "value", stroke: "series", strokeWidth: 2, clip: true }),
      Plot.ruleX(marks, { x: "eta", stroke: "var(--theme-foreground-muted)", strokeDasharray: "2,3" }),
      Plot.dot(marks, { x: "eta", y: "value", r: 4, fill: "#e15759" }),
      // Each label at the top of its rule, where the curves (which rise away from
      // the minima) leave room: 1/L's to the right of its rule, 2/L's a line lower, to the left.
      Plot.text([marks[0]], { x: "eta", text: "label", frameAnchor: "top", dy: 8, dx: 5, textAnchor: "start", fill: "var(--theme-foreground)" }),
      Plot.text([marks[1]], { x: "eta", text: "label", frameAnchor: "top", dy: 26, dx: -5, textAnchor: "end", fill: "var(--theme-foreground)" }),
      ...(eta === undefined ? [] : [Plot.ruleX([eta], { stroke: "var(--theme-foreground)" })]),
      Plot.tip(series, Plot.pointerX({ x: "eta", y: "value", stroke: "series", format: { x: numFormat(3), y: numFormat(4) } })),
    ],
  });
}
