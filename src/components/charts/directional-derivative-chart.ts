/**
 * DirectionalDerivativeChart(scan, options): for a step δ in every unit
 * direction u (angle θ from the x₁ axis), the actual change f(x + δu) − f(x)
 * and the first-order prediction δ·uᵀ∇f(x) = δ‖∇f‖cos(angle to ∇f). The
 * prediction is lowest exactly opposite the gradient; the actual change's
 * lowest point moves there as δ shrinks. Takes lib/analysis/steepest-direction's
 * `directionScan`.
 */
import * as Plot from "@observablehq/plot";
import type { DirectionScan } from "../../lib/analysis/steepest-direction.js";
import { accessibleFigure } from "./accessible-figure.js";
import { num, numFormat } from "../format.js";

export interface DirectionalDerivativeChartOptions {
  width?: number;
  height?: number;
  /** The direction currently chosen (radians), drawn as a rule. */
  angle?: number;
}

const deg = (a: number) => (a * 180) / Math.PI;

export function DirectionalDerivativeChart(scan: DirectionScan, options: DirectionalDerivativeChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 260, angle } = options;
  const rows = scan.rows.flatMap((r) => [
    { angle: deg(r.angle), value: r.predicted, series: "first-order prediction δ·uᵀ∇f" },
    { angle: deg(r.angle), value: r.actual, series: "actual f(x + δu) − f(x)" },
  ]);
  const marks: Array<{ angle: number; label: string }> = [
    { angle: deg(scan.steepestAngle), label: "−∇f" },
    { angle: deg(scan.bestActualAngle), label: "best actual" },
  ];
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { domain: [0, 360], label: "direction of u (degrees from the x₁ axis)", ticks: [0, 90, 180, 270, 360], grid: true },
    y: { label: "change in f", grid: true },
    color: { legend: true, domain: ["first-order prediction δ·uᵀ∇f", "actual f(x + δu) − f(x)"], range: ["var(--theme-foreground-muted)", "#e15759"] },
    marks: [
      Plot.ruleY([0], { stroke: "var(--theme-foreground-faint)" }),
      Plot.line(rows.filter((r) => r.series.startsWith("first")), { x: "angle", y: "value", stroke: "series", strokeWidth: 2, strokeDasharray: "5,3" }),
      Plot.line(rows.filter((r) => !r.series.startsWith("first")), { x: "angle", y: "value", stroke: "series", strokeWidth: 2 }),
      Plot.ruleX(marks.slice(0, 1), { x: "angle", stroke: "var(--theme-foreground)", strokeDasharray: "2,3" }),
      Plot.text(marks.slice(0, 1), { x: "angle", frameAnchor: "top", text: "label", dy: 4, dx: 4, textAnchor: "start", fill: "var(--theme-foreground)" }),
      Plot.dot(scan.rows.filter((r) => r.angle === scan.bestActualAngle), { x: (r: { angle: number }) => deg(r.angle), y: "actual", r: 5, fill: "#e15759", stroke: "var(--theme-background)" }),
      angle === undefined ? null : Plot.ruleX([deg(angle)], { stroke: "#4e79a7", strokeWidth: 2 }),
      Plot.tip(rows, Plot.pointerX({ x: "angle", y: "value", stroke: "series", format: { x: (angle: number) => `${num(Math.round(angle))}°`, y: numFormat(4) } })),
    ],
  }), { label: `Change in f against the direction of u, degrees: first-order prediction and actual change; steepest descent at ${Math.round(deg(scan.steepestAngle))}°`, rows: rows, columns: ["series", "angle", "value"] });
}
