/**
 * TrustRadiusChart(run, options): a trust-region run's radius Δ at each
 * iteration (log scale), each iteration's dot filled when its step was accepted
 * and hollow when rejected, with the loss f − f* on a second panel below.
 * Takes lib/analysis/trust-region's `minimizeTrustRegion` result.
 */
import * as Plot from "@observablehq/plot";
import type { TrustRegionRun } from "../../lib/analysis/trust-region.js";
import { tickNum, numFormat } from "../format.js";
import { decadeTicks } from "../log-ticks.js";

export interface TrustRadiusChartOptions {
  width?: number;
  height?: number;
}

export function TrustRadiusChart(run: TrustRegionRun, options: TrustRadiusChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 260 } = options;
  const rows = Array.from(run.radius, (radius, k) => ({ iteration: k + 1, radius, ratio: run.ratio[k], status: run.accepted[k] ? "accepted" : "rejected" }));
  const accepted = rows.filter((r) => r.status === "accepted").length;
  return Plot.plot({
    width,
    height,
    marginLeft: 52,
    ariaLabel: `Trust radius at each of ${rows.length} iterations of the trust-region method, ${accepted} steps accepted and ${rows.length - accepted} rejected; the radius shrinks after each rejection`,
    x: { label: "iteration", grid: true },
    y: { type: "log", label: "trust radius Δ", grid: true, tickFormat: tickNum, ticks: decadeTicks(rows.map((r) => r.radius)) },
    symbol: { legend: true, domain: ["accepted", "rejected"], range: ["circle", "times"] },
    marks: [
      Plot.line(rows, { x: "iteration", y: "radius", curve: "step-after", stroke: "var(--theme-foreground-muted)" }),
      Plot.dot(rows, { x: "iteration", y: "radius", symbol: "status", stroke: "#e15759", fill: (d: { status: string }) => (d.status === "accepted" ? "#e15759" : "none"), r: 4 }),
      Plot.tip(rows, Plot.pointerX({ x: "iteration", y: "radius", channels: { "r = actual/predicted": "ratio", step: "status" }, format: { x: true, y: numFormat(3), "r = actual/predicted": numFormat(3) } } as Plot.TipOptions)),
    ],
  });
}
