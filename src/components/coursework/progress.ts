/**
 * A reader's progress through the exercises, kept in this browser.
 *
 * Every checked exercise stores its status under `descent:exercise:<id>`
 * ("passed" or "failed"): NumericCheck (exercise.ts) and CodeExercise
 * (code-exercise.ts) both write there. An exercise checked in a student's own
 * variant (a student id is set and the exercise has per-student variants:
 * the catalogue's `variant: "per-student"`, code or numeric) stores it under
 * `descent:exercise:<id>#<student id>` instead, and only that key counts
 * while that id is set: a pass on the published exercise (whose solution the
 * page shows) or on another student's variant is not a pass of this one
 * (the rule, `statusOwner`, and its reasons are in status-store.ts).
 * This module reads them all, sums them per chapter with the points of the
 * catalogue (src/data/exercises.json), and writes the file a student hands in
 * ("Export my progress").
 */
import { html } from "htl";
import { numericVariantOf } from "./numeric-variants.js";
import { readStudentId } from "./student-id.js";
import { STORAGE_PREFIX, statusOwner, statusStorage as storage, type Status, type StatusStorage } from "./status-store.js";

export { STORAGE_PREFIX, recordStatus, statusKey, type Status, type StatusStorage } from "./status-store.js";

/** The catalogue's fields this module needs (src/data/exercises.json has more). */
export interface CatalogueItem {
  id: string;
  chapter: string;
  title: string;
  points: number;
  kind: "code" | "numeric" | "concept";
  /** Code and numeric exercises: whether each student gets their own variant (src/data/exercises.json always says). */
  variant?: "per-student" | "fixed";
}

/** Who a status is for: the reader's student id (null: none), and which ids have per-student variants. */
export interface StatusReader {
  student?: string | null;
  varies?: (id: string) => boolean;
}
const hasNumericVariant = (id: string) => numericVariantOf(id) !== null;

/**
 * Which ids have per-student variants, as the catalogue says (its `variant`
 * field; a code exercise varies when its check module has a `variant`). An
 * entry without the field (a catalogue made by hand) falls back to the table
 * of numeric variants, which knows no code exercise.
 */
export function perStudentIn(catalogue: readonly CatalogueItem[]): (id: string) => boolean {
  const variant = new Map(catalogue.map((e) => [e.id, e.variant]));
  return (id) => {
    const v = variant.get(id);
    return v === undefined ? hasNumericVariant(id) : v === "per-student";
  };
}

/** The statuses that count for this reader, for the exercises of `catalogue` (which says which vary per student). */
const statusesOf = (catalogue: readonly CatalogueItem[]) => readStatuses(storage(), { varies: perStudentIn(catalogue) });

/**
 * Every stored exercise status that counts for this reader, by id: for an
 * exercise with per-student variants while a student id is set, the status of
 * that student's variant (none if they have not checked it yet); otherwise
 * the status of the published exercise. `varies` says which ids have
 * per-student variants: pass `perStudentIn(catalogue)`, as the summaries
 * below do; the default knows only the numeric variants.
 */
export function readStatuses(store: StatusStorage | null = storage(), { student = readStudentId(), varies = hasNumericVariant }: StatusReader = {}): Record<string, Status> {
  const out: Record<string, Status> = {};
  if (!store) return out;
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(STORAGE_PREFIX)) continue;
    const value = store.getItem(key);
    if (value !== "passed" && value !== "failed") continue;
    const [id, owner = null] = key.slice(STORAGE_PREFIX.length).split("#");
    if (owner === statusOwner(student, varies(id))) out[id] = value;
  }
  return out;
}

export interface ChapterProgress {
  chapter: string;
  /** Exercises the page checks (code and numeric) and how many of them are solved. */
  checked: number;
  solved: number;
  attempted: number;
  points: number;
  maxPoints: number;
}

/**
 * Sums the statuses per chapter over the catalogue's code and numeric
 * exercises. The catalogue is the one list of what counts: a stored status
 * whose id is not in it (an exercise renamed or retired since the reader
 * solved it) counts nowhere, so the totals never move by a check that has no
 * points. Every check on a page is a catalogue entry (test/coursework/page-checks.test.ts
 * in the sources, test/e2e/progress-consistency.e2e.test.ts in the built site).
 */
