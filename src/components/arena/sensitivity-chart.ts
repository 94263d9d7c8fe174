/**
 * SensitivityChart(curves, {width, steps}): what the arena's tuner saw — for
 * each optimizer, the step from which it stays within the target against the
 * learning rate η it was given (log scale). A run that never settles within
 * the target is drawn on the "not reached" row at the top, a diverged one on
 * the "diverged" row above it, so the window of η that works is visible at a
 * glance: wide for a forgiving optimizer, a sliver for a touchy one.
 */
import * as Plot from "@observablehq/plot";
import type { TunePoint } from "../../lib/arena/tune.js";
import { optimizerColor } from "../optimizer-colors.js";
import type { OptimizerName } from "../../lib/optimizers/registry.js";
import { accessibleFigure } from "../charts/accessible-figure.js";

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
  const { width = 640, height = 320, steps } = options;
  const notReached = steps * 1.1, diverged = steps * 1.22;
  const rows = curves.flatMap((c) =>
    c.points.map((p) => ({
      title: c.title,
      lr: p.lr,
      y: p.stepsToTarget ?? (p.diverged ? diverged : notReached),
      reached: p.stepsToTarget !== null,
      diverged: p.diverged,
      best: p.lr === c.best,
      finalLoss: p.finalLoss,
    }))
  );
  const reached = rows.filter((r) => r.reached);
  const titles = curves.map((c) => c.title);
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 60,
    marginRight: 16,
    marginTop: 28,
    x: { type: "log", label: "learning rate η →", tickFormat: "~g", ticks: 6 },
    y: {
      label: "↑ steps to target",
      domain: [0, diverged * 1.04],
      ticks: [0, steps / 4, steps / 2, (3 * steps) / 4, steps],
      grid: true,
    },
    color: { legend: true, domain: titles, range: curves.map((c) => optimizerColor(c.name)) },
    marks: [
      Plot.ruleY([notReached], { stroke: "var(--theme-foreground-faintest)", strokeWidth: 10 }),
      Plot.ruleY([diverged], { stroke: "var(--theme-foreground-faintest)", strokeWidth: 10 }),
      Plot.text([{ y: notReached, label: "not reached" }, { y: diverged, label: "diverged" }], { y: "y", text: "label", frameAnchor: "right", textAnchor: "end", dy: -9, fontSize: 10, fill: "var(--theme-foreground-muted)" }),
      Plot.line(reached, { x: "lr", y: "y", stroke: "title", z: "title", strokeWidth: 1.5, marker: "circle-stroke" }),
      Plot.dot(rows.filter((r) => !r.reached), { x: "lr", y: "y", stroke: "title", symbol: (r: { diverged: boolean }) => (r.diverged ? "times" : "circle"), r: 3 }),
      Plot.dot(rows.filter((r) => r.best), { x: "lr", y: "y", stroke: "title", r: 7, strokeWidth: 2 }),
      Plot.tip(rows, Plot.pointer({ x: "lr", y: "y", title: (r: (typeof rows)[number]) => `${r.title}\nη = ${r.lr.toPrecision(3)}\n${r.reached ? `stays within the target from step ${r.y}` : r.diverged ? "diverged" : `not reached; final loss ${r.finalLoss.toPrecision(3)}`}` })),
    ],
  }), { label: `Steps to reach the target against the learning rate for ${titles.join(", ")}`, rows: rows, columns: ["title", "lr", "y", "reached", "diverged", "finalLoss"] });
}
