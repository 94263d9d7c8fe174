/** Checklist(checks): the playground's automatic checks as a list of ✓ / ✗ / – with details. */
import { html } from "htl";

export interface ChecklistItem {
  name: string;
  status: "pass" | "fail" | "skip";
  detail: string;
}

const MARK = { pass: "✓", fail: "✗", skip: "–" } as const;

export function Checklist(checks: readonly ChecklistItem[]): HTMLElement {
  const passed = checks.filter((c) => c.status === "pass").length;
  return html`<div class="checklist">
    <p><strong>${passed} of ${checks.length} checks pass.</strong></p>
    <ul>${checks.map(
      (c) => html`<li data-status=${c.status}><span class="checklist-mark" aria-hidden="true">${MARK[c.status]}</span> <strong>${c.name}</strong> <span class="sr-only">(${c.status})</span> — ${c.detail}</li>`
    )}</ul>
  </div>`;
}
