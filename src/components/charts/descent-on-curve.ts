/**
 * DescentOnCurve(objective, paths, options): a 1-D function f(x) as a curve and
 * each run's iterates on it — x_k drawn at height f(x_k), an arrow from each
 * iterate to the next, the start as a ring and the end as a larger dot. The
 * x range grows to hold every iterate, so a run that oscillates outward or
 * diverges stays in view, and its legend says "diverged at step k" when
 * `minimize` stopped it.
 *
 * ```js
 * DescentOnCurve(parabola(), [{label: "η = 0.2", trajectory: minimize(parabola(), sgd({lr: 0.2}), [10], {steps: 10})}], {width})
 * ```
 */
import * as Plot from "@observablehq/plot";
import type { Objective } from "../../lib/types.js";
import { pathLabel, type Path } from "./paths.js";
import { accessibleFigure } from "./accessible-figure.js";
import { numFormat } from "../format.js";

export interface DescentOnCurveOptions {
  width?: number;
  height?: number;
  /** The x range to draw at least; default the objective's domain, widened to hold every iterate. */
  x?: readonly [number, number];
  /** Draw arrows for the first this many steps (default 40); later steps get dots only. */
  arrows?: number;
  colors?: readonly string[];
  /** Extra Plot marks drawn on top. */
  marks?: Plot.Markish[];
}

export function DescentOnCurve(objective: Objective, paths: readonly Path[], options: DescentOnCurveOptions = {}): SVGSVGElement | HTMLElement {
  if (objective.dim !== 1) throw new RangeError(`DescentOnCurve: the objective must be 1-D, got dim = ${objective.dim}`);
  const { width = 640, height = Math.round(Math.min(360, Math.max(240, width * 0.5))), arrows = 40, colors, marks = [] } = options;
  const rows: Array<{ label: string; step: number; x: number; f: number }> = [];
  let lo = (options.x ?? objective.domain[0])[0];
  let hi = (options.x ?? objective.domain[0])[1];
  for (const path of paths) {
    const t = path.trajectory;
    const label = pathLabel(path);
    for (let k = 0; k <= t.steps; ++k) {
      const x = t.x[k];
      rows.push({ label, step: k, x, f: t.loss[k] });
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  }
  const pad = 0.04 * (hi - lo);
  lo -= pad;
  hi += pad;
  const curve: Array<{ x: number; f: number }> = [];
  const p = new Float64Array(1);
  for (let i = 0; i <= 400; ++i) {
    p[0] = lo + ((hi - lo) * i) / 400;
    curve.push({ x: p[0], f: objective.value(p) });
  }
  const steps: Array<{ label: string; x1: number; f1: number; x2: number; f2: number }> = [];
  for (let i = 1; i < rows.length; ++i) {
    const a = rows[i - 1], b = rows[i];
    if (a.label === b.label && b.step <= arrows) steps.push({ label: b.label, x1: a.x, f1: a.f, x2: b.x, f2: b.f });
  }
  const labels = paths.map(pathLabel);
  const last = labels.map((l) => rows.filter((r) => r.label === l).at(-1)!);
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 52,
    x: { domain: [lo, hi], label: "x", grid: true },
    y: { label: "f(x)", grid: true, nice: true },
    color: { legend: paths.length > 0, domain: labels, ...(colors ? { range: colors as string[] } : {}) },
    marks: [
      Plot.line(curve, { x: "x", y: "f", stroke: "var(--theme-foreground-muted)", strokeWidth: 1.5 }),
      Plot.arrow(steps, { x1: "x1", y1: "f1", x2: "x2", y2: "f2", stroke: "label", strokeWidth: 1.2, strokeOpacity: 0.75, headLength: 6, insetEnd: 3 }),
      Plot.dot(rows, { x: "x", y: "f", fill: "label", r: 2.5 }),
      Plot.dot(rows.filter((r) => r.step === 0), { x: "x", y: "f", stroke: "label", r: 6, strokeWidth: 2 }),
      Plot.dot(last, { x: "x", y: "f", fill: "label", r: 5, stroke: "var(--theme-background)" }),
      Plot.tip(rows, Plot.pointer({ x: "x", y: "f", channels: { step: "step" }, format: { x: numFormat(4), y: numFormat(4) }, stroke: "label" })),
      ...marks,
    ],
  }), { label: `Steps on the curve f(x) for ${labels.join(", ")}`, rows: rows, columns: ["label", "step", "x", "f"] });
}
