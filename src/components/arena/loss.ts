/**
 * ArenaLossChart: each racer's loss against the step, linked to the map. With
 * a known minimum f* it plots the gap f − f* on a log scale (the target as a
 * dashed line); for the saddle, unbounded below, the loss itself on a linear
 * scale. The played part of each curve is solid, the rest faint; a vertical
 * rule marks the current step. Moving the pointer (or focusing the chart and
 * pressing ← →) over it reports the step under it, so the map can show where
 * every racer was then.
 */
import { num } from "../format.js";
import { svg } from "../svg-element.js";

const MARGIN = { top: 22, right: 12, bottom: 30, left: 52 };

export interface LossRun {
  readonly name: string;
  readonly color: string;
  readonly loss: Float64Array;
  readonly steps: number;
  readonly divergedAt: number | null;
}

export interface LossChartOptions {
  /** Called with the hovered step, or null when the pointer leaves. */
  onHover(step: number | null): void;
}

const SUPER: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };
const power = (k: number) => `10${String(k).replace(/./g, (c) => SUPER[c] ?? c)}`;

let uid = 0;

export class ArenaLossChart {
  readonly element: HTMLDivElement;
  private readonly svg: SVGSVGElement;
  private readonly axes: SVGGElement;
  private readonly faint: SVGGElement;
  private readonly solid: SVGGElement;
  private readonly rule: SVGLineElement;
  private readonly hoverRule: SVGLineElement;
  private readonly targetLine: SVGLineElement;
  private readonly clipRect: SVGRectElement;
  private width = 0;
  private height = 0;
  private steps = 1;
  private log = true;
  private yLo = 0;
  private yHi = 1;
  private floor = 0;
  private runs: readonly LossRun[] = [];
  /** Pixel y of every point of every run. */
  private ys: Float32Array[] = [];
  private hover: number | null = null;

  constructor(private readonly options: LossChartOptions) {
    const id = `arena-loss-clip-${++uid}`;
    this.element = document.createElement("div");
    this.element.className = "arena-loss";
    this.svg = svg("svg", { role: "slider", tabindex: 0, "aria-valuemin": 0, "aria-valuenow": 0, "aria-label": "Loss against step for each optimizer; arrow keys choose a step to highlight on the map" }, this.element);
    const clip = svg("clipPath", { id }, svg("defs", {}, this.svg));
    this.clipRect = svg("rect", { x: 0, y: -2 }, clip);
    const plot = svg("g", { transform: `translate(${MARGIN.left},${MARGIN.top})` }, this.svg);
    this.axes = svg("g", { class: "arena-axes" }, plot);
    const clipped = svg("g", { "clip-path": `url(#${id})` }, plot);
    this.targetLine = svg("line", { class: "arena-target" }, clipped);
    this.faint = svg("g", { class: "arena-loss-faint" }, clipped);
    this.solid = svg("g", { class: "arena-loss-solid" }, clipped);
    this.rule = svg("line", { class: "arena-rule" }, plot);
    this.hoverRule = svg("line", { class: "arena-hover-rule", visibility: "hidden" }, plot);
    this.listen();
  }

  resize(outerWidth: number, outerHeight: number): void {
    const w = Math.max(160, Math.floor(outerWidth) - MARGIN.left - MARGIN.right);
    const h = Math.max(120, Math.floor(outerHeight) - MARGIN.top - MARGIN.bottom);
    if (w === this.width && h === this.height) return;
    this.width = w;
    this.height = h;
    this.svg.setAttribute("width", String(w + MARGIN.left + MARGIN.right));
    this.svg.setAttribute("height", String(h + MARGIN.top + MARGIN.bottom));
    this.svg.setAttribute("viewBox", `0 0 ${w + MARGIN.left + MARGIN.right} ${h + MARGIN.top + MARGIN.bottom}`);
    this.clipRect.setAttribute("width", String(w));
    this.clipRect.setAttribute("height", String(h + 4));
  }

  private x(step: number): number {
    return (step / this.steps) * this.width;
  }
  private y(value: number): number {
    const v = this.log ? Math.log10(Math.max(value - this.floor, 1e-300)) : value;
    const t = (v - this.yLo) / (this.yHi - this.yLo);
    return Math.max(-this.height, Math.min(2 * this.height, this.height * (1 - t)));
  }

