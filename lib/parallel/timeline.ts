/**
 * The window of an asynchronous run that a worker timeline shows
 * (src/components/charts/worker-timeline.ts): from time 0 to `until`, the
 * moment the `count`-th gradient is written. Every gradient *read* before
 * `until` is in the window — also those still being computed at its right
 * edge (`inFlight`), whose staleness the log already knows because the run
 * went on. Selecting by read time, not by write time, keeps the slow
 * gradients in: logging only the first `count` writes would drop exactly the
 * stragglers still in flight and bias the mean staleness down.
 *
 * The log must run past the window: it needs every gradient read before
 * `until`, which {@link timelineWindow} checks (each worker has exactly one
 * gradient in flight at any moment).
 */
import type { WorkerEvent } from "./simulate.js";

export interface WindowEvent extends WorkerEvent {
  /** Still being computed at the window's right edge (written after `until`). */
  inFlight: boolean;
}

export interface TimelineWindow {
  until: number;
  events: WindowEvent[];
  /** Mean staleness over every gradient read in the window (finished or in flight). */
  meanStaleness: number;
  /** The gradient with the largest staleness (the first, if tied). */
  stalest: WindowEvent;
}

export function timelineWindow(log: readonly WorkerEvent[], count: number, workers: number): TimelineWindow {
  if (!(Number.isInteger(count) && count >= 1 && count <= log.length)) throw new RangeError(`timelineWindow: count must be an integer from 1 to the log's length ${log.length}, got ${count}`);
  if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`timelineWindow: workers must be an integer ≥ 1, got ${workers}`);
  const until = log[count - 1].write;
  const events = log.filter((e) => e.read < until).map((e) => ({ ...e, inFlight: e.write > until }));
  const busy = new Set(events.filter((e) => e.inFlight).map((e) => e.worker));
  // Every worker but the one that wrote at `until` (it reads again at `until` itself) is computing a gradient read before `until`.
  const expected = workers - new Set(log.filter((e) => e.write === until).map((e) => e.worker)).size;
  if (busy.size < expected) throw new RangeError(`timelineWindow: the log (${log.length} gradients) ends before every gradient read by time ${until} was written; log more`);
  const meanStaleness = events.reduce((s, e) => s + e.staleness, 0) / events.length;
  const stalest = events.reduce((a, e) => (e.staleness > a.staleness ? e : a), events[0]);
  return { until, events, meanStaleness, stalest };
}
