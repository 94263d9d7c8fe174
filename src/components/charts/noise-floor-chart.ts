/**
 * NoiseFloorChart(runs, options): SGD's loss on a noisy quadratic against the
 * step, log–log: each run's exact expected loss E f(x_t) as a bold line, one
 * sample path as a faint line of the same colour, and the floors a constant
 * rate cannot go below as dashed rules. A diverged run ends where it diverged
 * and says so in the legend.
 */
import * as Plot from "@observablehq/plot";
import { decadeTicks } from "../log-ticks.js";
import { accessibleFigure } from "./accessible-figure.js";
import { tickNum, numFormat } from "../format.js";

export interface NoiseFloorRun {
  label: string;
  /** E f(x_t), t = 0 … (shorter when diverged). */
  expected: ArrayLike<number>;
  /** One sampled f(x_t). */
  sample?: ArrayLike<number>;
  diverged?: boolean;
  divergedAt?: number | null;
}

export interface NoiseFloorChartOptions {
  width?: number;
  height?: number;
  /** Horizontal dashed rules, e.g. the floor ησ²/… of each constant rate. */
  floors?: readonly { label: string; value: number }[];
  /** Draw every k-th point of long runs (default: about 600 points per run, log-spaced). */
  points?: number;
}

/** Log-spaced steps 1 … n − 1 (about `count` of them), for drawing long runs thinly. */
function logSteps(n: number, count: number): number[] {
  const out = new Set<number>();
  for (let k = 0; k <= count; ++k) out.add(Math.min(n - 1, Math.round(Math.exp((Math.log(Math.max(1, n - 1)) * k) / count))));
  return [...out].filter((t) => t >= 1).sort((a, b) => a - b);
}

export function NoiseFloorChart(runs: readonly NoiseFloorRun[], options: NoiseFloorChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 300, floors = [], points = 600 } = options;
  const name = (r: NoiseFloorRun) => (r.diverged ? `${r.label} — diverged at step ${r.divergedAt}` : r.label);
  const mean = runs.flatMap((r) => logSteps(r.expected.length, points).map((t) => ({ label: name(r), t, f: r.expected[t] })));
  const samples = runs.flatMap((r) => (r.sample ? logSteps(r.sample.length, points).map((t) => ({ label: name(r), t, f: r.sample![t] })) : []));
  const ok = (row: { f: number }) => row.f > 0 && Number.isFinite(row.f);
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: { type: "log", label: "step t", grid: true, tickFormat: tickNum, ticks: decadeTicks(mean.map((r) => r.t)) },
    y: { type: "log", label: "loss f(x_t)", grid: true, tickFormat: tickNum, ticks: decadeTicks([...mean, ...samples].filter(ok).map((r) => r.f)) },
    color: { legend: true, domain: runs.map(name) },
    marks: [
      Plot.line(samples.filter(ok), { x: "t", y: "f", stroke: "label", strokeWidth: 0.8, strokeOpacity: 0.35 }),
      Plot.line(mean.filter(ok), { x: "t", y: "f", stroke: "label", strokeWidth: 2.2 }),
      Plot.ruleY(floors.filter((f) => Number.isFinite(f.value) && f.value > 0), { y: "value", strokeDasharray: "4,3", stroke: "var(--theme-foreground-muted)" }),
      Plot.text(floors.filter((f) => Number.isFinite(f.value) && f.value > 0), { y: "value", text: "label", frameAnchor: "left", dy: -7, dx: 4, fill: "var(--theme-foreground-muted)", fontSize: 11 }),
      Plot.tip(mean.filter(ok), Plot.pointerX({ x: "t", y: "f", stroke: "label", format: { x: true, y: numFormat(3) } })),
    ],
  }), { label: `Expected loss against the step, log scales, for ${runs.map(name).join(", ")}`, rows: mean, columns: ["label", "t", "f"] });
}
