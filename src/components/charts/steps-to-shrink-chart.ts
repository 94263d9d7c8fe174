/**
 * StepsToShrinkChart(rows, options): how many steps each method needs to shrink
 * the error of a quadratic by a fixed factor, against the condition number
 * κ = L/μ, on log–log axes — one line per method, and optionally a dashed rule
 * at the κ a slider picks. A method whose rate per step is r needs
 * ⌈log(factor)/log r⌉ steps, so GD's O(κ) and the accelerated methods' O(√κ)
 * show as slopes 1 and ½.
 *
 * ```js
 * StepsToShrinkChart(kRows, {width, kappa: 20, factor: "10⁶"})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { num } from "../format.js";
import { accessibleFigure } from "./accessible-figure.js";
import { logAxis } from "../log-ticks.js";

export interface StepsRow {
  kappa: number;
  method: string;
  /** Steps to shrink the error by the factor (finite and positive). */
  steps: number;
}

export interface StepsToShrinkChartOptions {
  width?: number;
  height?: number;
  /** The κ to mark with a dashed rule (a slider's value). */
  kappa?: number;
  /** The shrink factor as text for the axis and the name ("10⁶"). */
  factor?: string;
}

/** The κ of the grid nearest to `kappa` on the log scale. */
function nearestKappa(rows: readonly StepsRow[], kappa: number): number {
  let best = rows[0].kappa;
  for (const r of rows) if (Math.abs(Math.log(r.kappa / kappa)) < Math.abs(Math.log(best / kappa))) best = r.kappa;
  return best;
}

export function StepsToShrinkChart(rows: readonly StepsRow[], options: StepsToShrinkChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width: requestedWidth = 640, height = 260, kappa, factor = "10⁶" } = options;
  const width = Math.max(240, requestedWidth);
  const methods = [...new Set(rows.map((r) => r.method))];
  const kappas = rows.map((r) => r.kappa);
  const [kMin, kMax] = [Math.min(...kappas), Math.max(...kappas)];
  // The summary reads the grid point nearest the marked κ (the grid's last without one).
  const at = rows.length ? nearestKappa(rows, kappa ?? kMax) : NaN;
  const summary =
    `At κ = ${num(at, 3)}: ` +
    methods
      .map((m) => {
        const r = rows.find((x) => x.method === m && x.kappa === at);
        return r ? `${m} ${num(Math.ceil(r.steps), 6)} steps` : `${m} —`;
      })
      .join(", ") +
    ".";
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { ...logAxis(kappas), label: "condition number κ", grid: true },
    y: { ...logAxis(rows.map((r) => r.steps)), label: `steps to shrink the error ${factor}×`, grid: true },
    color: { legend: true, domain: methods },
    marks: [
      Plot.line(rows, { x: "kappa", y: "steps", stroke: "method", strokeWidth: 2 }),
      kappa === undefined ? null : Plot.ruleX([kappa], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3" }),
      Plot.tip(rows, Plot.pointerX({ x: "kappa", y: "steps", stroke: "method", format: { x: (v: number) => num(v, 3), y: (v: number) => num(Math.round(v), 9) } } as Plot.TipOptions)),
    ],
  });
  return accessibleFigure(chart, {
    label: `Steps to shrink the error ${factor}-fold against the condition number κ from ${num(kMin, 3)} to ${num(kMax, 3)}, on log–log axes, for ${methods.join(", ")}`,
    summary,
    rows,
    columns: [
      { label: "κ", value: "kappa" },
      { label: "method", value: "method" },
      { label: "steps", value: (r) => Math.ceil(r.steps) },
    ],
  });
}
