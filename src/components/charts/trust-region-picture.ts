/**
 * TrustRegionPicture(objective, x, radius, options): one step from x, two ways,
 * on the contour map. Line search fixes the direction −∇f first and then picks
 * the length (here the exact minimizer along the ray, by golden section); a
 * trust region fixes the length first — a ball of radius Δ where the quadratic
 * model m(p) = f + gᵀp + ½pᵀ∇²f p is trusted — and then picks the direction,
 * the model's minimizer in the ball. The dotted curve is that minimizer for
 * every radius: it starts along −∇f and bends toward the Newton step.
 * The scales of both axes are equal, so the ball is round.
 */
import * as Plot from "@observablehq/plot";
import type { Objective } from "../../lib/types.js";
import { goldenSection } from "../../lib/line-search.js";
import { trustRegionPath, trustRegionStep } from "../../lib/analysis/trust-region.js";
import { ContourMap } from "./contour-map.js";
import { num } from "../format.js";

export interface TrustRegionPictureOptions {
  width?: number;
  x?: readonly [number, number];
  y?: readonly [number, number];
}

export function TrustRegionPicture(objective: Objective, x0: readonly number[], radius: number, options: TrustRegionPictureOptions = {}): SVGSVGElement | HTMLElement {
  if (!objective.hessian || objective.dim !== 2) throw new TypeError("TrustRegionPicture: needs a 2-D objective with a hessian");
  const { width = 640 } = options;
  const xd = options.x ?? objective.domain[0];
  const yd = options.y ?? objective.domain[1];
  const p = Float64Array.from(x0);
  const g = objective.grad(p, new Float64Array(2));
  const B = objective.hessian(p, new Float64Array(4));
  const step = trustRegionStep(g, B, radius);
  const newton = trustRegionStep(g, B, 1e6).p;
  const newtonLength = Math.hypot(newton[0], newton[1]);
  const radii = Array.from({ length: 120 }, (_, i) => (newtonLength * (i + 1)) / 120);
  const path = trustRegionPath(g, B, radii).map((q) => ({ x: p[0] + q[0], y: p[1] + q[1] }));
  const d = [-g[0], -g[1]];
  // The longest α that stays in the box, for the ray and the golden-section bracket.
  let alphaMax = Infinity;
  for (let i = 0; i < 2; ++i) {
    const [lo, hi] = i === 0 ? xd : yd;
    if (d[i] > 0) alphaMax = Math.min(alphaMax, (hi - p[i]) / d[i]);
    if (d[i] < 0) alphaMax = Math.min(alphaMax, (lo - p[i]) / d[i]);
  }
  const ls = goldenSection(objective, p, d, { lo: 0, hi: alphaMax, tol: 1e-6 });
  const lsPoint = { x: p[0] + ls.alpha * d[0], y: p[1] + ls.alpha * d[1] };
  const trPoint = { x: p[0] + step.p[0], y: p[1] + step.p[1] };
  const circle = Array.from({ length: 121 }, (_, i) => ({ x: p[0] + radius * Math.cos((2 * Math.PI * i) / 120), y: p[1] + radius * Math.sin((2 * Math.PI * i) / 120) }));
  const ray = [{ x: p[0], y: p[1] }, { x: p[0] + alphaMax * d[0], y: p[1] + alphaMax * d[1] }];
  const innerWidth = width - 44 - 20;
  const height = Math.round((innerWidth * (yd[1] - yd[0])) / (xd[1] - xd[0]) + 50);
  const LS = "#4e79a7", TR = "#e15759";
  return ContourMap(objective, [], {
    width,
    height,
    x: xd,
    y: yd,
    marks: [
      Plot.line(ray, { x: "x", y: "y", stroke: LS, strokeWidth: 1.5, strokeDasharray: "6,3", clip: true }),
      Plot.line(circle, { x: "x", y: "y", stroke: TR, strokeWidth: 1.5, clip: true }),
      Plot.line(path, { x: "x", y: "y", stroke: TR, strokeWidth: 1.5, strokeDasharray: "1,3", clip: true }),
      Plot.arrow([{ ...lsPoint, x0: p[0], y0: p[1] }], { x1: "x0", y1: "y0", x2: "x", y2: "y", stroke: LS, strokeWidth: 2.5 }),
      Plot.arrow([{ ...trPoint, x0: p[0], y0: p[1] }], { x1: "x0", y1: "y0", x2: "x", y2: "y", stroke: TR, strokeWidth: 2.5 }),
      Plot.dot([{ x: p[0], y: p[1] }], { x: "x", y: "y", r: 5, fill: "var(--theme-foreground)" }),
      Plot.dot([{ x: p[0] + newton[0], y: p[1] + newton[1] }], { x: "x", y: "y", r: 4, stroke: TR, strokeWidth: 1.5 }),
      Plot.text([lsPoint], { x: "x", y: "y", text: () => "line search", fill: LS, dx: 8, textAnchor: "start", fontWeight: "bold", stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke" }),
      Plot.text([trPoint], { x: "x", y: "y", text: () => `trust region, Δ = ${num(radius)}`, fill: TR, dy: 14, textAnchor: "middle", fontWeight: "bold", stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke" }),
      Plot.text([{ x: p[0], y: p[1] }], { x: "x", y: "y", text: () => "x", dx: -10, fontWeight: "bold" }),
    ],
  });
}
