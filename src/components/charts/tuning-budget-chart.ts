/**
 * TuningBudgetChart(rows, options): expected test loss after N tuning runs
 * (random order over the grid, averaged over all orders and the seeds) against
 * N, one panel per family with direct labels at each line's end — which
 * optimizers are cheap to tune.
 */
import * as Plot from "@observablehq/plot";
import { num } from "../format.js";
import { logAxis } from "../log-ticks.js";
import { accessibleFigure } from "./accessible-figure.js";

export interface BudgetRow {
  label: string;
  family: string;
  color: string;
  n: number;
  loss: number;
}

export function TuningBudgetChart(rows: readonly BudgetRow[], options: { width?: number; task: string; families: readonly { key: string; title: string }[]; ceiling?: number }): SVGSVGElement | HTMLElement {
  const { width = 640, task, families, ceiling = Infinity } = options;
  const columns = width < 520 ? 1 : 2;
  const pos = new Map(families.map((f, i) => [f.key, { fx: i % columns, fy: Math.floor(i / columns), title: f.title }]));
  const data = rows.filter((r) => pos.has(r.family)).map((r) => ({ ...r, ...pos.get(r.family)! }));
  const ends = [...new Map(data.map((r) => [r.label, r])).keys()].map((l) => data.filter((r) => r.label === l).at(-1)!);
  const finite = data.filter((r) => Number.isFinite(r.loss)).map((r) => r.loss);
  const maxN = Math.max(...data.map((r) => r.n));
  const yDomain = [Math.min(...finite) / 1.05, Math.min(ceiling, Math.max(...finite) * 1.05)];
  return accessibleFigure(Plot.plot({
    width,
    height: Math.ceil(families.length / columns) * 190 + 50,
    marginLeft: 52,
    marginRight: 110,
    marginTop: 24,
    fx: { axis: null },
    fy: { axis: null },
    x: { label: "tuning runs N →", domain: [1, maxN], ticks: 4 },
    y: { ...logAxis(yDomain, 4), label: "↑ expected test loss of the best of N", domain: yDomain, clamp: true },
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      Plot.text(families.map((f) => ({ ...pos.get(f.key)! })), { fx: "fx", fy: "fy", text: "title", frameAnchor: "top", dy: 4, fontWeight: "bold" }),
      Plot.line(data, { fx: "fx", fy: "fy", x: "n", y: "loss", stroke: "color", strokeWidth: 2, z: "label" }),
      Plot.text(ends, { fx: "fx", fy: "fy", x: "n", y: "loss", text: "label", fill: "color", textAnchor: "start", dx: 4 }),
    ],
  }), {
    label: `${task}: expected test loss of the best of N randomly ordered tuning runs against N, per optimizer, in one panel per family`,
    rows: data.map((r) => ({ optimizer: r.label, N: r.n, "expected test loss": num(r.loss) })),
    maxRows: 60,
  });
}
