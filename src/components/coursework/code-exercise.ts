/**
 * CodeExercise({id, worker, exercises}): a coding exercise checked in the
 * page. The reader edits the starter code (the exercise module with its
 * solution replaced by a stub, as JavaScript) in an EditorCell; on every run
 * the sandbox worker's `exercise` adapter runs the exercise's visible checks
 * against the functions the code returns, and the list below the editor says
 * which pass and, for each that fails, what was expected and what came back.
 * The latest run's status is stored in the browser, so it counts on the
 * course map and in the exported progress; a run that fails outright (a
 * syntax error) records nothing, so a pass is kept until a run's checks fail.
 *
 * With a student id set (student-id.ts) and per-student variants (the
 * catalogue's `variant: "per-student"`, from `check.variant` in the
 * exercise's check module), the sandbox and the verifier run the visible
 * cases of that student's variant, not the published ones, and the status is
 * stored and read under that student's key, `descent:exercise:<id>#<student
 * id>`, as NumericCheck does; otherwise under `descent:exercise:<id>`. The
 * rule is `statusOwner` in status-store.ts, whose comment explains it.
 *
 *   const worker = FileAttachment("workers/sandbox.js").href;
 *   const exercises = FileAttachment("data/exercises.json").json();
 *   CodeExercise({id: "adam/adam-step", worker, exercises})
 */
import { html } from "htl";
import { Checklist } from "./checklist.js";
import { EditorCell } from "../editor/editor-cell.js";
import type { CatalogueEntry } from "../../../exercises/catalogue-entry.js";
import { readStatus, recordStatus, statusOwner } from "./status-store.js";
import { readStudentId } from "./student-id.js";

export interface CodeExerciseOptions {
  /** The exercise's id in exercises/index.ts: `<chapter>/<name>`. */
  id: string;
  /** The sandbox worker's URL: `FileAttachment("workers/sandbox.js").href`. */
  worker: string;
  /** The catalogue: `FileAttachment("data/exercises.json").json()`. */
  exercises: readonly CatalogueEntry[];
  /** Time limit per run in ms (default 5000). */
  timeout?: number;
  /** The exercise's number on the page, e.g. "3" → "Exercise 3 ·". */
  number?: string | number;
}

interface CaseResult {
  name: string;
  pass: boolean;
  message: string;
}

interface ExerciseResult {
  id: string;
  results: CaseResult[];
  passed: number;
  total: number;
  untouched: boolean;
}

/** Plain text with `code` spans. */
function statementHtml(text: string): Node[] {
  return text.split(/(`[^`]+`)/).map((part) => (part.startsWith("`") && part.endsWith("`") && part.length > 1 ? html`<code>${part.slice(1, -1)}</code>` : document.createTextNode(part)));
}

function statusText(status: string | undefined, points: number): string {
  return status === "passed" ? `✓ solved · ${points} of ${points} points` : status === "failed" ? `not yet solved · 0 of ${points} points` : `${points} points`;
}

export function CodeExercise({ id, worker, exercises, timeout = 5000, number }: CodeExerciseOptions): HTMLElement {
  const entry = exercises.find((e) => e.id === id);
  if (!entry || entry.kind !== "code" || !entry.starter) {
    throw new Error(`CodeExercise: no code exercise ${JSON.stringify(id)} in the catalogue (exercises/index.ts)`);
  }
  // The reader's variant (a student id stored on the coding exercises page); the published one without it.
  const student = readStudentId();
  // The status belongs to the variant checked: the student's own (their key) or the published one.
  const owner = statusOwner(student, entry.variant === "per-student");
  const badge = html`<span class="code-exercise-status"></span>` as HTMLElement;
  const showStatus = () => {
    const status = readStatus(id, owner) ?? undefined;
    badge.textContent = statusText(status, entry.points);
    badge.dataset.status = status ?? "none";
  };
  showStatus();

  const results = html`<div class="code-exercise-results" aria-live="polite"><p class="code-exercise-waiting">Checking…</p></div>` as HTMLElement;
  const cell = EditorCell({ id, code: entry.starter, worker, adapter: "exercise", params: student ? { id, student } : { id }, timeout, title: "Your code" });
  // Saved code does not run by itself: the checks wait for Run.
  if (cell.dataset.pending === "saved") results.replaceChildren(html`<p class="code-exercise-waiting">Your saved code is in the editor; press <strong>Run</strong> to check it.</p>`);

  cell.addEventListener("input", () => {
    const value = cell.value as ExerciseResult | undefined;
    if (!value || value.id !== id) return;
    results.classList.remove("stale");
    const intro = value.untouched
      ? html`<p>The starter code is a stub. Write your solution in place of <code>throw new Error("not implemented")</code> and press <strong>Run</strong>; these checks then run on your code.</p>`
      : value.passed === value.total
        ? html`<p class="code-exercise-pass"><strong>✓ All ${value.total} checks pass.</strong> Solved — it counts on the course map.</p>`
        : "";
    // An untouched stub has not been attempted: its checks are listed as not run, not as a wall of failures.
    const list = value.untouched
      ? Checklist(value.results.map((r) => ({ name: r.name, status: "skip" as const, detail: "not attempted yet" })), { summary: `${value.total} checks, not attempted yet.` })
      : Checklist(value.results.map((r) => ({ name: r.name, status: r.pass ? "pass" as const : "fail" as const, detail: r.message })));
    results.replaceChildren(...[intro, list].filter(Boolean) as Node[]);
    // The latest run counts: a pass does not stick after a regression.
    if (!value.untouched) recordStatus(id, value.passed === value.total ? "passed" : "failed", { student: owner });
    showStatus();
  });

  // When a run fails outright (a syntax error, an endless loop), the list shows the last run that worked: say so.
  const statusLine = cell.querySelector(".editor-cell-status");
  if (statusLine) {
    new MutationObserver(() => {
      const error = (statusLine as HTMLElement).dataset.kind === "error";
      results.classList.toggle("stale", error);
      results.title = error ? "These results are from your last run that worked." : "";
    }).observe(statusLine, { attributes: true, attributeFilter: ["data-kind"] });
  }

  return html`<section class="code-exercise" data-exercise=${id}>
    <div class="code-exercise-head">
      <strong>${number !== undefined ? `Exercise ${number} · ` : ""}${entry.title}</strong>
      ${badge}
    </div>
    <p class="code-exercise-statement">${statementHtml(entry.statement)}</p>
    ${owner ? html`<p class="exercise-variant code-exercise-variant"><strong>Your variant</strong> (student ${owner}): the checks below use the problems of your own variant, the same ones as your assignment's tests.</p>` : ""}
    ${cell}
    ${results}
  </section>` as HTMLElement;
}
