import * as Plot from "@observablehq/plot";
import { ticks as linearTicks } from "d3";
import { tickNum } from "./format.js";

/**
 * decadeTicks(values): the powers of ten spanning the positive finite values,
 * thinned to at most `max` ticks (1, 2, 5 × 10ᵉ when they span two decades or
 * less, or when fewer than three powers of ten fall within them), all within the values' range — for log axes that cover many decades, where
 * Plot's default ticks crowd the axis with unlabelled minor marks.
 *
 * A narrow range (less than a decade, e.g. [0.6, 0.9], [2, 3] or
 * [0.001, 0.0015]) may hold fewer than three of those values, or hold them
 * bunched in one end; it then gets evenly spaced round ticks (d3's linear
 * ticks: 0.6, 0.7, 0.8, 0.9), so an axis always carries at least three labels
 * spread over at least half its (log) length — never a bare axis or a single
 * label.
 */
export function decadeTicks(values: Iterable<number>, max = 8): number[] {
  const extent = positiveExtent(values);
  if (!extent) return [];
  const [lo, hi] = extent;
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const decadesInside = Math.floor(Math.log10(hi * 1.001)) - Math.ceil(Math.log10(lo * 0.999)) + 1;
  if (b - a <= 2 || (decadesInside < 3 && b - a <= 3)) {
    // Few decades: 1, 2, (3,) 5 × 10ᵉ within the values' range, so the axis is not bare.
    // (1, 3 × 10ᵉ over three decades: Plot blanks the label of a log tick m × 10ᵉ
    // with m above about 100 / (number of d3's default ticks), ≈ 3.5 there.)
    const multiples = b - a <= 1 ? [1, 2, 3, 5] : b - a <= 2 ? [1, 2, 5] : [1, 3];
    const ticks: number[] = [];
    for (let e = a; e <= b; ++e) for (const m of multiples) if (m * 10 ** e >= lo * 0.999 && m * 10 ** e <= hi * 1.001) ticks.push(Number((m * 10 ** e).toPrecision(12)));
    return ticks.length >= 3 && wellSpread(ticks, lo, hi) ? ticks : narrowTicks(lo, hi);
  }
  const stride = Math.max(1, Math.ceil((b - a + 1) / max));
  const ticks: number[] = [];
  for (let e = a; e <= b; e += stride) if (10 ** e >= lo * 0.999 && 10 ** e <= hi * 1.001) ticks.push(Number(`1e${e}`));
  return ticks.length >= 2 ? ticks : narrowTicks(lo, hi);
}

/** Do the ticks span at least half of [lo, hi] on a log scale? */
function wellSpread(ticks: readonly number[], lo: number, hi: number): boolean {
  return Math.log(ticks[ticks.length - 1] / ticks[0]) >= 0.5 * Math.log(hi / lo);
}

/** Three or more round, evenly spaced ticks in [lo, hi] (lo itself when lo = hi). */
function narrowTicks(lo: number, hi: number): number[] {
  if (lo === hi) return [lo];
  for (const count of [4, 6, 10]) {
    const ticks = linearTicks(lo, hi, count).filter((v) => v > 0);
    if (ticks.length >= 3 && wellSpread(ticks, lo, hi)) return ticks;
  }
  return [lo, Number(Math.sqrt(lo * hi).toPrecision(2)), hi];
}

/**
 * The minor ticks of a log axis: m × 10ᵉ (m = 2…9, and the decades that
 * `decadeTicks` skipped) within the values' range, leaving out the labelled
 * ticks `major`. Empty when the range spans more than `maxDecades` decades
 * (there the minor lines would crowd into a barcode).
 */
export function minorLogTicks(values: Iterable<number>, major: readonly number[], maxDecades = 6): number[] {
  const extent = positiveExtent(values);
  if (!extent) return [];
  const [lo, hi] = extent;
  const a = Math.floor(Math.log10(lo)), b = Math.ceil(Math.log10(hi));
  if (b - a > maxDecades) return [];
  const isMajor = (v: number) => major.some((m) => Math.abs(m - v) <= 1e-9 * v);
  const ticks: number[] = [];
  for (let e = a; e <= b; ++e) {
    for (let m = 1; m <= 9; ++m) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v >= lo * 0.999 && v <= hi * 1.001 && !isMajor(v)) ticks.push(v);
    }
  }
  return ticks;
}

/**
 * A log scale's options with labelled ticks (`decadeTicks`) written by the
 * course's tick formatter ("10⁻⁵", "0.01", "2"), for `x:`, `y:` or a colour
 * legend: `y: { ...logAxis(losses), label: "loss", grid: true }`.
 */
export function logAxis(values: Iterable<number>, max = 8): { type: "log"; ticks: number[]; tickFormat: (v: number) => string } {
  return { type: "log", ticks: decadeTicks(values, max), tickFormat: tickNum };
}

/**
 * Light minor grid lines for a log axis, to put first in a chart's marks:
 * `marks: [...minorLogGrid("y", losses), …]`. Decades stay labelled by
 * `logAxis`; the minor lines only show the log spacing (no labels, no barcode).
 */
export function minorLogGrid(axis: "x" | "y", values: Iterable<number>, max = 8): Plot.Markish[] {
  const list = Array.from(values);
  const minor = minorLogTicks(list, decadeTicks(list, max));
  if (!minor.length) return [];
  const style = { stroke: "currentColor", strokeOpacity: 0.05 };
  return [axis === "x" ? Plot.ruleX(minor, style) : Plot.ruleY(minor, style)];
}

/** The smallest and largest positive finite values (a log axis's range), or null if there are none. */
function positiveExtent(values: Iterable<number>): [number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  return lo <= hi ? [lo, hi] : null;
}
