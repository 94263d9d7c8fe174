/**
 * NesterovStepDiagram(objective, state, options): one step of classical
 * momentum and one of Nesterov's method from the same point θ and velocity v
 * (the velocity form: θ ← θ − v), drawn as arrows on the contour map, zoomed
 * on the step:
 * - momentum: the gradient step −η∇J(θ) (at θ), then the jump −γv;
 * - Nesterov: the jump −γv to the look-ahead point, the correction
 *   −η∇J(θ − γv) measured there, and the resulting update.
 *
 * ```js
 * NesterovStepDiagram(ravine(), {theta: [-3, 1], v: [-0.5, 0.8], lr: 0.1, gamma: 0.9}, {width})
 * ```
 */
import * as Plot from "@observablehq/plot";
import type { Objective } from "../../lib/types.js";
import { num, point } from "../format.js";
import { accessibleFigure } from "./accessible-figure.js";
import { ContourMap } from "./contour-map.js";

export interface NesterovStepState {
  theta: ArrayLike<number>;
  /** The velocity v of the form θ ← θ − v (a displacement). */
  v: ArrayLike<number>;
  lr: number;
  gamma: number;
}

export const STEP_COLORS = {
  jump: "#a16207",
  correction: "#dc2626",
  nesterov: "#16a34a",
  gradient: "#60a5fa",
  momentum: "#1d4ed8",
} as const;

/** The five points of the diagram: where each method starts, looks and lands. */
export interface NesterovStepPoints {
  theta: [number, number];
  /** θ − γv: Nesterov's look-ahead point, where it measures the gradient. */
  look: [number, number];
  /** θ − γv − η∇J(θ − γv): Nesterov's new θ. */
  nesterov: [number, number];
  /** θ − η∇J(θ): the end of momentum's gradient step. */
  gradEnd: [number, number];
  /** θ − η∇J(θ) − γv: momentum's new θ. */
  momentum: [number, number];
}

export function nesterovStepPoints(objective: Objective, s: NesterovStepState): NesterovStepPoints {
  const [t1, t2] = [s.theta[0], s.theta[1]];
  const jump = [-s.gamma * s.v[0], -s.gamma * s.v[1]];
  const look: [number, number] = [t1 + jump[0], t2 + jump[1]];
  const g0 = objective.grad(Float64Array.from([t1, t2]), new Float64Array(2));
  const gl = objective.grad(Float64Array.from(look), new Float64Array(2));
  const gradEnd: [number, number] = [t1 - s.lr * g0[0], t2 - s.lr * g0[1]];
  return {
    theta: [t1, t2],
    look,
    nesterov: [look[0] - s.lr * gl[0], look[1] - s.lr * gl[1]],
    gradEnd,
    momentum: [gradEnd[0] + jump[0], gradEnd[1] + jump[1]],
  };
}

/** The diagram's text alternative: its accessible name, a summary in words and the table of its points. */
export function nesterovStepText(p: NesterovStepPoints, s: NesterovStepState) {
  const label = `One step of momentum and of Nesterov's method from θ = ${point(p.theta)} (η = ${num(s.lr)}, γ = ${num(s.gamma)}), drawn as arrows on the contour map`;
  const summary =
    `Nesterov jumps by −γv from θ = ${point(p.theta)} to the look-ahead point θ − γv = ${point(p.look)}, ` +
    `measures the gradient there and corrects by −η∇J(θ − γv), landing at ${point(p.nesterov)}. ` +
    `Momentum takes the gradient step −η∇J(θ) at θ to ${point(p.gradEnd)}, then the same jump −γv, landing at ${point(p.momentum)}.`;
  const rows = [
    { point: "θ (start of both steps)", x1: p.theta[0], x2: p.theta[1] },
    { point: "θ − γv (Nesterov's look-ahead)", x1: p.look[0], x2: p.look[1] },
    { point: "Nesterov's new θ", x1: p.nesterov[0], x2: p.nesterov[1] },
    { point: "θ − η∇J(θ) (momentum's gradient step)", x1: p.gradEnd[0], x2: p.gradEnd[1] },
    { point: "momentum's new θ", x1: p.momentum[0], x2: p.momentum[1] },
  ];
  return { label, summary, rows, columns: [{ label: "point", value: "point" as const }, { label: "x₁", value: "x1" as const }, { label: "x₂", value: "x2" as const }] };
}

export function NesterovStepDiagram(objective: Objective, s: NesterovStepState, options: { width?: number } = {}): SVGSVGElement | HTMLElement {
  const width = options.width ?? 640;
  const p = nesterovStepPoints(objective, s);
  const [t1, t2] = p.theta;
  const { look, nesterov: nag, gradEnd, momentum: mom } = p;
  const pts = [[t1, t2], look, nag, gradEnd, mom];
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  let [xa, xb, ya, yb] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(xb - xa, yb - ya, 1e-3) * 0.7;
  const cx = (xa + xb) / 2, cy = (ya + yb) / 2;
  const aspect = 0.7;
  [xa, xb] = [cx - span, cx + span];
  [ya, yb] = [cy - span * aspect, cy + span * aspect];
  const arrows = [
    { kind: "−η∇J(θ): momentum's gradient step", a: [t1, t2], b: gradEnd, color: STEP_COLORS.gradient, dash: "4,3" },
    { kind: "−γv: momentum's jump", a: gradEnd, b: mom, color: STEP_COLORS.momentum, dash: "4,3" },
    { kind: "−γv: Nesterov's jump", a: [t1, t2], b: look, color: STEP_COLORS.jump, dash: null },
    { kind: "−η∇J(θ − γv): the correction", a: look, b: nag, color: STEP_COLORS.correction, dash: null },
    { kind: "Nesterov's update", a: [t1, t2], b: nag, color: STEP_COLORS.nesterov, dash: null },
  ].map((r) => ({ ...r, x1: r.a[0], y1: r.a[1], x2: r.b[0], y2: r.b[1] }));
  const marks = [
    ...arrows.map((r) =>
      Plot.arrow([r], { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: r.color, strokeWidth: 2.5, headLength: 10, ...(r.dash ? { strokeDasharray: r.dash } : {}) })
    ),
    Plot.dot([{ x: t1, y: t2 }], { x: "x", y: "y", r: 5, fill: "var(--theme-foreground)" }),
    Plot.text([{ x: t1, y: t2 }], { x: "x", y: "y", text: () => "θ", dx: -10, dy: -8, fill: "currentColor", fontSize: 14 }),
    Plot.dot([{ x: look[0], y: look[1] }], { x: "x", y: "y", r: 4, stroke: STEP_COLORS.jump, fill: "var(--theme-background)" }),
    Plot.text([{ x: look[0], y: look[1] }], { x: "x", y: "y", text: () => "θ − γv", dx: 8, dy: -8, textAnchor: "start", fill: STEP_COLORS.jump, fontSize: 12 }),
  ];
  const text = nesterovStepText(p, s);
  // ContourMap names the map generically (no paths, no rows); this names what the diagram shows.
  return accessibleFigure(ContourMap(objective, [], { width, x: [xa, xb], y: [ya, yb], marks, levels: 24 }), text);
}
