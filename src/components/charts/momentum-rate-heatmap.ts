/**
 * RateHeatmap(rate, options): the convergence rate of a two-parameter method
 * (learning rate η × momentum β) as a colour map, where a click picks a
 * setting. Cells whose rate is ≥ 1 (no convergence) are drawn in the
 * "diverges" colour, never left blank. The element is an input: its `value` is
 * the picked `{lr, beta, rate}`, and it emits `input` on each click, so a page
 * can write `const picked = view(RateHeatmap(...))`. By keyboard, the map is
 * one tab stop: the arrow keys move the picked point (← → η, ↑ ↓ β; Shift for
 * five times the step), and a live region reads the new setting and its rate.
 *
 * ```js
 * RateHeatmap((lr, beta) => momentumRate(lr, beta, [0.2, 4]), {width, lr: [0, 1.05], value: {lr: 0.6, beta: 0.5}})
 * ```
 */
import * as Plot from "@observablehq/plot";
import { labelChart } from "./accessible-figure.js";
import { num } from "../format.js";

export interface RatePick {
  lr: number;
  beta: number;
  rate: number;
}

export interface RateHeatmapOptions {
  width?: number;
  height?: number;
  /** The η range drawn. */
  lr?: [number, number];
  /** The y-axis label (default "momentum β"; Nesterov's chapter writes γ). */
  betaLabel?: string;
  /** The β range drawn (default [0, 1)). */
  beta?: [number, number];
  /** The initial pick. */
  value?: { lr: number; beta: number };
  /** Extra Plot marks (curves, the optimum) drawn over the map, in (η, β) coordinates. */
  marks?: Plot.Markish[];
  /** The lowest rate of the colour scale (default: the smallest sampled). */
  minRate?: number;
}

type RateInput = HTMLDivElement & { value: RatePick };

/**
 * A rate with 4 significant digits, or more when a rate below 1 would round
 * to "1" (0.99996 → "0.99996"): a converging setting never reads as rate 1.
 */
export function rateText(rate: number): string {
  for (let digits = 4; digits <= 15; ++digits) {
    const text = num(rate, digits);
    if (!(rate < 1 && text === "1")) return text;
  }
  return num(rate, 15);
}

