/**
 * LineSearchChart(profile, searches, options): one line search drawn along its
 * line, φ(α) = f(x + α·d) against the step α, with the tangent φ(0) + αφ′(0),
 * the Armijo line φ(0) + c·α·φ′(0) that a backtracking step must get below,
 * and the trial steps of each search numbered in the order tried — the accepted
 * one ringed. Takes lib/analysis/line-profile's `lineProfile` and the results
 * of lib/line-search's `backtracking`, `goldenSection`, `newtonLineSearch` and
 * `secantLineSearch` (up to four searches; backtracking's trials, if shown, are
 * numbered — few and far apart; golden section's many evaluations numbered
 * piled their labels on each other, 322 colliding pairs at 390 px).
 */
import * as Plot from "@observablehq/plot";
import type { LineProfile } from "../../lib/analysis/line-profile.js";
import type { LineSearchResult } from "../../lib/line-search.js";
import { accessibleFigure } from "./accessible-figure.js";
import { numFormat } from "../format.js";

export interface LineSearchChartOptions {
  width?: number;
  height?: number;
  /** The Armijo constant c for the sufficient-decrease line (default 1e-4). */
  c?: number;
}

/** Each kind of search keeps its colour and dot symbol on every chart, whichever searches a chart shows. */
const SEARCH_STYLES: ReadonlyArray<{ prefix: string; color: string; symbol: string }> = [
  { prefix: "backtracking", color: "#4e79a7", symbol: "circle" },
  { prefix: "golden", color: "#f28e2c", symbol: "cross" },
  { prefix: "newton", color: "#e15759", symbol: "diamond" },
  { prefix: "secant", color: "#b07aa1", symbol: "square" },
];
const SPARE_STYLES = [{ color: "#76b7b2", symbol: "star" }, { color: "#edc948", symbol: "triangle" }];

/**
 * The colour and symbol of each search label: by the search's kind (the label's
 * first word: backtracking, golden…, Newton…, secant), so that golden section is
 * the same orange on a chart without backtracking; other labels take spares in order.
 */
export function searchStyles(labels: readonly string[]): { colors: string[]; symbols: string[] } {
  let spare = 0;
  const styles = labels.map((label) => {
    const known = SEARCH_STYLES.find((s) => label.toLowerCase().startsWith(s.prefix));
    return known ?? SPARE_STYLES[spare++ % SPARE_STYLES.length];
  });
  return { colors: styles.map((s) => s.color), symbols: styles.map((s) => s.symbol) };
}

/** The label whose trials are numbered in the chart: the backtracking search's, or none. */
export function numberedSearch(labels: readonly string[]): string | null {
  return labels.find((l) => l.toLowerCase().startsWith("backtracking")) ?? null;
}

export function LineSearchChart(profile: LineProfile, searches: ReadonlyArray<{ label: string; result: LineSearchResult }>, options: LineSearchChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 300, c = 1e-4 } = options;
  const alphaMax = profile.rows[profile.rows.length - 1].alpha;
  const alphaMin = profile.rows[0].alpha;
  let yMax = -Infinity, yMin = Infinity;
  for (const r of profile.rows) {
    yMax = Math.max(yMax, r.value);
    yMin = Math.min(yMin, r.value);
  }
  const yLo = yMin - 0.05 * (yMax - yMin);
  const lines = [
    { series: "tangent φ(0) + αφ′(0)", a: [0, alphaMax], k: 1 },
    { series: `Armijo line φ(0) + ${c}·αφ′(0)`, a: [0, alphaMax], k: c },
  ].map((l) => ({ ...l, a: [alphaMin, alphaMax] })).flatMap((l) => l.a.map((alpha) => ({ series: l.series, alpha, value: profile.f0 + l.k * alpha * profile.slope })));
  const trials = searches.flatMap(({ label, result }) =>
    result.points
      .filter((p) => p.alpha <= alphaMax && p.alpha >= alphaMin)
      .map((p, i) => ({ label, order: i + 1, alpha: p.alpha, value: p.value, accepted: p.alpha === result.alpha }))
  );
  const labels = searches.map((s) => s.label);
  const styles = searchStyles(labels);
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginLeft: 52,
    ariaLabel: `One line search: f along the line against the step α, with its tangent, the Armijo line and the points tried by ${labels.join(", ")}; the accepted points are ringed`,
    x: { domain: [alphaMin, alphaMax], label: "step α along −∇f", grid: true },
    y: { domain: [yLo, yMax], label: "φ(α) = f(x − α∇f(x))", grid: true },
    color: { legend: true, domain: ["φ(α)", lines[0].series, lines[2].series, ...labels], range: ["var(--theme-foreground)", "var(--theme-foreground-muted)", "#59a14f", ...styles.colors] },
    symbol: { domain: labels, range: styles.symbols },
    marks: [
      Plot.line(profile.rows, { x: "alpha", y: "value", stroke: () => "φ(α)", strokeWidth: 2 }),
      Plot.line(lines, { x: "alpha", y: "value", z: "series", stroke: "series", strokeDasharray: "5,3", clip: true }),
      Plot.dot(trials, { x: "alpha", y: "value", fill: "label", r: 3.5, symbol: "label" }),
      Plot.dot(trials.filter((t) => t.accepted), { x: "alpha", y: "value", stroke: "label", r: 8, strokeWidth: 2 }),
      Plot.text(trials.filter((t) => t.label === numberedSearch(labels)), { x: "alpha", y: "value", text: "order", dy: -10, fill: "label" }),
      Plot.tip(trials, Plot.pointer({ x: "alpha", y: "value", channels: { search: "label", trial: "order" }, format: { x: numFormat(4), y: numFormat(4) } })),
    ],
  }), { label: `φ(α) along the search direction, with the trial steps of ${labels.join(", ")}`, rows: trials, columns: ["label", "order", "alpha", "value", "accepted"] });
}
