/**
 * TrainingCurves(runs, options): the training loss of each run against epochs
 * or against time, as D2L's figures in §11.5 — optionally as the gap to the
 * least-squares minimum on a log scale, where the noise floors show. A run that
 * diverged ends there and says so in the legend; an unfinished run (still
 * training) is drawn as far as it got. A `train` result has the fields of a
 * run; give it a label:
 *
 * ```js
 * TrainingCurves([{label: "SGD", ...train(model, data, sgd({lr: 0.01}), {epochs: 4})}], {width, minLoss: 0.183, minLossLabel: "least squares"})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { decadeTicks } from "../log-ticks.js";
import { accessibleFigure } from "./accessible-figure.js";
import { num, numFormat, tickNum } from "../format.js";

export interface TrainingRun {
  label: string;
  /** The points of `train`'s curve: examples seen, epochs, loss, time, validation loss. */
  curve: readonly { epoch: number; loss: number; time: number; validationLoss?: number }[];
  diverged?: boolean;
  divergedAt?: { epoch: number } | null;
  /** Milliseconds per epoch measured separately; the time axis is epoch × msPerEpoch when given. */
  msPerEpoch?: number;
}

export interface TrainingCurvesOptions {
  width?: number;
  height?: number;
  /** "epoch" or "time" (milliseconds, log scale). */
  x?: "epoch" | "time";
  /** The least-squares minimum: draw it as a rule, or plot loss − minLoss with `gap`. */
  minLoss?: number;
  /** A label written on the minLoss rule (e.g. "least squares"); none by default. */
  minLossLabel?: string;
  gap?: boolean;
  /** A log y axis (default: with `gap`). */
  logY?: boolean;
  /** A fixed y domain for the loss (as D2L's ylim). */
  yDomain?: [number, number];
  colors?: readonly string[];
  /** Dashed horizontal rules in the y axis's units (e.g. predicted noise floors). */
  rules?: readonly number[];
}

export function runLabel(run: TrainingRun): string {
  return run.diverged && run.divergedAt ? `${run.label} — diverged at epoch ${num(run.divergedAt.epoch)}` : run.label;
}

export function TrainingCurves(runs: readonly TrainingRun[], options: TrainingCurvesOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 280, x = "epoch", minLoss, minLossLabel, gap = false, yDomain, colors, rules = [] } = options;
  const logY = options.logY ?? gap;
  const rows = runs.flatMap((run) => {
    const label = runLabel(run);
    return run.curve.map((p) => ({
      label,
      epoch: p.epoch,
      time: run.msPerEpoch !== undefined ? p.epoch * run.msPerEpoch : p.time,
      value: gap && minLoss !== undefined ? p.loss - minLoss : p.loss,
    }));
  });
  const shown = rows.filter((r) => Number.isFinite(r.value) && (!logY || r.value > 0) && (x === "epoch" || r.time > 0));
  const clipped = yDomain ? shown.map((r) => ({ ...r, value: Math.min(r.value, yDomain[1]) })) : shown;
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: x === "epoch" ? { label: "epoch", grid: true } : { type: "log", label: "time (ms, measured in this browser)", grid: true, tickFormat: tickNum, ticks: decadeTicks(clipped.map((r) => r.time)) },
    y: {
      type: logY ? "log" : "linear",
      label: gap ? "loss − least-squares minimum" : "training loss",
      grid: true,
      tickFormat: logY ? tickNum : undefined,
      ...(logY ? { ticks: decadeTicks([...clipped.map((r) => r.value), ...rules]) } : {}),
      ...(yDomain ? { domain: yDomain } : {}),
    },
    color: { legend: true, domain: runs.map(runLabel), ...(colors ? { range: colors as string[] } : {}) },
    marks: [
      !gap && minLoss !== undefined ? Plot.ruleY([minLoss], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3" }) : null,
      !gap && minLoss !== undefined && minLossLabel ? Plot.text([minLoss], { y: (d: number) => d, frameAnchor: "left", textAnchor: "start", text: () => minLossLabel, dx: 4, dy: -7, fill: "var(--theme-foreground-muted)" }) : null,
      Plot.ruleY(rules.filter((v) => Number.isFinite(v) && (!logY || v > 0)), { stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3" }),
      Plot.line(clipped, { x, y: "value", stroke: "label", strokeWidth: 1.8 }),
      Plot.tip(clipped, Plot.pointer({ x, y: "value", stroke: "label", format: { x: numFormat(3), y: numFormat(4) } })),
    ],
  }), { label: `${gap ? "loss − least-squares minimum" : "training loss"} against ${x === "epoch" ? "epoch" : "time"} for ${runs.map(runLabel).join(", ")}`, rows: shown });
}
