/** Checklist(checks, {summary}): automatic checks as a list of ✓ / ✗ / – (not run) with details. */
import { html } from "htl";

export interface ChecklistItem {
  name: string;
  status: "pass" | "fail" | "skip";
  detail: string;
}

const MARK = { pass: "✓", fail: "✗", skip: "–" } as const;

/** `summary` replaces the "k of n checks pass" line (e.g. for checks not run yet). */
export function Checklist(checks: readonly ChecklistItem[], { summary }: { summary?: string } = {}): HTMLElement {
  const passed = checks.filter((c) => c.status === "pass").length;
  return html`<div class="checklist">
    <p><strong>${summary ?? `${passed} of ${checks.length} checks pass.`}</strong></p>
    <ul>${checks.map(
      (c) => html`<li data-status=${c.status}><span class="checklist-mark" aria-hidden="true">${MARK[c.status]}</span> <strong>${c.name}</strong> <span class="sr-only">(${c.status})</span> — ${c.detail}</li>`
    )}</ul>
  </div>`;
}
