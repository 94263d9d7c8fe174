/**
 * EarlyStoppingChart(run, options): training and validation loss per epoch,
 * with the best validation epoch and the epoch where patience ran out marked.
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";
import { num } from "../format.js";
import { logAxis } from "../log-ticks.js";

export interface EarlyStoppingRun {
  /** Training loss after each epoch (of the full run, not stopped). */
  train: ArrayLike<number>;
  /** Validation loss after each epoch. */
  validation: ArrayLike<number>;
  /** 1-based epoch of the lowest validation loss seen before stopping. */
  bestEpoch: number;
  /** 1-based epoch where patience ran out, or null if it never did. */
  stopEpoch: number | null;
}

export interface EarlyStoppingChartOptions {
  width?: number;
  height?: number;
  /** A log y axis (default false). */
  log?: boolean;
}

export function EarlyStoppingChart(run: EarlyStoppingRun, options: EarlyStoppingChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280, log = false } = options;
  const rows = [
    ...Array.from(run.train, (loss, k) => ({ epoch: k + 1, loss, set: "training" })),
    ...Array.from(run.validation, (loss, k) => ({ epoch: k + 1, loss, set: "validation" })),
  ].filter((r) => Number.isFinite(r.loss) && (!log || r.loss > 0));
  // Two labels on two lines, so they never overlap when the epochs are close.
  const marks = [
    { epoch: run.bestEpoch, text: `best: epoch ${run.bestEpoch}`, dy: -30 },
    ...(run.stopEpoch !== null ? [{ epoch: run.stopEpoch, text: `stop: epoch ${run.stopEpoch}`, dy: -16 }] : []),
  ];
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    marginTop: 44,
    x: { label: "epoch", grid: true },
    y: { label: null, grid: true, ...(log ? logAxis(rows.map((r) => r.loss)) : {}) },
    color: { legend: true, domain: ["training", "validation"] },
    marks: [
      Plot.ruleX(marks, { x: "epoch", stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3" }),
      ...marks.map((m) => Plot.text([m], { x: "epoch", text: "text", frameAnchor: "top", dy: m.dy, fill: "var(--theme-foreground-muted)", fontSize: 11, textAnchor: "start", dx: 3 })),
      Plot.line(rows, { x: "epoch", y: "loss", stroke: "set", strokeWidth: 1.8 }),
      Plot.tip(rows, Plot.pointerX({ x: "epoch", y: "loss", stroke: "set", format: { x: true, y: (v: number) => num(v, 4) } } as Plot.TipOptions)),
    ],
  }), { label: `Training and validation loss against epoch; best epoch ${run.bestEpoch}${run.stopEpoch !== null ? `, stopped at epoch ${run.stopEpoch}` : ""}`, rows: rows, columns: ["set", "epoch", "loss"] });
}
