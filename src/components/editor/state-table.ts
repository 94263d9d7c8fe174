/**
 * StateTable(record, step, {x, dim}): the playground's state panel — the
 * reader's optimizer's position and state buffers after step `step`, one row
 * per buffer with its first few coordinates (as recorded in the sandbox
 * worker, sandbox/state-record.ts), and a caption that says how many
 * coordinates each buffer has in all.
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

export function StateTable(record: StateRecord | null, step: number, { x, dim }: StateTableOptions = {}): HTMLElement {
  if (!record || record.steps === 0) {
    return html`<p class="state-table-empty"><em>${record ? "Your optimizer took no step (it diverged at the start), so there is no state to show." : "Your optimizer keeps no buffers beside t and dim: nothing to show. Keep a Float64Array (or an array of numbers) in the state and it appears here."}</em></p>`;
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
  return html`<table class="state-table">
    <caption>State after step ${s} of ${record.steps}${record.buffers.some((b) => b.length > b.kept) || (dim ?? 0) > cols ? ` (the first ${cols} coordinates of each)` : ""}</caption>
    <thead><tr><th scope="col">buffer</th>${head}</tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
}
