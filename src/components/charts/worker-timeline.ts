/**
 * WorkerTimeline(events, options): a Gantt chart of asynchronous SGD from the
 * simulator's event log (`simulate(…, {log})`, lib/parallel/simulate.ts). One
 * row per worker; each gradient is a bar from the moment its worker *read*
 * the parameters to the moment it *wrote* its update, coloured by its
 * staleness τ — the number of other writes (dots) that landed inside the bar.
 * A long bar among short ones is a straggler, and its colour shows how many
 * updates it missed. With `until` (lib/parallel/timeline.ts), the chart ends
 * there: gradients still in flight (`inFlight`) are drawn up to the edge, in
 * grey and without a dot, since they have not written yet.
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
  /** Still being computed at `until` (drawn up to the edge, without a dot). */
  inFlight?: boolean;
}

export interface WorkerTimelineOptions {
  width?: number;
  /** Number of workers (rows); default: the largest worker index + 1. */
  workers?: number;
  /** The window's right edge (default: the last write). */
  until?: number;
}

export function WorkerTimeline(events: readonly TimelineEvent[], options: WorkerTimelineOptions = {}): Element {
  const { width = 640 } = options;
  const P = options.workers ?? Math.max(0, ...events.map((e) => e.worker)) + 1;
  const rows = events.map((e) => ({ ...e, name: `worker ${e.worker + 1}` }));
  const done = rows.filter((e) => !e.inFlight);
  const flying = rows.filter((e) => e.inFlight);
  const until = options.until ?? Math.max(0, ...events.map((e) => e.write));
  const maxTau = Math.max(1, ...done.map((e) => e.staleness));
  const chart = Plot.plot({
    width,
    height: Math.max(120, 36 + 18 * P),
    marginLeft: 70,
    x: { label: "simulated time (mean gradient durations) →", domain: [0, until] },
    y: { label: null, domain: Array.from({ length: P }, (_, w) => `worker ${w + 1}`) },
    color: { type: "linear", scheme: "viridis", domain: [0, maxTau], legend: true, label: "staleness τ (updates missed)" },
    marks: [
      Plot.barX(done, { y: "name", x1: "read", x2: "write", fill: "staleness", inset: 2, insetLeft: 0.5, insetRight: 0.5 }),
      Plot.barX(flying, { y: "name", x1: "read", x2: () => until, fill: "var(--theme-foreground-faint)", inset: 2, insetLeft: 0.5, insetRight: 0 }),
      Plot.dot(done, { y: "name", x: "write", r: 2.5, fill: "var(--theme-foreground)" }),
      Plot.tip(rows, Plot.pointerX({ y: "name", x: (e: TimelineEvent) => (e.read + Math.min(e.write, until)) / 2, title: (e: TimelineEvent) => (e.inFlight ? `worker ${e.worker + 1}: read at ${num(e.read, 3)}, still computing at the edge; it writes at ${num(e.write, 3)}, ${e.staleness} update${e.staleness === 1 ? "" : "s"} late` : `worker ${e.worker + 1}: read at ${num(e.read, 3)}, wrote at ${num(e.write, 3)}; ${e.staleness} update${e.staleness === 1 ? "" : "s"} landed in between`) })),
    ],
  });
  const mean = events.length ? events.reduce((s, e) => s + e.staleness, 0) / events.length : 0;
  const worst = events.reduce<TimelineEvent | null>((a, e) => (a === null || e.staleness > a.staleness ? e : a), null);
  const label = `Timeline of ${events.length} gradients on ${P} workers: bars from each read to its write, coloured by staleness${flying.length ? `; ${flying.length} still in flight at the right edge, in grey` : ""}`;
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
      { label: "in flight at the edge", value: (e) => (e.inFlight ? "yes" : "") },
    ],
  });
}