export function RateHeatmap(rate: (lr: number, beta: number) => number, options: RateHeatmapOptions = {}): RateInput {
  const { lr = [0, 1], beta = [0, 0.99], marks = [], betaLabel = "momentum β" } = options;
  // Framework's reactive width can be 0 for a moment while the page lays out.
  const width = Math.max(240, options.width || 640);
  const height = options.height ?? Math.round(Math.min(420, Math.max(260, width * 0.62)));
  // A coarse sample gives the colour domain and the hover read-out.
  const samples: RatePick[] = [];
  const nx = 48, ny = 40;
  for (let j = 0; j < ny; ++j) {
    for (let i = 0; i < nx; ++i) {
      const l = lr[0] + ((i + 0.5) * (lr[1] - lr[0])) / nx;
      const b = beta[0] + ((j + 0.5) * (beta[1] - beta[0])) / ny;
      samples.push({ lr: l, beta: b, rate: rate(l, b) });
    }
  }
  const lo = options.minRate ?? Math.min(...samples.map((s) => s.rate));
  const start = options.value ?? { lr: (lr[0] + lr[1]) / 2, beta: (beta[0] + beta[1]) / 2 };
  const root = document.createElement("div") as RateInput;
  root.className = "rate-heatmap";
  root.value = { ...start, rate: rate(start.lr, start.beta) };
  const legend = Plot.legend({
    color: { type: "linear", domain: [lo, 1], scheme: "viridis", label: "rate max|σ| (smaller converges faster)" },
    width: Math.min(width, 360),
  });
  const note = document.createElement("div");
  note.className = "rate-heatmap-note";
  note.style.font = "12px var(--sans-serif)";
  note.style.color = "var(--theme-foreground-muted)";
  note.innerHTML = `<span style="display:inline-block;width:12px;height:12px;background:var(--theme-red);opacity:.45;vertical-align:-2px"></span> rate ≥ 1: diverges &nbsp;·&nbsp; click or tap the map, or focus it and use the arrow keys, to run that setting`;
  const live = document.createElement("div");
  live.className = "sr-only";
  live.setAttribute("aria-live", "polite");
  root.tabIndex = 0;
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", "Convergence rate over the learning rate η and momentum β: arrow keys move the chosen setting, Shift moves it further");
  const describe = (p: RatePick) => `η = ${num(p.lr)}, β = ${num(p.beta)}: rate ${rateText(p.rate)}${p.rate >= 1 ? ", diverges" : ""}`;
  let plot: (SVGSVGElement | HTMLElement) & Plot.Plot;

  function draw(): void {
    const picked = root.value;
    const next = Plot.plot({
      width,
      height,
      marginLeft: 48,
      marginBottom: 40,
      x: { domain: lr, label: "learning rate η", grid: false },
      y: { domain: beta, label: betaLabel, grid: false },
      color: { type: "linear", domain: [lo, 1], scheme: "viridis" },
      marks: [
        Plot.frame({ fill: "var(--theme-red)", fillOpacity: 0.45 }),
        Plot.raster({
          x1: lr[0],
          x2: lr[1],
          y1: beta[0],
          y2: beta[1],
          pixelSize: 2,
          fill: (x: number, y: number) => {
            const r = rate(x, y);
            return r < 1 ? r : NaN;
          },
        }),
        ...marks,
        Plot.dot([picked], { x: "lr", y: "beta", r: 7, stroke: "white", strokeWidth: 3 }),
        Plot.dot([picked], { x: "lr", y: "beta", r: 7, stroke: "black", strokeWidth: 1.5 }),
        Plot.tip(samples, Plot.pointer({ x: "lr", y: "beta", channels: { rate: "rate" }, format: { x: ".3f", y: ".3f", rate: rateText } })),
      ],
    });
    labelChart(next, `Convergence rate over the learning rate η and momentum β; chosen ${describe(picked)}`);
    next.style.cursor = "crosshair";
    next.addEventListener("click", (e) => pick(e as MouseEvent));
    if (plot) plot.replaceWith(next);
    else root.append(next);
    plot = next;
  }

  function pick(event: MouseEvent): void {
    const box = plot.getBoundingClientRect();
    const scale = width / box.width;
    const px = (event.clientX - box.left) * scale;
    const py = (event.clientY - box.top) * scale;
    const x = plot.scale("x")!, y = plot.scale("y")!;
    const l = (x as { invert(v: number): number }).invert(px);
    const b = (y as { invert(v: number): number }).invert(py);
    if (!(l >= lr[0] && l <= lr[1] && b >= beta[0] && b <= beta[1])) return;
    set(l, b);
  }

  function set(l: number, b: number): void {
    root.value = { lr: l, beta: b, rate: rate(l, b) };
    draw();
    live.textContent = describe(root.value);
    root.dispatchEvent(new Event("input", { bubbles: true }));
  }

  root.addEventListener("keydown", (event) => {
    const k = event.shiftKey ? 5 : 1;
    const dl = ((lr[1] - lr[0]) / nx) * k, db = ((beta[1] - beta[0]) / ny) * k;
    const move: Record<string, [number, number]> = { ArrowLeft: [-dl, 0], ArrowRight: [dl, 0], ArrowDown: [0, -db], ArrowUp: [0, db] };
    const d = move[event.key];
    if (!d) return;
    event.preventDefault();
    const { lr: l, beta: b } = root.value;
    set(Math.min(lr[1], Math.max(lr[0], l + d[0])), Math.min(beta[1], Math.max(beta[0], b + d[1])));
  });

  root.append(legend);
  draw();
  root.append(note, live);
  return root;
}
