/**
 * StateTable(record, step, {x, dim}): the playground's state panel — the
 * reader's optimizer's position and state buffers after step `step`, one row
 * per buffer with its first few coordinates (as recorded in the sandbox
 * worker, sandbox/state-record.ts), and a caption that says how many
 * coordinates each buffer has in all and how many buffers were left out.
 * Without buffers it shows the position alone and says why; with no step
 * recorded, a sentence.
 */
import { html } from "htl";
import { num } from "../format.js";
import type { StateRecord } from "./sandbox/state-record.js";

export interface StateTableOptions {
  /** The run's positions, row-major (steps + 1) × dim, for the position row. */
  x?: ArrayLike<number>;
  dim?: number;
}

/** The names of the buffers, as prose: "v", "m and v", "m, v and s". */
export function bufferList(record: StateRecord | null): string {
  const names = (record?.buffers ?? []).map((b) => b.name);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * Whether the recorded buffer `v` is the step direction of a template-like
 * momentum, x_s = x_{s−1} − c·v_s with one constant c > 0 for every recorded
 * step and coordinate (to 1e-9 relative): returns c (η in the template), or
 * null when there is no `v`, no position, or the relation does not hold.
 */
export function stepAlongV(record: StateRecord | null, x: ArrayLike<number> | undefined, dim: number | undefined): number | null {
  const v = record?.buffers.find((b) => b.name === "v");
  if (!record || !v || !x || !dim || v.length !== dim) return null;
  const steps = Math.min(record.steps, Math.floor(x.length / dim) - 1);
  let c: number | null = null;
  for (let s = 1; s <= steps; ++s) {
    for (let i = 0; i < v.kept; ++i) {
      const vi = v.values[(s - 1) * v.kept + i];
      const dx = x[(s - 1) * dim + i] - x[s * dim + i];
      if (!Number.isFinite(vi) || !Number.isFinite(dx)) return null;
      if (vi === 0) {
        if (dx !== 0) return null;
        continue;
      }
      const r = dx / vi;
      if (c === null) c = r;
      else if (Math.abs(r - c) > 1e-9 * Math.abs(c)) return null;
    }
  }
  return c !== null && c > 0 ? c : null;
}

const EMPTY_HINT = "Keep a Float64Array, an array of numbers or a number in the state (also inside a plain object, such as state.buf.v) and it appears here.";

export function StateTable(record: StateRecord | null, step: number, { x, dim }: StateTableOptions = {}): HTMLElement {
  if (!record || record.steps === 0) {
    return html`<p class="state-table-empty"><em>Your optimizer took no step on this surface (the run stopped at its start), so there is no state to show.</em></p>`;
  }
  if (record.buffers.length === 0 && !(x && dim)) {
    return html`<p class="state-table-empty"><em>Your optimizer keeps no buffers beside t and dim: nothing to show. ${EMPTY_HINT}</em></p>`;
  }
  const s = Math.max(1, Math.min(record.steps, Math.round(step)));
  const cols = Math.max(1, ...record.buffers.map((b) => b.kept), Math.min(dim ?? 0, 6));
  const head = Array.from({ length: cols }, (_, i) => html`<th scope="col">[${i}]</th>`);
  const cell = (v: number | undefined) => html`<td>${v === undefined ? "" : num(v, 4)}</td>`;
  const rows = [];
  if (x && dim) {
    const shown = Math.min(dim, cols);
    rows.push(html`<tr><th scope="row">position θ${dim > shown ? html` <small>(${shown} of ${dim})</small>` : ""}</th>${Array.from({ length: cols }, (_, i) => cell(i < shown ? x[s * dim + i] : undefined))}</tr>`);
  }
  for (const b of record.buffers) {
    const label = b.length === 1 ? b.name : b.length > b.kept ? html`${b.name} <small>(${b.kept} of ${b.length})</small>` : b.name;
    rows.push(html`<tr><th scope="row"><code>${label}</code></th>${Array.from({ length: cols }, (_, i) => cell(i < b.kept ? b.values[(s - 1) * b.kept + i] : undefined))}</tr>`);
  }
  const omitted = record.omitted ?? 0;
  const table = html`<table class="state-table">
    <caption>State after step ${s} of ${record.steps}${record.buffers.some((b) => b.length > b.kept) || (dim ?? 0) > cols ? ` (the first ${cols} coordinates of each)` : ""}${omitted > 0 ? `; the first ${record.buffers.length} buffers only, ${omitted} more left out` : ""}</caption>
    <thead><tr><th scope="col">buffer</th>${head}</tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
  if (record.buffers.length > 0) return table;
  return html`<div>${table}<p class="state-table-empty"><em>Your optimizer keeps no buffers beside t and dim (plain SGD needs none), so only the position is shown. ${EMPTY_HINT}</em></p></div>`;
}
