/** ExerciseTable(catalogue, titles): every exercise by chapter — kind, points and statement — for the instructors' page. */
import { html } from "htl";
import type { CatalogueEntry } from "../../../exercises/catalogue-entry.js";

export type ExerciseRow = Pick<CatalogueEntry, "id" | "chapter" | "title" | "points" | "statement" | "kind" | "variant" | "variantReason">;

const VARIANT = { "per-student": "per-student variants", fixed: "one variant for all" } as const;

const KIND = { code: "code (autograded)", numeric: "number, checked in the page", concept: "written, graded by hand" } as const;

/** Chapter totals: how many exercises of each kind and their points. */
export function chapterTotals(catalogue: readonly ExerciseRow[]) {
  const out = new Map<string, { chapter: string; code: number; numeric: number; concept: number; codePoints: number; points: number }>();
  for (const e of catalogue) {
    const t = out.get(e.chapter) ?? { chapter: e.chapter, code: 0, numeric: 0, concept: 0, codePoints: 0, points: 0 };
    t[e.kind] += 1;
    t.points += e.points;
    if (e.kind === "code") t.codePoints += e.points;
    out.set(e.chapter, t);
  }
  return [...out.values()];
}

export function ExerciseTable(catalogue: readonly ExerciseRow[], chapterTitles: Record<string, string> = {}): HTMLElement {
  const chapters = [...new Set(catalogue.map((e) => e.chapter))];
  return html`<div class="exercise-table">${chapters.map((chapter) => {
    const rows = catalogue.filter((e) => e.chapter === chapter);
    return html`<h4>${chapterTitles[chapter] ?? chapter} <code>${chapter}</code></h4>
      <table>
        <thead><tr><th>exercise</th><th>kind</th><th>variants</th><th style="text-align: right">points</th></tr></thead>
        <tbody>${rows.map((e) => html`<tr data-kind=${e.kind}>
          <td><strong>${e.title}</strong><br><code>${e.id}</code> — ${e.statement}</td>
          <td>${KIND[e.kind]}</td>
          <td>${e.variant ? VARIANT[e.variant] : "—"}${e.variantReason ? html`<br><small>${e.variantReason}</small>` : ""}</td>
          <td style="text-align: right">${e.points}</td>
        </tr>`)}</tbody>
      </table>`;
  })}</div>` as HTMLElement;
}
