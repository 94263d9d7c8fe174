/**
 * SensitivityMultiples(points, options): one small panel per optimizer — its
 * validation loss against the learning rate over the whole grid (median over
 * seeds as a line, the range over seeds as a band), the selected η of each
 * seed as ticks, diverged grid points as crosses on the top edge. Small
 * multiples instead of twelve overlapping lines; the panels share both axes,
 * relative to each optimizer's default η₀ when `relative`.
 */
import * as Plot from "@observablehq/plot";
import { num } from "../format.js";
import { logAxis } from "../log-ticks.js";
import { accessibleFigure } from "./accessible-figure.js";

export interface SensitivityPoint {
  label: string;
  color: string;
  lr: number;
  /** lr / lr0. */
  rel: number;
  median: number;
  min: number;
  max: number;
  /** Seeds that diverged at this η. */
  diverged: number;
}

export function SensitivityMultiples(points: readonly SensitivityPoint[], options: { width?: number; relative?: boolean; selected: readonly { label: string; lr: number; rel: number }[]; task: string }): SVGSVGElement | HTMLElement {
  const { width = 640, relative = false, selected, task } = options;
  const labels = [...new Set(points.map((p) => p.label))];
  const columns = width < 520 ? 2 : width < 800 ? 3 : 4;
  const cell = new Map(labels.map((l, i) => [l, { fx: i % columns, fy: Math.floor(i / columns) }]));
  const x = (p: { lr: number; rel: number }) => (relative ? p.rel : p.lr);
  const finite = points.filter((p) => Number.isFinite(p.max));
  const top = Math.max(...finite.map((p) => p.max));
  const bottom = Math.min(...finite.map((p) => p.min));
  // Above twice the loss at the smallest η (≈ the untrained loss) the curve is clipped: the minimum is what matters.
  const start = Math.max(...labels.map((l) => points.filter((p) => p.label === l && Number.isFinite(p.median)).sort((a, b) => a.lr - b.lr)[0]?.median ?? 0));
  const ceiling = Math.min(top * 1.5, start > 0 ? 2 * start : Infinity);
  const at = <T extends { label: string }>(rows: readonly T[]) => rows.map((r) => ({ ...r, ...cell.get(r.label)! }));
  const ok = at(points.filter((p) => Number.isFinite(p.median)));
  const bad = at(points.filter((p) => p.diverged > 0)).map((p) => ({ ...p, y: ceiling }));
  const rows = Math.ceil(labels.length / columns);
  return accessibleFigure(Plot.plot({
    width,
    height: rows * 130 + 60,
    marginLeft: 48,
    marginTop: 24,
    fx: { axis: null },
    fy: { axis: null },
    x: { ...logAxis(points.map(x), 3), label: relative ? "η / the optimizer's default →" : "learning rate η →" },
    y: { ...logAxis([bottom / 1.2, ceiling * 1.2], 3), label: "↑ validation loss (clipped at the top)", domain: [bottom / 1.2, ceiling * 1.2], clamp: true },
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      Plot.text(at(labels.map((label) => ({ label }))), { fx: "fx", fy: "fy", text: "label", frameAnchor: "top-left", dx: 4, dy: 4, fontWeight: "bold" }),
      Plot.areaY(ok, { fx: "fx", fy: "fy", x, y1: "min", y2: "max", fill: "color", fillOpacity: 0.25, z: "label" }),
      Plot.line(ok, { fx: "fx", fy: "fy", x, y: "median", stroke: "color", strokeWidth: 2, z: "label" }),
      Plot.tickX(at(selected), { fx: "fx", fy: "fy", x, stroke: "currentColor", strokeDasharray: "3,2", strokeOpacity: 0.6 }),
      Plot.dot(bad, { fx: "fx", fy: "fy", x, y: "y", symbol: "times", stroke: "color", r: 4 }),
    ],
  }), {
    label: `${task}: validation loss against learning rate, one panel per optimizer (median and range over seeds; dashed ticks: each seed's selected η; crosses: diverged)`,
    rows: points.map((p) => ({ optimizer: p.label, lr: num(p.lr), "validation loss (median)": Number.isFinite(p.median) ? num(p.median) : "diverged", range: Number.isFinite(p.max) ? `${num(p.min)}–${num(p.max)}` : p.diverged ? "diverged" : "—" })),
    maxRows: 400,
  });
}
