/**
 * TuningBudgetChart(rows, options): expected test loss after N tuning runs
 * (random order over the grid, averaged over all orders and the seeds) against
 * N, one panel per family with direct labels at each line's end — which
 * optimizers are cheap to tune. Labels whose lines end close together are
 * moved apart (`dodgeLabels`, at least LABEL_GAP pixels) and joined to their
 * line's end by a short leader line.
 */
import * as Plot from "@observablehq/plot";
import { num } from "../format.js";
import { logAxis } from "../log-ticks.js";
import { dodgeLabels } from "../label-dodge.js";
import { accessibleFigure } from "./accessible-figure.js";

export interface BudgetRow {
  label: string;
  family: string;
  color: string;
  n: number;
  loss: number;
}

/** Least vertical distance between two end labels' centres, in pixels (Plot's 10 px text, plus 2 px). */
export const LABEL_GAP = 12;
/** Horizontal offset of an end label from its line's end, in pixels. */
const LABEL_DX = 10;

/**
 * A render transform for the end labels and their leader lines: per panel,
 * the labels' pixel heights dodged apart by `dodgeLabels` within the panel's
 * plotting range. `channel` is the y channel to move ("y" for text, "y2" for a
 * link's label end); a link keeps only the labels that moved.
 */
function dodged(channel: "y" | "y2", yDomain: readonly number[]): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const y = values[channel] as ArrayLike<number>;
    const bounds = yDomain.map((v) => scales.y!(v) as number).sort((a, b) => a - b) as [number, number];
    const moved = dodgeLabels(Array.from(index, (i) => y[i]), LABEL_GAP, bounds);
    const shifted = Array.from(y);
    index.forEach((i, k) => (shifted[i] = moved[k]));
    if (channel === "y") return next!(index, scales, { ...values, y: shifted } as Plot.ChannelValues, dimensions, context);
    // A leader from just right of the line's end to just left of its moved label.
    const shown = index.filter((i, k) => Math.abs(moved[k] - y[i]) > 1);
    const x1 = Array.from(values.x1 as ArrayLike<number>, (x) => x + 2);
    const x2 = Array.from(values.x2 as ArrayLike<number>, (x) => x + LABEL_DX - 2);
    return next!(shown, scales, { ...values, x1, x2, y2: shifted } as Plot.ChannelValues, dimensions, context);
  };
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
  // Room for the longest end label (≈ 6.2 px a character at Plot's 10 px font): "SGD + cosine annealing" was cut at 390 px.
  const marginRight = Math.max(110, Math.ceil(LABEL_DX + 6.2 * Math.max(...ends.map((r) => r.label.length)) + 4));
  // A panel's width in ems of Plot's 10 px font: titles wider than that wrap (at 390 px "Adagrad / RMSprop / Adadelta" ran over the axis).
  const panelEms = ((width - 52 - marginRight) / columns - 12) / 10;
  return accessibleFigure(Plot.plot({
    width,
    height: Math.ceil(families.length / columns) * 190 + 50,
    marginLeft: 52,
    marginRight,
    marginTop: 24,
    fx: { axis: null },
    fy: { axis: null },
    x: { label: "tuning runs N →", domain: [1, maxN], ticks: 4 },
    y: { ...logAxis(yDomain, 4), label: "↑ expected test loss of the best of N", domain: yDomain, clamp: true },
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      Plot.text(families.map((f) => ({ ...pos.get(f.key)! })), { fx: "fx", fy: "fy", text: "title", frameAnchor: "top", dy: 4, fontWeight: "bold", lineWidth: panelEms }),
      Plot.line(data, { fx: "fx", fy: "fy", x: "n", y: "loss", stroke: "color", strokeWidth: 2, z: "label" }),
      Plot.link(ends, { fx: "fx", fy: "fy", x1: "n", y1: "loss", x2: "n", y2: "loss", stroke: "color", strokeWidth: 1, strokeOpacity: 0.7, render: dodged("y2", yDomain) }),
      Plot.text(ends, { fx: "fx", fy: "fy", x: "n", y: "loss", text: "label", fill: "color", textAnchor: "start", dx: LABEL_DX, render: dodged("y", yDomain) }),
    ],
  }), {
    label: `${task}: expected test loss of the best of N randomly ordered tuning runs against N, per optimizer, in one panel per family`,
    rows: data.map((r) => ({ optimizer: r.label, N: r.n, "expected test loss": num(r.loss) })),
    maxRows: 60,
  });
}
