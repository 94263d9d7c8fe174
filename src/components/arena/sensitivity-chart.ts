/**
 * SensitivityChart(curves, {width, steps}): what the arena's tuner saw — for
 * each optimizer, the step from which it stays within the target against the
 * learning rate η it was given (log scale). A run that never settles within
 * the target is drawn as ○ (a diverged one as ×) in that optimizer's own row
 * of a band above the curves, one row per optimizer, so failures never hide
 * each other and the window of η that works is visible at a glance: wide for a
 * forgiving optimizer, a sliver for a touchy one. Each row is labelled at
 * its start (in the left margin, in the theme's text colour, beside a dot of
 * the optimizer's colour), so a row is identified by name, not by colour alone.
 */
import * as Plot from "@observablehq/plot";
import type { TunePoint } from "../../lib/arena/tune.js";
import { optimizerColor } from "../optimizer-colors.js";
import type { OptimizerName } from "../../lib/optimizers/registry.js";
import { accessibleFigure } from "../charts/accessible-figure.js";
import { num } from "../format.js";
import { logAxis } from "../log-ticks.js";

export interface SensitivityCurve {
  readonly name: OptimizerName;
  readonly title: string;
  readonly points: readonly TunePoint[];
  /** The chosen η, ringed. */
  readonly best: number;
}

export interface SensitivityChartOptions {
  width?: number;
  height?: number;
  /** The race's step budget. */
  steps: number;
}

export function SensitivityChart(curves: readonly SensitivityCurve[], options: SensitivityChartOptions): SVGSVGElement | HTMLElement {
  const { width = 640, steps } = options;
  // Above the curves, one lane per optimizer for the learning rates that failed:
  // ○ never settled within the target, × diverged — so failures never overplot.
  const lane = steps * 0.07;
  const laneOf = (k: number) => steps * 1.08 + (k + 0.5) * lane;
  const top = laneOf(curves.length - 1) + lane / 2;
  const height = options.height ?? 300 + 18 * curves.length;
  const rows = curves.flatMap((c, k) =>
    c.points.map((p) => ({
      title: c.title,
      lr: p.lr,
      y: p.stepsToTarget ?? laneOf(k),
      reached: p.stepsToTarget !== null,
      diverged: p.diverged,
      best: p.lr === c.best,
      finalLoss: p.finalLoss,
      outcome: p.stepsToTarget !== null ? `stays within the target from step ${p.stepsToTarget}` : p.diverged ? "diverged" : `not reached; final loss ${num(p.finalLoss, 3)}`,
    }))
  );
  const reached = rows.filter((r) => r.reached);
  const titles = curves.map((c) => c.title);
  const lanes = curves.map((c, k) => ({ y: laneOf(k), title: c.title }));
  // room in the left margin for the longest row name (10 px text, ~0.6 em a letter, generous)
  const marginLeft = Math.max(60, Math.ceil(Math.max(...titles.map((t) => t.length)) * 6.2) + 27);
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft,
    marginRight: 16,
    marginTop: 28,
    x: { ...logAxis(rows.map((r) => r.lr), width < 560 ? 4 : 8), label: "learning rate η →" },
    y: {
      label: "↑ steps to target",
      domain: [0, top],
      ticks: [0, steps / 4, steps / 2, (3 * steps) / 4, steps],
      tickFormat: (v: number) => num(v),
      grid: true,
    },
    color: { legend: true, domain: titles, range: curves.map((c) => optimizerColor(c.name)) },
    marks: [
      Plot.rect([{ y1: steps * 1.08, y2: top }], { y1: "y1", y2: "y2", fill: "var(--theme-foreground-faintest)", fillOpacity: 0.35 }),
      Plot.ruleY(lanes, { y: "y", stroke: "title", strokeOpacity: 0.25 }),
      Plot.text(lanes, { y: "y", text: "title", frameAnchor: "left", textAnchor: "end", dx: -19, fontSize: 10, fill: "var(--theme-foreground)" }),
      Plot.dot(lanes, { y: "y", frameAnchor: "left", dx: -12, r: 3.5, fill: "title" }),
      Plot.text([{ y: top, label: width < 560 ? "failed: ○ not reached, × diverged" : "failed: ○ not reached, × diverged (one row per optimizer)" }], { y: "y", text: "label", frameAnchor: "left", textAnchor: "start", dy: -8, fontSize: 10, fill: "var(--theme-foreground-muted)" }),
      Plot.line(reached, { x: "lr", y: "y", stroke: "title", z: "title", strokeWidth: 1.5, marker: "circle-stroke" }),
      Plot.dot(rows.filter((r) => !r.reached), { x: "lr", y: "y", stroke: "title", symbol: (r: { diverged: boolean }) => (r.diverged ? "times" : "circle"), r: 3 }),
      Plot.dot(rows.filter((r) => r.best), { x: "lr", y: "y", stroke: "title", r: 7, strokeWidth: 2 }),
      Plot.tip(rows, Plot.pointer({ x: "lr", y: "y", title: (r: (typeof rows)[number]) => `${r.title}\nη = ${num(r.lr, 3)}\n${r.outcome}` })),
    ],
  }), { label: `Steps to reach the target against the learning rate for ${titles.join(", ")}, with the learning rates that failed in one row per optimizer above`, rows: rows, columns: ["title", "lr", "outcome"] });
}
