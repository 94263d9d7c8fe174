/**
 * ArenaStatePanel: what one optimizer carries from step to step, at the step
 * shown — its position, the gradient there, the update it just made, the
 * per-coordinate effective step −Δθᵢ/gᵢ (η for plain gradient descent; the
 * adaptive methods' point is that it differs per coordinate), and every state
 * buffer (`minimize(..., {record: true})` records them after each step).
 */
import type { Objective } from "../../lib/types.js";
import type { RaceRun } from "../../lib/arena/race.js";
import { num } from "../format.js";

/** What a state buffer holds, by optimizer and buffer name. */
const BUFFERS: Record<string, string> = {
  v: "velocity v (momentum buffer)",
  u: "velocity u",
  s: "sum of squared gradients s",
  m: "first moment m (leaky average of g)",
  vMax: "largest v so far",
  vHat: "largest v so far (v̂)",
  gBar: "leaky average of g (ḡ)",
  b: "momentum buffer b",
  gPrev: "previous gradient (0 after a sign flip)",
  stepSize: "step size δ",
};
const OVERRIDES: Record<string, Record<string, string>> = {
  rmsprop: { v: "leaky average of g² (v)" },
  adadelta: { v: "leaky average of g² (v)", u: "leaky average of Δθ² (u)" },
  adamax: { u: "infinity norm u (decayed max |g|)" },
  adam: { v: "second moment v (leaky average of g²)" },
  amsgrad: { v: "second moment v (leaky average of g²)" },
  adamw: { v: "second moment v (leaky average of g²)" },
  nadam: { v: "second moment v (leaky average of g²)" },
  amsgradReddi: { v: "second moment v (leaky average of g²)" },
};

export function describeBuffer(optimizer: string, buffer: string): string {
  return OVERRIDES[optimizer]?.[buffer] ?? BUFFERS[buffer] ?? buffer;
}

/** One row of the panel: its label and two values, as text nodes rewritten in place. */
interface PanelRow {
  readonly row: HTMLTableRowElement;
  readonly label: Text;
  readonly a: Text;
  readonly b: Text;
}

/**
 * The panel redraws every playback frame, so it reuses its nodes: the rows
 * stay and only their text nodes' data change (no child list changes, so no
 * mutation observer of the page's child lists wakes up each frame); rows are
 * added or removed only when the number of rows changes (step 0 ↔ 1, another
 * racer).
 */
export class ArenaStatePanel {
  readonly element: HTMLElement;
  private readonly heading: Text;
  private readonly body: HTMLTableSectionElement;
  private readonly rows: PanelRow[] = [];
  /** The "Step 0: the buffers are fresh" row, shown at step 0 only. */
  private readonly freshRow: HTMLTableRowElement;
  private readonly g = new Float64Array(2);
  private readonly p = new Float64Array(2);

  constructor() {
    this.element = document.createElement("section");
    this.element.className = "arena-state";
    this.element.setAttribute("aria-label", "State of the highlighted optimizer");
    const title = document.createElement("div");
    title.className = "arena-state-title";
    this.heading = document.createTextNode("");
    title.append(this.heading);
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const text of ["", "x₁", "x₂"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = text;
      head.append(th);
    }
    this.body = table.createTBody();
    this.freshRow = document.createElement("tr");
    const cell = this.freshRow.insertCell();
    cell.colSpan = 3;
    cell.className = "arena-muted";
    cell.textContent = "Step 0: the buffers are fresh. Step forward to see them fill.";
    this.element.append(title, table);
  }

  /**
   * Shows `run` at step `at` on `objective` (the one the run used: with
   * gradient noise, the gradient shown is the noisy one the next step uses,
   * evaluated with that step's index t = at + 1).
   */
  draw(run: RaceRun | undefined, objective: Objective, at: number, noisy = false): void {
    if (!run) {
      this.setText(this.heading, "No racer selected.");
      this.show([], false);
      return;
    }
    const t = run.trajectory;
    const s = Math.max(0, Math.min(t.steps, Math.floor(at)));
    const stopped = t.diverged && at > t.steps ? ` — diverged at step ${t.divergedAt}` : "";
    this.setText(this.heading, `${run.title} at step ${s}: loss ${num(t.loss[s], 4)}${stopped}`);
    const rows: Array<[string, number, number]> = [];
    this.p[0] = t.x[2 * s];
    this.p[1] = t.x[2 * s + 1];
    objective.grad(this.p, this.g, s + 1);
    rows.push(["position θ", this.p[0], this.p[1]]);
    rows.push([noisy ? "noisy gradient g = ∇f + σz at θ" : "gradient g at θ", this.g[0], this.g[1]]);
    if (s >= 1) {
      rows.push(["last update −Δθ", t.x[2 * s - 2] - this.p[0], t.x[2 * s - 1] - this.p[1]]);
      rows.push(["effective step −Δθ/g", t.effectiveLr[2 * s - 2], t.effectiveLr[2 * s - 1]]);
      for (const [name, values] of Object.entries(t.state ?? {})) {
        const n = values.length / Math.max(1, t.steps);
        if (n !== 2) continue;
        rows.push([describeBuffer(run.name, name), values[2 * (s - 1)], values[2 * (s - 1) + 1]]);
      }
    }
    this.show(rows, s === 0);
  }

  /** Puts `rows` (and the step-0 note if `fresh`) in the table, reusing the rows it has. */
  private show(rows: ReadonlyArray<[string, number, number]>, fresh: boolean): void {
    const value = (v: number) => (Number.isNaN(v) ? "—" : num(v, 4));
    while (this.rows.length > rows.length) this.rows.pop()!.row.remove();
    while (this.rows.length < rows.length) {
      const row = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      const r: PanelRow = { row, label: document.createTextNode(""), a: document.createTextNode(""), b: document.createTextNode("") };
      th.append(r.label);
      row.append(th);
      row.insertCell().append(r.a);
      row.insertCell().append(r.b);
      this.body.insertBefore(row, this.rows.length ? this.rows[this.rows.length - 1].row.nextSibling : this.body.firstChild);
      this.rows.push(r);
    }
    rows.forEach(([label, a, b], k) => {
      const r = this.rows[k];
      this.setText(r.label, label);
      this.setText(r.a, value(a));
      this.setText(r.b, value(b));
    });
    const hasFresh = this.freshRow.parentNode === this.body;
    if (fresh && !hasFresh) this.body.append(this.freshRow);
    else if (!fresh && hasFresh) this.freshRow.remove();
  }

  private setText(node: Text, text: string): void {
    if (node.data !== text) node.data = text;
  }
}
