/**
 * WorkerTimeline(events, options): a Gantt chart of asynchronous SGD from the
 * simulator's event log (`simulate(…, {log})`, lib/parallel/simulate.ts). One
 * row per worker; each gradient is a bar from the moment its worker *read*
 * the parameters to the moment it *wrote* its update, coloured by its
 * staleness τ — the number of other writes (dots) that landed inside the bar.
 * A long bar among short ones is a straggler, and its colour shows how many
 * updates it missed.
 *
 * ```js
 * WorkerTimeline(result.events, {width, workers: 8})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { num } from "../format.js";
import { accessibleFigure } from "./accessible-figure.js";

export interface TimelineEvent {
  worker: number;
  read: number;
  write: number;
  staleness: number;
}

export interface WorkerTimelineOptions {
  width?: number;
  /** Number of workers (rows); default: the largest worker index + 1. */
  workers?: number;
}

export function WorkerTimeline(events: readonly TimelineEvent[], options: WorkerTimelineOptions = {}): Element {
  const { width = 640 } = options;
  const P = options.workers ?? Math.max(0, ...events.map((e) => e.worker)) + 1;
  const rows = events.map((e) => ({ ...e, name: `worker ${e.worker + 1}` }));
  const maxTau = Math.max(1, ...events.map((e) => e.staleness));
  const chart = Plot.plot({
    width,
    height: Math.max(120, 36 + 18 * P),
    marginLeft: 70,
    x: { label: "simulated time (mean gradient durations) →" },
    y: { label: null, domain: Array.from({ length: P }, (_, w) => `worker ${w + 1}`) },
    color: { type: "linear", scheme: "viridis", domain: [0, maxTau], legend: true, label: "staleness τ (updates missed)" },
    marks: [
      Plot.barX(rows, { y: "name", x1: "read", x2: "write", fill: "staleness", inset: 2, insetLeft: 0.5, insetRight: 0.5 }),
      Plot.dot(rows, { y: "name", x: "write", r: 2.5, fill: "var(--theme-foreground)" }),
      Plot.tip(rows, Plot.pointerX({ y: "name", x: (e: TimelineEvent) => (e.read + e.write) / 2, title: (e: TimelineEvent) => `worker ${e.worker + 1}: read at ${num(e.read, 3)}, wrote at ${num(e.write, 3)}; ${e.staleness} update${e.staleness === 1 ? "" : "s"} landed in between` })),
    ],
  });
  const mean = events.length ? events.reduce((s, e) => s + e.staleness, 0) / events.length : 0;
  const worst = events.reduce<TimelineEvent | null>((a, e) => (a === null || e.staleness > a.staleness ? e : a), null);
  const label = `Timeline of ${events.length} gradients on ${P} workers: bars from each read to its write, coloured by staleness`;
  const summary = worst
    ? `Mean staleness ${num(mean, 3)} updates; the stalest gradient, on worker ${worst.worker + 1}, was read at ${num(worst.read, 3)} and written at ${num(worst.write, 3)}, ${worst.staleness} updates late.`
    : "No gradients were written.";
  return accessibleFigure(chart, {
    label,
    summary,
    rows: events,
    columns: [
      { label: "worker", value: (e) => e.worker + 1 },
      { label: "read at", value: "read" },
      { label: "wrote at", value: "write" },
      { label: "staleness τ", value: "staleness" },
    ],
  });
}
