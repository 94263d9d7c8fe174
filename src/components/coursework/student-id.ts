/**
 * The reader's student id, for per-student variants (lib/variant.ts):
 * stored in this browser only (localStorage `descent:student-id`), read by
 * CodeExercise and NumericCheck so the page shows the reader's own variant —
 * the problems of their assignment edition — and the published one without an
 * id. `StudentIdInput()` is the labelled field that sets it (on the coding
 * exercises page).
 */
import { html } from "htl";
import { STUDENT_ID } from "../../lib/variant.js";

const KEY = "descent:student-id";

/** The stored id, or null (none, storage disabled, or not a valid id). */
export function readStudentId(): string | null {
  try {
    const id = localStorage.getItem(KEY);
    return id !== null && STUDENT_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** Stores an id (empty: forget it); throws a RangeError naming the rule when it is not a valid id. */
export function writeStudentId(id: string): void {
  const value = id.trim();
  if (value !== "" && !STUDENT_ID.test(value)) throw new RangeError(`A student id is 1–64 letters, digits, ".", "_", "@" or "-"; "${value}" is not one.`);
  try {
    if (value === "") localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, value);
  } catch {
    throw new RangeError("This browser does not let the page store anything, so it cannot remember your id.");
  }
}

/** A labelled field and button that set the stored id, then reload the page so every exercise shows that variant. */
export function StudentIdInput({ reload = () => location.reload() }: { reload?: () => void } = {}): HTMLElement {
  const current = readStudentId();
  const input = html`<input type="text" autocomplete="off" spellcheck="false" maxlength="64" style="width: 14em; font: inherit;">` as HTMLInputElement;
  input.value = current ?? "";
  const button = html`<button type="button">Use this id</button>` as HTMLButtonElement;
  const status = html`<span role="status" aria-live="polite" class="exercise-feedback">${current ? `Showing the variant of ${current}.` : "Showing the published variant."}</span>` as HTMLElement;
  const save = () => {
    try {
      writeStudentId(input.value);
      status.textContent = "Saved; reloading…";
      reload();
    } catch (error) {
      status.textContent = (error as Error).message;
      status.dataset.status = "invalid";
    }
  };
  button.addEventListener("click", save);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") save();
  });
  return html`<div class="exercise-check student-id"><label>Your student id (as in your assignment; leave empty for the published exercises): ${input}</label> ${button} ${status}</div>` as HTMLElement;
}
