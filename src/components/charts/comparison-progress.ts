/**
 * ComparisonProgress(state): a progress bar with what is running now, for a
 * long computation done in the page in slices (never freezing the tab).
 */
import { html } from "htl";
import { num } from "../format.js";

export function ComparisonProgress(state: { done: number; total: number; finished: boolean; current: { task: string; contender: string } | null }, { elapsedMs }: { elapsedMs?: number } = {}): HTMLElement {
  const pct = state.total > 0 ? Math.round((100 * state.done) / state.total) : 0;
  const what = state.finished
    ? `Done: ${state.total} epochs of training${elapsedMs !== undefined ? ` in ${num(elapsedMs / 1000)} s` : ""}, computed in this browser.`
    : state.current
      ? `Training ${state.current.contender} on ${state.current.task}… ${pct} %`
      : `Starting… ${pct} %`;
  return html`<div class="comparison-progress" role="status" aria-live="polite">
    <progress max=${state.total} value=${state.done} style="width: 100%; max-width: 640px;"></progress>
    <div class="small muted">${what}</div>
  </div>` as HTMLElement;
}
