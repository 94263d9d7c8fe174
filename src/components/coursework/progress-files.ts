/**
 * ProgressFiles(): a file picker for the progress files students export from
 * the home page (progress.ts), and a table of them: name, date, exercises
 * solved and points. Everything stays in the browser.
 */
import { html } from "htl";
import type { ProgressFile } from "./progress.js";

/** Reads a progress file's JSON, or throws saying what is wrong with it. */
export function parseProgressFile(text: string): ProgressFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("not JSON");
  }
  const d = data as Partial<ProgressFile>;
  if (!d || d.format !== "descent-progress" || !Array.isArray(d.exercises) || !d.totals) throw new Error("not a Descent progress file");
  return d as ProgressFile;
}

export function ProgressFiles(): HTMLElement {
  const input = html`<input type="file" accept=".json,application/json" multiple aria-label="Progress files">` as HTMLInputElement;
  const out = html`<div class="progress-files-table"></div>` as HTMLElement;
  input.addEventListener("change", async () => {
    const rows = await Promise.all(
      Array.from(input.files ?? [], async (file) => {
        try {
          return { file: file.name, progress: parseProgressFile(await file.text()) };
        } catch (error) {
          return { file: file.name, error: (error as Error).message };
        }
      })
    );
    out.replaceChildren(html`<table>
      <thead><tr><th>student</th><th>exported</th><th style="text-align: right">solved</th><th style="text-align: right">points</th><th>file</th></tr></thead>
      <tbody>${rows.map((r) =>
        "progress" in r && r.progress
          ? html`<tr><td>${r.progress.student || "(no name)"}</td><td>${r.progress.exported.slice(0, 16).replace("T", " ")}</td><td style="text-align: right">${r.progress.totals.solved} / ${r.progress.totals.checked}</td><td style="text-align: right">${r.progress.totals.points} / ${r.progress.totals.maxPoints}</td><td>${r.file}</td></tr>`
          : html`<tr><td colspan="4" class="diverged">could not read: ${"error" in r ? r.error : ""}</td><td>${r.file}</td></tr>`
      )}</tbody>
    </table>`);
  });
  return html`<div class="progress-files"><label>Progress files: ${input}</label>${out}</div>` as HTMLElement;
}
