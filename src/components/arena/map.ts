/**
 * ArenaMap: the arena's map — a surface's shaded contours (drawn once per
 * surface, see arena-surface.ts), its minima, the racers' paths up to the
 * current step with a dot where each racer is, rings where they are at a
 * hovered step, and the start point, which the reader sets by clicking or
 * dragging on the map or, with the keyboard, by focusing the start handle and
 * pressing the arrow keys (Shift for bigger moves).
 *
 * The contours are painted once per surface and size into a canvas under the
 * SVG, so the browser never re-rasterizes them; the SVG on top is managed by
 * hand, not a Plot rebuilt per frame: a redraw only rewrites the paths' `d`
 * attributes and the dots' positions.
 *
 * With `setArrows(true, objective)` the map also draws, at the current step,
 * each racer's plain gradient step −η∇f (dashed) and the update it takes
 * next (solid), both to the map's scale (arrows.ts, lib/arena/vectors.ts), and
 * says them in the map's text alternative.
 */
import { num } from "../format.js";
import type { Objective } from "../../lib/types.js";
import { layerMatrix, surfaceLayer, type SurfaceLayer } from "./surface.js";
import { svg } from "../svg-element.js";
import { stepVectors } from "../../lib/arena/vectors.js";
import { arrowPath, describeArrows } from "./arrows.js";

const MARGIN = { top: 22, right: 10, bottom: 34, left: 40 };

export interface MapRun {
  readonly name: string;
  readonly title: string;
  readonly color: string;
  /** Positions, row-major (steps + 1) × 2. */
  readonly x: Float64Array;
  /** Steps kept (x has steps + 1 rows). */
  readonly steps: number;
  readonly divergedAt: number | null;
  /** The racer's learning rate η, for the gradient-step arrow. */
  readonly lr?: number;
}

export interface ArenaMapOptions {
  /** Called with the new start; `done` is true when a drag ends or a key moves it. */
  onStart(x: number, y: number, done: boolean): void;
}

let uid = 0;

/** Niceish ticks for an interval: about `count` values at 1, 2 or 5 × 10^k. */
export function ticks(lo: number, hi: number, count: number): number[] {
  const raw = (0.7 * (hi - lo)) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) out.push(Math.abs(v) < 1e-12 ? 0 : Number(v.toPrecision(12)));
  return out;
}

export class ArenaMap {
  readonly element: HTMLDivElement;
  private readonly svg: SVGSVGElement;
  private readonly plot: SVGGElement;
  private readonly clipRect: SVGRectElement;
  private readonly canvas: HTMLCanvasElement;
  private bandPaths: Path2D[] = [];
  private readonly axes: SVGGElement;
  private readonly marks: SVGGElement;
  private readonly paths: SVGGElement;
  private readonly dots: SVGGElement;
  private readonly arrows: SVGGElement;
  private readonly description: HTMLParagraphElement;
  /** The description's text, rewritten in place per step (a text node's data: no child list change). */
  private readonly descriptionText = document.createTextNode("");
  private arrowObjective: Objective | null = null;
  private showArrows = false;
  private arrowScale = 1;
  private arrowKey = "";
  private readonly handle: SVGGElement;
  private layer: SurfaceLayer | null = null;
  private objective: Objective | null = null;
  private width = 0;
  private height = 0;
  private start: readonly [number, number] = [0, 0];
  private runs: readonly MapRun[] = [];
  /** Pixel coordinates of each run, recomputed when the runs or the size change. */
  private pixels: Float32Array[] = [];
  private focus: string | null = null;
  private dragging = false;

