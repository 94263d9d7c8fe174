/**
 * SaddleEscapeChart({lr, width}): on the saddle x² − y², started at (−1, y₀),
 * the number of steps each optimizer needs to reach |y| ≥ 1, against |y₀| on
 * a log scale — measured by running it — with gradient descent's closed form
 * ⌈ln(1/|y₀|)/ln(1 + 2η)⌉ as a dashed line. Every optimizer gets the same η.
 */
import * as Plot from "@observablehq/plot";
import { escapeSteps, gdEscapeSteps } from "../../lib/arena/escape.js";
import { optimizerInfo, type OptimizerName } from "../../lib/optimizers/registry.js";
import { optimizerColor } from "../optimizer-colors.js";
import { accessibleFigure } from "./accessible-figure.js";
import { tickNum } from "../format.js";
import { logAxis } from "../log-ticks.js";

export interface SaddleEscapeOptions {
  lr: number;
  width?: number;
  height?: number;
  names?: readonly OptimizerName[];
}

export const ESCAPE_OFFSETS = Array.from({ length: 15 }, (_, k) => 10 ** -(k + 1));

export function saddleEscapeRows(lr: number, names: readonly OptimizerName[]) {
  return names.flatMap((name) =>
    ESCAPE_OFFSETS.map((y0) => ({ title: optimizerInfo(name).title, name, y0, steps: escapeSteps(name, { lr }, y0, { steps: 2000 }) }))
  );
}

export function SaddleEscapeChart({ lr, width = 640, height = 300, names = ["sgd", "momentum", "adagrad", "rmsprop", "adam"] }: SaddleEscapeOptions): SVGSVGElement | HTMLElement {
  const rows = saddleEscapeRows(lr, names).filter((r) => r.steps !== null);
  const formula = ESCAPE_OFFSETS.map((y0) => ({ y0, steps: gdEscapeSteps(lr, y0) }));
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 52,
    x: { ...logAxis(ESCAPE_OFFSETS), label: "|y₀|, the start's distance from the ridge →", reverse: true },
    y: { label: "↑ steps until |y| ≥ 1", grid: true, zero: true },
    color: { legend: true, domain: names.map((n) => optimizerInfo(n).title), range: names.map(optimizerColor) },
    marks: [
      Plot.line(formula, { x: "y0", y: "steps", strokeDasharray: "5,4", stroke: "var(--theme-foreground-muted)" }),
      Plot.text(formula.slice(-1), { x: "y0", y: "steps", text: () => "GD, closed form", dy: -10, textAnchor: "end", fill: "var(--theme-foreground-muted)", fontSize: 11 }),
      Plot.line(rows, { x: "y0", y: "steps", stroke: "title", z: "title", strokeWidth: 1.8, marker: "circle-stroke" }),
      Plot.tip(rows, Plot.pointer({ x: "y0", y: "steps", title: (r: (typeof rows)[number]) => `${r.title}\n|y₀| = ${tickNum(r.y0)}\n${r.steps} steps` })),
    ],
  }), { label: `Steps to leave the saddle against the starting offset |y₀| at η = ${lr}`, rows: rows, columns: ["title", "y0", "steps"] });
}
