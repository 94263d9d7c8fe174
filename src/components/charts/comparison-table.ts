/**
 * ComparisonTable(rows): one row per optimizer on a task — tuned learning rate,
 * final training loss, test metric, time, loss at the default learning rate,
 * and the width of its good range — sorted by final loss; the best value of
 * each column in bold.
 */
import { html } from "htl";
import { num } from "../format.js";

export interface ComparisonTableRow {
  label: string;
  color: string;
  lr?: number;
  loss: number;
  testLoss: number;
  accuracy?: number;
  time: number;
  defaultRegret: number;
  goodDecades: number;
  divergedCount: number;
}

const fmt = (v: number | undefined, digits = 3) => (v === undefined || !Number.isFinite(v) ? "—" : num(v, digits));

export function ComparisonTable(rows: readonly ComparisonTableRow[], { accuracy = false }: { accuracy?: boolean } = {}): HTMLElement {
  const sorted = [...rows].sort((a, b) => a.loss - b.loss);
  const minLoss = Math.min(...sorted.map((r) => r.loss));
  const bestTest = accuracy ? Math.max(...sorted.map((r) => r.accuracy ?? -1)) : Math.min(...sorted.map((r) => r.testLoss));
  const bold = (on: boolean, text: string) => (on ? html`<strong>${text}</strong>` : text);
  return html`<div class="comparison-table" style="overflow-x: auto; max-width: 100%;"><table>
    <thead><tr><th>optimizer</th><th>tuned lr</th><th>train loss</th><th>${accuracy ? "test accuracy" : "test loss"}</th><th>time (ms)</th><th>loss at default lr ÷ best</th><th>good range (decades)</th></tr></thead>
    <tbody>${sorted.map(
      (r) => html`<tr>
        <td><span style="display:inline-block;width:0.8em;height:0.8em;border-radius:50%;background:${r.color};margin-right:0.35em;"></span>${r.label}</td>
        <td>${fmt(r.lr, 2)}</td>
        <td>${bold(r.loss === minLoss, fmt(r.loss, 3))}</td>
        <td>${accuracy ? bold(r.accuracy === bestTest, r.accuracy === undefined ? "—" : `${num(100 * r.accuracy)} %`) : bold(r.testLoss === bestTest, fmt(r.testLoss, 3))}</td>
        <td>${fmt(r.time, 2)}</td>
        <td>${bold(r.defaultRegret <= 1.000001, fmt(r.defaultRegret, 3))}</td>
        <td>${fmt(r.goodDecades, 2)}${r.divergedCount ? html` <span class="muted small">(${r.divergedCount} diverged)</span>` : ""}</td>
      </tr>`
    )}</tbody>
  </table></div>` as HTMLElement;
}
