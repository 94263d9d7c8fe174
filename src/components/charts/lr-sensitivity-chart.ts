/**
 * LrSensitivityChart(runs, {contenders, task, width, relative}): the final
 * training loss of every grid point against its learning rate, one line per
 * optimizer — how sensitive each method is to its learning rate. Diverged
 * points are drawn as crosses on the top edge ("diverged"), never dropped.
 * With `relative`, the x axis is lr / lr₀ (the optimizer's default).
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { num, tickNum } from "../format.js";
import { decadeTicks } from "../log-ticks.js";

export interface SensitivityRun { contender: string; k: number; lr: number; loss: number; diverged: boolean }

export function LrSensitivityChart(
  runs: readonly SensitivityRun[],
  options: { contenders: readonly { name: string; label: string }[]; colors: { domain: string[]; range: string[] }; width?: number; height?: number; relative?: boolean; floor?: number }
): SVGSVGElement | HTMLElement {
  const { contenders, colors, width = 640, height = 320, relative = false, floor } = options;
  const label = new Map(contenders.map((c) => [c.name, c.label]));
  const rows = runs.filter((r) => label.has(r.contender)).map((r) => ({ ...r, label: label.get(r.contender)!, x: relative ? 10 ** (r.k / 2) : r.lr }));
  const finite = rows.filter((r) => Number.isFinite(r.loss) && r.loss > 0);
  const top = finite.length ? Math.max(...finite.map((r) => r.loss)) : 1;
  const bottom = finite.length ? Math.min(...finite.map((r) => r.loss)) : 0.1;
  const ceiling = top * 1.6;
  const diverged = rows.filter((r) => !Number.isFinite(r.loss));
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { type: "log", label: relative ? "learning rate / the optimizer's default →" : "learning rate →", grid: true, tickFormat: tickNum, ticks: decadeTicks(rows.map((r) => r.x)) },
    y: { type: "log", label: "↑ final training loss", grid: true, tickFormat: tickNum, ticks: decadeTicks([bottom / 1.3, ceiling * 1.05]), domain: [bottom / 1.3, ceiling * 1.05] },
    color: { ...colors, legend: true },
    marks: [
      ...(floor !== undefined ? [Plot.ruleY([floor], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3" })] : []),
      Plot.line(finite, { x: "x", y: "loss", stroke: "label", z: "label", strokeWidth: 1.6, marker: "circle-stroke" }),
      Plot.dot(diverged, { x: "x", y: ceiling, stroke: "label", symbol: "times", r: 5, strokeWidth: 2 }),
      Plot.text(diverged.length ? [0] : [], { frameAnchor: "top-right", text: () => "× diverged", dy: 2, fontSize: 11, fill: "var(--theme-foreground-muted)" }),
      Plot.tip(finite, Plot.pointer({ x: "x", y: "loss", title: (d) => `${d.label}\nlr = ${num(d.lr)}\nloss = ${num(d.loss, 4)}` })),
    ],
  }), { label: `Final loss against the learning rate for ${contenders.map((c) => c.label).join(", ")}`, rows: rows, columns: ["label", "lr", "loss"] });
}
