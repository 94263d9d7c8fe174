/**
 * ProgressFiles(): a file picker for the progress files students export from
 * the home page (progress.ts), and a table of them: name, date, exercises
 * solved and points. Everything stays in the browser.
 */
import { html } from "htl";
import type { ProgressFile } from "./progress.js";

/** The largest progress file read, in characters (a real one is a few kB). */
export const MAX_PROGRESS_FILE = 1_000_000;

/**
 * Reads a progress file's JSON, or throws saying what is wrong with it. Every
 * field the table shows is checked, so one malformed file is named as such
 * and never breaks the others.
 */
export function parseProgressFile(text: string): ProgressFile {
  if (text.length > MAX_PROGRESS_FILE) throw new Error(`larger than ${MAX_PROGRESS_FILE.toLocaleString("en")} characters`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("not JSON");
  }
  const d = data as Partial<ProgressFile>;
  if (!d || typeof d !== "object" || d.format !== "descent-progress" || !Array.isArray(d.exercises) || !d.totals || typeof d.totals !== "object") throw new Error("not a Descent progress file");
  if (d.student !== undefined && typeof d.student !== "string") throw new Error("its student is not a name (text)");
  if (typeof d.exported !== "string") throw new Error("its export date is not text");
  for (const key of ["solved", "checked", "points", "maxPoints"] as const) {
    if (typeof d.totals[key] !== "number" || !Number.isFinite(d.totals[key])) throw new Error(`its totals.${key} is not a number`);
  }
  return d as ProgressFile;
}

/** One row of the table: a file read, or the reason it could not be. */
function row(file: string, text: () => Promise<string>): Promise<{ file: string; progress?: ProgressFile; error?: string }> {
  return text().then(
    (t) => {
      try {
        return { file, progress: parseProgressFile(t) };
      } catch (error) {
        return { file, error: error instanceof Error ? error.message : String(error) };
      }
    },
    (error) => ({ file, error: `unreadable (${(error as Error)?.message ?? error})` })
  );
}

export function ProgressFiles(): HTMLElement {
  const input = html`<input type="file" accept=".json,application/json" multiple aria-label="Progress files">` as HTMLInputElement;
  const out = html`<div class="progress-files-table"></div>` as HTMLElement;
  input.addEventListener("change", async () => {
    const rows = await Promise.all(Array.from(input.files ?? [], (file) => row(file.name, () => file.text())));
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