  constructor(private readonly options: ArenaMapOptions) {
    const id = `arena-clip-${++uid}`;
    this.element = document.createElement("div");
    this.element.className = "arena-map";
    this.canvas = document.createElement("canvas");
    this.canvas.setAttribute("aria-hidden", "true");
    this.canvas.style.left = `${MARGIN.left}px`;
    this.canvas.style.top = `${MARGIN.top}px`;
    this.element.append(this.canvas);
    this.svg = svg("svg", { role: "group", "aria-label": "Contour map of the loss with each optimizer's path; click or drag to set the start", "aria-describedby": `${id}-desc` }, this.element);
    this.description = document.createElement("p");
    this.description.id = `${id}-desc`;
    this.description.className = "sr-only";
    this.description.append(this.descriptionText);
    const defs = svg("defs", {}, this.svg);
    const clip = svg("clipPath", { id }, defs);
    this.clipRect = svg("rect", { x: 0, y: 0 }, clip);
    this.plot = svg("g", { transform: `translate(${MARGIN.left},${MARGIN.top})` }, this.svg);
    this.axes = svg("g", { class: "arena-axes" }, this.plot);
    const clipped = svg("g", { "clip-path": `url(#${id})` }, this.plot);
    this.marks = svg("g", { class: "arena-minima" }, clipped);
    this.paths = svg("g", { class: "arena-paths" }, clipped);
    this.arrows = svg("g", { class: "arena-arrows", visibility: "hidden" }, clipped);
    this.dots = svg("g", { class: "arena-dots" }, clipped);
    this.handle = svg("g", { class: "arena-start", tabindex: 0, role: "button" }, this.plot);
    svg("circle", { r: 9, class: "arena-start-ring" }, this.handle);
    svg("path", { d: "M-14,0H-5M5,0H14M0,-14V-5M0,5V14", class: "arena-start-cross" }, this.handle);
    this.element.append(this.description);
    this.listen();
  }

