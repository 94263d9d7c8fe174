/**
 * ContourMap(objective, paths, options): the loss surface as contour lines,
 * the known minima as crosses, and each optimizer's path drawn over it —
 * start as a ring, every iterate as a dot, the end as a larger dot. A run that
 * diverged says so in the legend, and its path is clipped where it leaves the map.
 *
 * ```js
 * ContourMap(ravine(), [{label: "GD, η = 0.4", trajectory: minimize(ravine(), sgd({lr: 0.4}), [-5, -2], {steps: 30})}], {width})
 * ```
 */
import * as Plot from "@observablehq/plot";
import type { Objective } from "../../lib/types.js";
import { pointRows, pathLabel, type Path } from "./paths.js";
import { contourLevels, surfaceGrid } from "../surface-grid.js";
import { accessibleFigure } from "./accessible-figure.js";
import { numFormat } from "../format.js";

export interface ContourMapOptions {
  width?: number;
  /** Defaults to keep the box's aspect ratio within [0.45, 1] of the width. */
  height?: number;
  /** The box to draw; defaults to the objective's domain. */
  x?: readonly [number, number];
  y?: readonly [number, number];
  levels?: number;
  scale?: "auto" | "log" | "linear";
  /** Draw a dot at every iterate (default true). */
  dots?: boolean;
  /** Highlight the positions at this step (a hover or scrub). */
  step?: number;
  /** Colors by label; defaults to Plot's categorical scheme. */
  colors?: readonly string[];
  /** Extra Plot marks drawn on top (e.g. a gradient arrow). */
  marks?: Plot.Markish[];
}

export function ContourMap(objective: Objective, paths: readonly Path[], options: ContourMapOptions = {}): SVGSVGElement | HTMLElement {
  const { width: requestedWidth = 640, levels = 18, scale = "auto", dots = true, step, colors, marks = [] } = options;
  // Framework's resize() can report a width near 0 mid-layout; clipped Plot marks then log errors.
  const width = Math.max(240, requestedWidth);
  const x = options.x ?? objective.domain[0];
  const y = options.y ?? objective.domain[1];
  const aspect = Math.min(1, Math.max(0.45, (y[1] - y[0]) / (x[1] - x[0])));
  const height = options.height ?? Math.round(width * aspect);
  // The grid reaches 4% past the box on every side and the contours are
  // clipped to the box, so Plot's closed contour polygons show no seams along the frame.
  const padX = 0.04 * (x[1] - x[0]);
  const padY = 0.04 * (y[1] - y[0]);
  const gx = [x[0] - padX, x[1] + padX] as const;
  const gy = [y[0] - padY, y[1] + padY] as const;
  const grid = surfaceGrid(objective, gx, gy);
  const rows = pointRows(paths);
  const labels = paths.map(pathLabel);
  const last = paths.map((p) => rows.filter((r) => r.label === pathLabel(p)).at(-1)!);
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 44,
    x: { domain: x as [number, number], label: "x₁", ticks: Math.max(3, Math.round(width / 80)) },
    y: { domain: y as [number, number], label: "x₂", ticks: Math.max(3, Math.round(height / 60)) },
    color: { legend: paths.length > 0, domain: labels, ...(colors ? { range: colors as string[] } : {}) },
    marks: [
      Plot.contour(grid.values, {
        width: grid.nx,
        height: grid.ny,
        x1: gx[0],
        x2: gx[1],
        y1: gy[0],
        y2: gy[1],
        clip: true,
        thresholds: contourLevels(grid, levels, scale),
        stroke: "var(--theme-foreground-faint)",
        strokeWidth: 0.8,
        strokeOpacity: 0.9,
        fill: null,
      }),
      Plot.dot(objective.minima.map(([a, b]) => ({ a, b })), { x: "a", y: "b", symbol: "cross", r: 5, stroke: "var(--theme-foreground)", strokeWidth: 1.5 }),
      Plot.line(rows, { x: "x", y: "y", z: "label", stroke: "label", strokeWidth: 1.8, clip: true }),
      dots ? Plot.dot(rows, { x: "x", y: "y", fill: "label", r: 1.8, clip: true }) : null,
      Plot.dot(rows.filter((r) => r.step === 0), { x: "x", y: "y", stroke: "label", r: 5, strokeWidth: 2, clip: true }),
      Plot.dot(last, { x: "x", y: "y", fill: "label", r: 4.5, stroke: "var(--theme-background)", clip: true }),
      step === undefined ? null : Plot.dot(rows.filter((r) => r.step === step), { x: "x", y: "y", fill: "label", r: 6, stroke: "var(--theme-foreground)", strokeWidth: 1.5, clip: true }),
      Plot.tip(rows, Plot.pointer({ x: "x", y: "y", channels: { step: "step", loss: "loss" }, format: { x: numFormat(4), y: numFormat(4), loss: numFormat(4) }, stroke: "label" })),
      ...marks,
    ],
  }), { label: `Contour map of ${objective.name}${labels.length ? ` with the paths of ${labels.join(", ")}` : ""}`, rows: rows, columns: ["label", "step", "x", "y", "loss"] });
}