export function chapterProgress(catalogue: readonly CatalogueItem[], statuses: Record<string, Status> = statusesOf(catalogue)): Record<string, ChapterProgress> {
  const out: Record<string, ChapterProgress> = {};
  const get = (chapter: string) => (out[chapter] ??= { chapter, checked: 0, solved: 0, attempted: 0, points: 0, maxPoints: 0 });
  for (const e of catalogue) {
    if (e.kind === "concept") continue;
    const p = get(e.chapter);
    p.checked += 1;
    p.maxPoints += e.points;
    const s = statuses[e.id];
    if (s) p.attempted += 1;
    if (s === "passed") {
      p.solved += 1;
      p.points += e.points;
    }
  }
  return out;
}

export interface ProgressFile {
  format: "descent-progress";
  version: 1;
  course: "Descent";
  student: string;
  exported: string;
  exercises: Array<{ id: string; chapter: string; title: string; kind: string; status: Status | "not attempted"; points: number; maxPoints: number }>;
  totals: { solved: number; checked: number; points: number; maxPoints: number };
}

/** The file a student hands in: name, date, the status and points of every code and numeric exercise of the catalogue (and of nothing else). */
export function progressFile(student: string, catalogue: readonly CatalogueItem[], statuses: Record<string, Status> = statusesOf(catalogue), now = new Date()): ProgressFile {
  const exercises: ProgressFile["exercises"] = catalogue
    .filter((e) => e.kind !== "concept")
    .map((e) => {
      const status = statuses[e.id] ?? "not attempted";
      return { id: e.id, chapter: e.chapter, title: e.title, kind: e.kind, status, points: status === "passed" ? e.points : 0, maxPoints: e.points };
    });
  const totals = {
    solved: exercises.filter((e) => e.status === "passed").length,
    checked: exercises.length,
    points: exercises.reduce((s, e) => s + e.points, 0),
    maxPoints: exercises.reduce((s, e) => s + e.maxPoints, 0),
  };
  return { format: "descent-progress", version: 1, course: "Descent", student: student.trim(), exported: now.toISOString(), exercises, totals };
}

/** A file name for the export: descent-progress-<name>-<date>.json. */
export function progressFileName(student: string, now = new Date()): string {
  const slug = student.trim().toLowerCase().normalize("NFKD").replace(/[^\w]+/g, "-").replace(/^-+|-+$/g, "") || "student";
  return `descent-progress-${slug}-${now.toISOString().slice(0, 10)}.json`;
}

/** A one-line summary: "3 of 8 checked exercises solved · 27 of 60 points". */
export function progressSummary(p: { solved: number; checked: number; points: number; maxPoints: number }): string {
  return `${p.solved} of ${p.checked} checked exercise${p.checked === 1 ? "" : "s"} solved · ${p.points} of ${p.maxPoints} points`;
}

/** The "Export my progress" form: a name field, a summary, and a button that downloads the JSON file. */
export function ProgressExport(catalogue: readonly CatalogueItem[]): HTMLElement {
  const name = html`<input type="text" name="student" autocomplete="name" placeholder="Your name" aria-label="Your name" style="font: inherit; width: 14em; max-width: 100%;">` as HTMLInputElement;
  const button = html`<button type="button">Export my progress</button>` as HTMLButtonElement;
  const summary = html`<p class="progress-summary"></p>` as HTMLElement;
  const note = html`<span class="progress-note" role="status" aria-live="polite"></span>` as HTMLElement;
  const refresh = () => {
    const file = progressFile(name.value, catalogue);
    summary.textContent = `In this browser: ${progressSummary(file.totals)}.`;
  };
  try {
    name.value = localStorage.getItem("descent:student-name") ?? "";
  } catch {
    // storage disabled
  }
  name.addEventListener("input", () => {
    try {
      localStorage.setItem("descent:student-name", name.value);
    } catch {
      // storage disabled
    }
  });
  button.addEventListener("click", () => {
    if (!name.value.trim()) {
      note.textContent = "Type your name first: the file carries it.";
      name.focus();
      return;
    }
    const now = new Date();
    const file = progressFile(name.value, catalogue, statusesOf(catalogue), now);
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
    const link = html`<a href=${url} download=${progressFileName(name.value, now)} hidden></a>` as HTMLAnchorElement;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    note.textContent = `Saved ${progressFileName(name.value, now)}.`;
  });
  refresh();
  globalThis.addEventListener?.("descent:progress", refresh);
  return html`<div class="progress-export">${summary}<div class="progress-export-form">${name} ${button} ${note}</div></div>` as HTMLElement;
}
