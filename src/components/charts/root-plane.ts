/**
 * RootPlane(roots, options): eigenvalues σ in the complex plane with the unit
 * circle — inside it an eigen-direction converges, outside it diverges; the
 * farthest root from 0 sets the rate. A dashed circle of radius `radius` can
 * mark the rate.
 *
 * ```js
 * RootPlane([{label: "σ₁", re: 0.5, im: 0.3}, {label: "σ₂", re: 0.5, im: -0.3}], {width: 300, radius: 0.58})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { num } from "../format.js";

export interface Root {
  label: string;
  re: number;
  im: number;
}

export interface RootPlaneOptions {
  width?: number;
  /** Draw a dashed circle of this radius (e.g. the rate). */
  radius?: number;
  /** Half-width of the square drawn (default: fits the roots, at least 1.3). */
  extent?: number;
}

const circle = (r: number) => Array.from({ length: 121 }, (_, i) => ({ re: r * Math.cos((i * Math.PI) / 60), im: r * Math.sin((i * Math.PI) / 60) }));

/** Whether root i's label goes above its dot: roots above the real axis, and the first of real roots. */
const above = (r: Root, i: number) => r.im > 0 || (r.im === 0 && i === 0);

export function RootPlane(roots: readonly Root[], options: RootPlaneOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 320, radius } = options;
  const far = Math.max(1.3, ...roots.map((r) => Math.hypot(r.re, r.im) * 1.1));
  const e = options.extent ?? Math.min(far, 4);
  const size = Math.min(width, 360);
  return accessibleFigure(Plot.plot({
    width: size,
    height: size,
    marginLeft: 40,
    x: { domain: [-e, e], label: "Re σ", grid: true },
    y: { domain: [-e, e], label: "Im σ", grid: true },
    marks: [
      Plot.line(circle(1), { x: "re", y: "im", stroke: "var(--theme-foreground-muted)", strokeWidth: 1.5 }),
      radius === undefined || !Number.isFinite(radius) ? null : Plot.line(circle(radius), { x: "re", y: "im", stroke: "var(--descent-accent)", strokeDasharray: "4,3" }),
      Plot.ruleX([0], { stroke: "var(--theme-foreground-faint)" }),
      Plot.ruleY([0], { stroke: "var(--theme-foreground-faint)" }),
      Plot.dot(roots, { x: "re", y: "im", r: 6, fill: "var(--descent-accent)", stroke: "var(--theme-background)", clip: true }),
      // Labels off their dots and off each other: above-right for the upper (or first real) root, below-right for the other.
      Plot.text(roots.filter(above), { x: "re", y: "im", text: "label", dx: 10, dy: -12, fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke", clip: true }),
      Plot.text(roots.filter((r, i) => !above(r, i)), { x: "re", y: "im", text: "label", dx: 10, dy: 14, fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke", clip: true }),
      Plot.tip(roots, Plot.pointer({ x: "re", y: "im", title: (r: Root) => `${r.label} = ${num(r.re)} ${r.im < 0 ? "−" : "+"} ${num(Math.abs(r.im))}i\n|σ| = ${num(Math.hypot(r.re, r.im))}` })),
    ],
  }), { label: `Roots in the complex plane with the unit circle`, rows: roots, columns: ["label", "re", "im"] });
}