  /** Sets the runs, the step count, the surface's floor f* (−∞ if none) and the target; recomputes the scales. */
  setRuns(runs: readonly LossRun[], steps: number, floor: number, target: number): void {
    this.runs = runs;
    this.steps = Math.max(1, steps);
    this.log = Number.isFinite(floor);
    this.floor = this.log ? floor : 0;
    if (this.log) {
      let lo = Infinity, hi = -Infinity;
      for (const r of runs) for (const v of r.loss) {
        const gap = v - floor;
        if (gap > 0) {
          const e = Math.log10(gap);
          if (e < lo) lo = e;
          if (e > hi) hi = e;
        }
      }
      const t = Math.log10(target - floor);
      lo = Math.min(lo, t - 1);
      hi = Math.max(hi, t + 1);
      this.yLo = Math.floor(Math.max(lo, hi - 24, -30));
      this.yHi = Math.ceil(hi);
    } else {
      let hi = -Infinity;
      for (const r of runs) hi = Math.max(hi, r.loss[0]);
      this.yHi = Math.max(hi, target) + 0.25;
      this.yLo = Math.min(target, -1) * 3;
    }
    this.ys = runs.map((r) => {
      const out = new Float32Array(r.steps + 1);
      for (let i = 0; i <= r.steps; ++i) out[i] = this.y(r.loss[i]);
      return out;
    });
    const key = `${this.width}|${this.height}|${this.steps}|${this.log}|${this.floor}|${this.yLo}|${this.yHi}|${target}`;
    if (key !== this.axesKey) {
      this.axesKey = key;
      this.drawAxes(target);
    }
    this.traceCurves();
    if (this.faint.children.length !== runs.length || runs.some((r, i) => (this.faint.children[i] as SVGElement).dataset.name !== r.name)) {
      this.faint.replaceChildren();
      this.solid.replaceChildren();
      for (const r of runs) {
        svg("path", { stroke: r.color, "data-name": r.name }, this.faint);
        svg("path", { stroke: r.color, "data-name": r.name }, this.solid);
      }
    }
    runs.forEach((r, k) => (this.faint.children[k] as SVGPathElement).setAttribute("d", this.pathTo(k, r.steps)));
  }

  private axesKey = "";
  /** Each run's whole curve as path data, and where the data for the points up to step i ends (`ends[k][i]`). */
  private full: string[] = [];
  private ends: Int32Array[] = [];
  /** The step each solid curve was last drawn to (−1: not yet, or the runs changed). */
  private drawn = new Int32Array(0);

  /** Builds every run's whole curve once per setRuns; a frame then takes a prefix of it. */
  private traceCurves(): void {
    const dx = this.width / this.steps;
    this.full = [];
    this.ends = [];
    for (const ys of this.ys) {
      const parts: string[] = new Array(ys.length);
      const ends = new Int32Array(ys.length);
      let length = 0;
      for (let i = 0; i < ys.length; ++i) {
        parts[i] = i === 0 ? `M0,${Math.round(ys[0] * 10) / 10}` : `L${Math.round(i * dx * 10) / 10},${Math.round(ys[i] * 10) / 10}`;
        ends[i] = length += parts[i].length;
      }
      this.full.push(parts.join(""));
      this.ends.push(ends);
    }
    this.drawn = new Int32Array(this.ys.length).fill(-1);
  }

  /** Path data of run k's curve up to step `last` (at most its last point): a prefix of the whole curve. */
  private pathTo(k: number, last: number): string {
    const ends = this.ends[k];
    return this.full[k].slice(0, ends[Math.max(0, Math.min(last, ends.length - 1))]);
  }

