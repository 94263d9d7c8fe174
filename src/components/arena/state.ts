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

export class ArenaStatePanel {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly g = new Float64Array(2);
  private readonly p = new Float64Array(2);

  constructor() {
    this.element = document.createElement("section");
    this.element.className = "arena-state";
    this.element.setAttribute("aria-label", "State of the highlighted optimizer");
    this.heading = document.createElement("div");
    this.heading.className = "arena-state-title";
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const text of ["", "x₁", "x₂"]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = text;
      head.append(th);
    }
    this.body = table.createTBody();
    this.element.append(this.heading, table);
  }

  /**
   * Shows `run` at step `at` on `objective` (the one the run used: with
   * gradient noise, the gradient shown is the noisy one the next step uses,
   * evaluated with that step's index t = at + 1).
   */
  draw(run: RaceRun | undefined, objective: Objective, at: number, noisy = false): void {
    if (!run) {
      this.heading.textContent = "No racer selected.";
      this.body.replaceChildren();
      return;
    }
    const t = run.trajectory;
    const s = Math.max(0, Math.min(t.steps, Math.floor(at)));
    const stopped = t.diverged && at > t.steps ? ` — diverged at step ${t.divergedAt}` : "";
    this.heading.textContent = `${run.title} at step ${s}: loss ${num(t.loss[s], 4)}${stopped}`;
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
    const body = this.body;
    body.replaceChildren();
    for (const [label, a, b] of rows) {
      const row = body.insertRow();
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = label;
      row.append(th);
      row.insertCell().textContent = Number.isNaN(a) ? "—" : num(a, 4);
      row.insertCell().textContent = Number.isNaN(b) ? "—" : num(b, 4);
    }
    if (s === 0) {
      const row = body.insertRow();
      const cell = row.insertCell();
      cell.colSpan = 3;
      cell.className = "arena-muted";
      cell.textContent = "Step 0: the buffers are fresh. Step forward to see them fill.";
    }
  }
}