  /**
   * Shows or hides the gradient and update arrows; `objective` is the one the
   * racers ran on (with its gradient noise), so the gradient arrow is the
   * gradient each racer was handed. Both arrows are drawn `scale` times
   * their length in the map's units (1: the solid arrow ends at the next point).
   */
  setArrows(show: boolean, objective: Objective, scale = 1): void {
    if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`ArenaMap.setArrows: scale must be a positive number, got ${scale}`);
    this.showArrows = show;
    this.arrowScale = scale;
    this.arrowObjective = objective;
    this.arrowKey = "";
    this.arrows.setAttribute("visibility", show ? "visible" : "hidden");
  }

  /** Shows `objective`'s contours (computed on first use, then cached); true if the surface changed. */
  setSurface(objective: Objective): boolean {
    if (this.objective === objective) return false;
    this.objective = objective;
    this.layer = surfaceLayer(objective);
    this.bandPaths = this.layer.bands.map((d) => new Path2D(d));
    this.layout();
    return true;
  }

  /** Sets the map's outer width; the height follows the surface's aspect ratio. */
  resize(outerWidth: number): void {
    if (!this.layer) return;
    const { x, y } = this.layer.box;
    const innerWidth = Math.max(160, Math.floor(outerWidth) - MARGIN.left - MARGIN.right);
    const aspect = (y[1] - y[0]) / (x[1] - x[0]);
    const innerHeight = Math.round(Math.min(innerWidth * aspect, 620));
    if (innerWidth === this.width && innerHeight === this.height) return;
    this.width = innerWidth;
    this.height = innerHeight;
    this.layout();
  }

  private layout(): void {
    if (!this.layer || this.width === 0) return;
    const W = this.width, H = this.height;
    this.svg.setAttribute("width", String(W + MARGIN.left + MARGIN.right));
    this.svg.setAttribute("height", String(H + MARGIN.top + MARGIN.bottom));
    this.svg.setAttribute("viewBox", `0 0 ${W + MARGIN.left + MARGIN.right} ${H + MARGIN.top + MARGIN.bottom}`);
    this.clipRect.setAttribute("width", String(W));
    this.clipRect.setAttribute("height", String(H));
    this.paintBands();
    this.drawAxes();
    this.drawMinima();
    this.pixels = this.runs.map((r) => this.project(r));
    this.tracePaths();
    this.arrowKey = "";
    this.placeHandle();
  }

  /**
   * Paints the contour bands: each band (the region f ≥ level) filled in the
   * text color at a low opacity, so the shading darkens (light mode) or
   * brightens (dark mode) with the loss, and outlined by a thin contour line.
   */
  paintBands(): void {
    if (!this.layer || this.width === 0) return;
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    const W = this.width, H = this.height;
    this.canvas.width = Math.round(W * dpr);
    this.canvas.height = Math.round(H * dpr);
    this.canvas.style.width = `${W}px`;
    this.canvas.style.height = `${H}px`;
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    const color = getComputedStyle(this.element).color || "#000";
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    const m = new DOMMatrix(layerMatrix(this.layer, W, H));
    const n = this.bandPaths.length;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 0.7;
    this.bandPaths.forEach((band, k) => {
      const p = new Path2D();
      p.addPath(band, m);
      ctx.globalAlpha = 0.012 + (0.03 * k) / n;
      ctx.fill(p);
      ctx.globalAlpha = 0.16;
      ctx.stroke(p);
    });
    ctx.globalAlpha = 1;
  }

  private px(x: number): number {
    const b = this.layer!.box.x;
    return ((x - b[0]) / (b[1] - b[0])) * this.width;
  }
  private py(y: number): number {
    const b = this.layer!.box.y;
    return this.height - ((y - b[0]) / (b[1] - b[0])) * this.height;
  }
  private invert(px: number, py: number): [number, number] {
    const { x, y } = this.layer!.box;
    const cx = Math.min(this.width, Math.max(0, px)), cy = Math.min(this.height, Math.max(0, py));
    return [x[0] + (cx / this.width) * (x[1] - x[0]), y[0] + ((this.height - cy) / this.height) * (y[1] - y[0])];
  }

  private drawAxes(): void {
    const { x, y } = this.layer!.box;
    this.axes.replaceChildren();
    svg("rect", { width: this.width, height: this.height, class: "arena-frame" }, this.axes);
    for (const v of ticks(x[0], x[1], Math.max(4, Math.round(this.width / 90)))) {
      const p = this.px(v);
      svg("line", { x1: p, x2: p, y1: this.height, y2: this.height + 4, class: "arena-tick" }, this.axes);
      svg("text", { x: p, y: this.height + 16, "text-anchor": "middle" }, this.axes).textContent = num(v);
    }
    for (const v of ticks(y[0], y[1], Math.max(4, Math.round(this.height / 70)))) {
      const p = this.py(v);
      svg("line", { x1: -4, x2: 0, y1: p, y2: p, class: "arena-tick" }, this.axes);
      svg("text", { x: -7, y: p + 4, "text-anchor": "end" }, this.axes).textContent = num(v);
    }
    svg("text", { x: this.width, y: this.height + 29, "text-anchor": "end", class: "arena-axis-label" }, this.axes).textContent = "x₁ →";
    svg("text", { x: -34, y: -10, class: "arena-axis-label" }, this.axes).textContent = "↑ x₂";
  }

  private drawMinima(): void {
    const o = this.objective!;
    this.marks.replaceChildren();
    const isMin = o.minValue !== undefined;
    for (const m of o.minima) {
      const g = svg("g", { transform: `translate(${this.px(m[0])},${this.py(m[1])})`, class: "arena-minimum" }, this.marks);
      svg("path", { d: isMin ? "M-6,-6L6,6M-6,6L6,-6" : "M-7,0H7M0,-7V7" }, g);
      const title = svg("title", {}, g);
      title.textContent = `${isMin ? "minimum" : "stationary point"} (${m.map((v) => num(v, 4)).join(", ")})`;
    }
  }

  /** Pixel coordinates of a run, clamped far outside the box so a diverging path still leaves the map. */
  private project(run: MapRun): Float32Array {
    const n = run.steps + 1;
    const out = new Float32Array(2 * n);
    const lim = 4 * Math.max(this.width, this.height);
    for (let i = 0; i < n; ++i) {
      out[2 * i] = Math.max(-lim, Math.min(lim, this.px(run.x[2 * i])));
      out[2 * i + 1] = Math.max(-lim, Math.min(lim, this.py(run.x[2 * i + 1])));
    }
    return out;
  }

  setStart(start: readonly [number, number]): void {
    this.start = start;
    this.placeHandle();
  }

  private placeHandle(): void {
    if (!this.layer || this.width === 0) return;
    this.handle.setAttribute("transform", `translate(${this.px(this.start[0])},${this.py(this.start[1])})`);
    const fmt = (v: number) => num(v, 3);
    this.handle.setAttribute("aria-label", `Start point (${fmt(this.start[0])}, ${fmt(this.start[1])}). Arrow keys move it; Shift moves it further.`);
  }

  /** Replaces the runs drawn; call `draw` next. */
  setRuns(runs: readonly MapRun[], focus: string | null): void {
    this.focus = focus;
    if (runs.length !== this.runs.length || runs.some((r, i) => r.name !== this.runs[i].name)) {
      this.paths.replaceChildren();
      this.dots.replaceChildren();
      this.arrows.replaceChildren();
      for (const r of runs) {
        const a = svg("g", { class: "arena-arrow", "data-name": r.name }, this.arrows);
        svg("path", { class: "arena-arrow-halo" }, a);
        svg("path", { class: "arena-arrow-halo" }, a);
        svg("path", { class: "arena-arrow-gradient", stroke: r.color }, a);
        svg("path", { class: "arena-arrow-update", stroke: r.color }, a);
        svg("path", { class: "arena-path", stroke: r.color, "data-name": r.name }, this.paths);
        const g = svg("g", { class: "arena-racer", "data-name": r.name }, this.dots);
        svg("circle", { r: 5, fill: r.color, class: "arena-dot" }, g);
        svg("circle", { r: 7, stroke: r.color, class: "arena-ring" }, g);
        svg("path", { d: "M-5,-5L5,5M-5,5L5,-5", stroke: r.color, class: "arena-cross" }, g);
      }
    }
    this.runs = runs;
    this.pixels = runs.map((r) => this.project(r));
    this.tracePaths();
    this.arrowKey = "";
  }

  /** Each run's whole path as path data, and where the data for the points up to step i ends (`ends[k][i]`). */
  private full: string[] = [];
  private ends: Int32Array[] = [];
  /** The step each path element was last drawn to (−1: not yet, or the runs or size changed). */
  private drawn: Int32Array = new Int32Array(0);

  /** Builds every run's whole path once (after setRuns or a resize); a frame then takes a prefix of it. */
  private tracePaths(): void {
    this.full = [];
    this.ends = [];
    this.runs.forEach((run, k) => {
      const p = this.pixels[k];
      const parts: string[] = new Array(run.steps + 1);
      const ends = new Int32Array(run.steps + 1);
      let length = 0;
      for (let i = 0; i <= run.steps; ++i) {
        parts[i] = `${i === 0 ? "M" : "L"}${round(p[2 * i])},${round(p[2 * i + 1])}`;
        ends[i] = length += parts[i].length;
      }
      this.full.push(parts.join(""));
      this.ends.push(ends);
    });
    this.drawn = new Int32Array(this.runs.length).fill(-1);
  }

  /** Path data of run k's points 0 … last: a prefix of its whole path. */
  private pathData(k: number, last: number): string {
    return this.full[k].slice(0, this.ends[k][last]);
  }

  /**
   * Draws each path up to step `at`, a dot at each racer's position at `at`,
   * and rings at the hovered step. A diverged racer that reached its
   * divergence is drawn to its last finite point and marked with a cross.
   */
  draw(at: number, hover: number | null): void {
    const paths = this.paths.children, dots = this.dots.children;
    for (let k = 0; k < this.runs.length; ++k) {
      const run = this.runs[k], p = this.pixels[k];
      const last = Math.min(run.steps, Math.floor(at));
      const path = paths[k] as SVGPathElement;
      if (this.drawn[k] !== last) {
        path.setAttribute("d", this.pathData(k, last));
        this.drawn[k] = last;
      }
      path.classList.toggle("arena-focus", run.name === this.focus);
      const g = dots[k] as SVGGElement;
      const gone = run.divergedAt !== null && at >= run.divergedAt;
      // A diverged racer's cross sits where it left the map (clamped to the frame).
      const cx = gone ? Math.max(6, Math.min(this.width - 6, p[2 * last])) : p[2 * last];
      const cy = gone ? Math.max(6, Math.min(this.height - 6, p[2 * last + 1])) : p[2 * last + 1];
      g.setAttribute("transform", `translate(${round(cx)},${round(cy)})`);
      g.classList.toggle("arena-gone", gone);
      g.classList.toggle("arena-focus", run.name === this.focus);
      const ring = g.children[1] as SVGCircleElement;
      if (hover === null) ring.setAttribute("visibility", "hidden");
      else {
        const h = Math.min(run.steps, Math.max(0, Math.round(hover)));
        ring.setAttribute("visibility", "visible");
        ring.setAttribute("transform", `translate(${round(p[2 * h] - cx)},${round(p[2 * h + 1] - cy)})`);
      }
    }
    this.drawArrows(at);
  }

  /**
   * The arrows at step ⌊at⌋ and their description, redrawn only when the step
   * (or the runs, size or toggle) changed.
   */
  private drawArrows(at: number): void {
    const key = `${this.showArrows}|${this.arrowScale}|${Math.floor(at)}`;
    if (key === this.arrowKey || !this.layer) return;
    this.arrowKey = key;
    const groups = this.arrows.children;
    if (!this.showArrows || !this.arrowObjective) {
      this.descriptionText.data = "";
      return;
    }
    const limit = 0.45 * Math.min(this.width, this.height);
    const lines: string[] = [];
    for (let k = 0; k < this.runs.length; ++k) {
      const run = this.runs[k];
      const [hg, hu, pg, pu] = Array.from(groups[k].children) as SVGPathElement[];
      const gone = run.divergedAt !== null && at >= run.divergedAt;
      const lr = run.lr;
      if (gone || lr === undefined || !(lr > 0)) {
        for (const p of [hg, hu, pg, pu]) p.setAttribute("d", "");
        if (gone) lines.push(`${run.title} has diverged.`);
        continue;
      }
      const v = stepVectors(this.arrowObjective, run, lr, at);
      const x0 = this.px(v.position[0]), y0 = this.py(v.position[1]);
      const m = this.arrowScale;
      const toPixels = (d: readonly [number, number]) => [this.px(v.position[0] + m * d[0]) - x0, this.py(v.position[1] + m * d[1]) - y0] as const;
      const g = arrowPath(x0, y0, ...toPixels(v.gradientStep), limit);
      const u = v.update ? arrowPath(x0, y0, ...toPixels(v.update), limit) : { d: "", cut: false };
      hg.setAttribute("d", g.d);
      pg.setAttribute("d", g.d);
      hu.setAttribute("d", u.d);
      pu.setAttribute("d", u.d);
      lines.push(describeArrows(run.title, v, false, { gradient: g.cut, update: u.cut }));
    }
    this.descriptionText.data =
      `Arrows at step ${Math.floor(at)}, drawn ${this.arrowScale === 1 ? "to the map's scale" : `${this.arrowScale} times their length on the map's scale`}: dashed, the plain gradient step −η∇f with the racer's η; solid, the step the racer takes next (to step ${Math.floor(at) + 1}). ` + lines.join(" ");
  }

  private listen(): void {
    const point = (event: PointerEvent): [number, number] => {
      const box = this.svg.getBoundingClientRect();
      const scale = box.width / (this.width + MARGIN.left + MARGIN.right);
      return this.invert((event.clientX - box.left) / scale - MARGIN.left, (event.clientY - box.top) / scale - MARGIN.top);
    };
    this.svg.addEventListener("pointerdown", (event) => {
      if (event.button !== 0 || !this.layer) return;
      this.dragging = true;
      this.svg.setPointerCapture(event.pointerId);
      const [x, y] = point(event);
      this.options.onStart(x, y, false);
      event.preventDefault();
    });
    this.svg.addEventListener("pointermove", (event) => {
      if (!this.dragging) return;
      const [x, y] = point(event);
      this.options.onStart(x, y, false);
    });
    const end = (event: PointerEvent) => {
      if (!this.dragging) return;
      this.dragging = false;
      const [x, y] = point(event);
      this.options.onStart(x, y, true);
    };
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
    this.handle.addEventListener("keydown", (event) => {
      if (!this.layer) return;
      const { x, y } = this.layer.box;
      const k = event.shiftKey ? 0.1 : 0.01;
      const dx = { ArrowLeft: -1, ArrowRight: 1 }[event.key] ?? 0;
      const dy = { ArrowDown: -1, ArrowUp: 1 }[event.key] ?? 0;
      if (!dx && !dy) return;
      event.preventDefault();
      const nx = Math.min(x[1], Math.max(x[0], this.start[0] + dx * k * (x[1] - x[0])));
      const ny = Math.min(y[1], Math.max(y[0], this.start[1] + dy * k * (y[1] - y[0])));
      this.options.onStart(Number(nx.toPrecision(6)), Number(ny.toPrecision(6)), true);
    });
  }
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