  private drawAxes(target: number): void {
    this.axes.replaceChildren();
    const W = this.width, H = this.height;
    svg("rect", { width: W, height: H, class: "arena-frame" }, this.axes);
    const stepTicks = Math.max(2, Math.round(W / 80));
    const raw = this.steps / stepTicks;
    const p = 10 ** Math.floor(Math.log10(raw));
    const dx = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
    for (let s = 0; s <= this.steps; s += dx) {
      svg("line", { x1: this.x(s), x2: this.x(s), y1: H, y2: H + 4, class: "arena-tick" }, this.axes);
      svg("text", { x: this.x(s), y: H + 16, "text-anchor": "middle" }, this.axes).textContent = String(s);
    }
    svg("text", { x: W, y: H + 28, "text-anchor": "end", class: "arena-axis-label" }, this.axes).textContent = "step →";
    if (this.log) {
      const span = this.yHi - this.yLo;
      const every = span > 16 ? 4 : span > 8 ? 2 : 1;
      for (let e = Math.ceil(this.yLo); e <= this.yHi; ++e) {
        if (e % every) continue;
        const y = this.y(this.floor + 10 ** e);
        svg("line", { x1: 0, x2: W, y1: y, y2: y, class: "arena-grid" }, this.axes);
        svg("text", { x: -6, y: y + 4, "text-anchor": "end" }, this.axes).textContent = power(e);
      }
      svg("text", { x: -46, y: -10, class: "arena-axis-label" }, this.axes).textContent = this.floor === 0 ? "↑ loss f (log scale)" : "↑ f − f* (log scale)";
    } else {
      const raw2 = (this.yHi - this.yLo) / 5;
      const p2 = 10 ** Math.floor(Math.log10(raw2));
      const dy = [1, 2, 5, 10].map((m) => m * p2).find((s) => s >= raw2)!;
      for (let v = Math.ceil(this.yLo / dy) * dy; v <= this.yHi; v += dy) {
        const y = this.y(v);
        svg("line", { x1: 0, x2: W, y1: y, y2: y, class: "arena-grid" }, this.axes);
        svg("text", { x: -6, y: y + 4, "text-anchor": "end" }, this.axes).textContent = num(v, 6);
      }
      svg("text", { x: -46, y: -10, class: "arena-axis-label" }, this.axes).textContent = "↑ loss f";
    }
    const ty = this.y(target);
    for (const [k, v] of Object.entries({ x1: 0, x2: W, y1: ty, y2: ty })) this.targetLine.setAttribute(k, String(v));
    const label = svg("text", { x: W - 4, y: ty - 4, "text-anchor": "end", class: "arena-target-label" }, this.axes);
    label.textContent = "target";
  }

  /** Draws the played part of each curve up to `at` and the rules. */
  draw(at: number): void {
    this.runs.forEach((run, k) => {
      const path = this.solid.children[k] as SVGPathElement;
      const last = Math.max(0, Math.min(Math.floor(at), run.steps));
      if (this.drawn[k] !== last) {
        path.setAttribute("d", this.pathTo(k, last));
        this.drawn[k] = last;
      }
    });
    const x = this.x(Math.min(at, this.steps));
    for (const [k, v] of Object.entries({ x1: x, x2: x, y1: 0, y2: this.height })) this.rule.setAttribute(k, String(v));
    if (this.hover === null) this.hoverRule.setAttribute("visibility", "hidden");
    else {
      const hx = this.x(this.hover);
      for (const [k, v] of Object.entries({ x1: hx, x2: hx, y1: 0, y2: this.height })) this.hoverRule.setAttribute(k, String(v));
      this.hoverRule.setAttribute("visibility", "visible");
    }
  }

  private setHover(step: number | null): void {
    this.hover = step;
    this.svg.setAttribute("aria-valuemax", String(this.steps));
    this.svg.setAttribute("aria-valuenow", String(step ?? 0));
    this.svg.setAttribute("aria-valuetext", step === null ? "no step highlighted" : `step ${step}`);
    this.options.onHover(step);
  }

  private listen(): void {
    this.svg.addEventListener("pointermove", (event) => {
      const box = this.svg.getBoundingClientRect();
      const scale = box.width / (this.width + MARGIN.left + MARGIN.right);
      const px = (event.clientX - box.left) / scale - MARGIN.left;
      if (px < 0 || px > this.width) return this.setHover(null);
      this.setHover(Math.round((px / this.width) * this.steps));
    });
    this.svg.addEventListener("pointerleave", () => this.setHover(null));
    this.svg.addEventListener("blur", () => this.setHover(null));
    this.svg.addEventListener("keydown", (event) => {
      const big = event.shiftKey ? Math.max(1, Math.round(this.steps / 20)) : 1;
      let step = this.hover ?? 0;
      if (event.key === "ArrowRight") step += big;
      else if (event.key === "ArrowLeft") step -= big;
      else if (event.key === "Escape") return this.setHover(null);
      else return;
      event.preventDefault();
      this.setHover(Math.max(0, Math.min(this.steps, step)));
    });
  }
}
