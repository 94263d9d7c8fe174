/**
 * RobbinsMonroTable(rows): each schedule's Σ η and Σ η² (their limits, or ∞
 * with how the partial sums grow) and whether it meets each Robbins–Monro
 * condition, as an HTML table that scrolls sideways on a phone.
 */
import { html } from "htl";
import { num } from "../format.js";

export interface RobbinsMonroTableRow {
  name: string;
  sum: { value: number; growth: string };
  sumSq: { value: number; growth: string };
  first: boolean;
  second: boolean;
}

function cell(limit: { value: number; growth: string }) {
  return Number.isFinite(limit.value)
    ? html`<td><strong>${num(limit.value, 4)}</strong><br><small>${limit.growth}</small></td>`
    : html`<td><strong>∞</strong><br><small>${limit.growth}</small></td>`;
}

const mark = (ok: boolean) => html`<td style="text-align:center; font-size:1.1em" aria-label=${ok ? "yes" : "no"}>${ok ? "✓" : "✗"}</td>`;

export function RobbinsMonroTable(rows: readonly RobbinsMonroTableRow[]): HTMLElement {
  return html`<div style="overflow-x:auto; max-width:100%"><table class="robbins-monro" style="min-width:520px">
    <thead><tr><th>schedule</th><th>Σ η(t)</th><th>Σ η(t)²</th><th>Σ η = ∞</th><th>Σ η² &lt; ∞</th><th>both</th></tr></thead>
    <tbody>${rows.map(
      (r) => html`<tr><td>${r.name}</td>${cell(r.sum)}${cell(r.sumSq)}${mark(r.first)}${mark(r.second)}${mark(r.first && r.second)}</tr>`
    )}</tbody>
  </table></div>` as HTMLElement;
}
