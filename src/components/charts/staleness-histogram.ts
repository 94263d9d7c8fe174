/**
 * StalenessHistogram(staleness, {width, height, fill}): how stale the updates
 * of a simulated asynchronous run were — bar τ counts the updates computed
 * from parameters τ writes old. `staleness[τ]` is that count; the last bar
 * holds every τ at or above it when the simulation capped it (`capped`).
 *
 * ```js
 * StalenessHistogram(simulate(problem, {algorithm: "hogwild", workers: 4}).staleness, {width})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { num } from "../format.js";
import { accessibleFigure } from "./accessible-figure.js";

export interface StalenessHistogramOptions {
  width?: number;
  height?: number;
  fill?: string;
}

export interface StalenessStats {
  updates: number;
  /** Mean τ (the last bucket counted at its own τ). */
  mean: number;
  /** The most frequent τ. */
  mode: number;
  /** Whether the last bucket gathers every τ at or above it. */
  capped: boolean;
}

export function stalenessStats(staleness: ArrayLike<number>): StalenessStats {
  let updates = 0, weighted = 0, mode = 0;
  for (let tau = 0; tau < staleness.length; ++tau) {
    updates += staleness[tau];
    weighted += tau * staleness[tau];
    if (staleness[tau] > staleness[mode]) mode = tau;
  }
  return { updates, mean: updates ? weighted / updates : NaN, mode, capped: staleness.length > 0 && staleness[staleness.length - 1] > 0 };
}

export function stalenessSummary(staleness: ArrayLike<number>): string {
  const s = stalenessStats(staleness);
  if (s.updates === 0) return "No updates were made.";
  const last = staleness.length - 1;
  return `${num(s.updates)} updates; the most frequent staleness is τ = ${s.mode} (${num(staleness[s.mode])} updates); mean τ ${s.capped ? "at least " : ""}${num(s.mean)}${s.capped ? ` (the last bar gathers τ ≥ ${last}: ${num(staleness[last])} updates)` : ""}.`;
}

export function StalenessHistogram(staleness: ArrayLike<number>, options: StalenessHistogramOptions = {}): SVGSVGElement | HTMLElement {
  const width = options.width ?? 640;
  const rows = Array.from(staleness, (count, tau) => ({ tau, count })).filter((r) => r.count > 0);
  const capped = stalenessStats(staleness).capped;
  const chart = Plot.plot({
    width,
    height: options.height ?? 180,
    marginLeft: 56,
    x: { label: `staleness τ${capped ? ` (last bar: τ ≥ ${staleness.length - 1})` : ""} →` },
    y: { label: "↑ updates", grid: true },
    marks: [Plot.rectY(rows, { x1: (d) => d.tau - 0.45, x2: (d) => d.tau + 0.45, y: "count", fill: options.fill ?? "#4269d0" }), Plot.ruleY([0])],
  });
  return accessibleFigure(chart, {
    label: "Histogram of the staleness τ of the updates: how many writes old the parameters were when each gradient was computed",
    summary: stalenessSummary(staleness),
    rows,
    columns: [{ label: capped ? "staleness τ (last row: τ or more)" : "staleness τ", value: "tau" }, { label: "updates", value: "count" }],
  });
}
