/**
 * NumericCheck({id, label, answer, tolerance, hint}): an exercise answered
 * with a number and checked in the page. The reader types a value (an
 * expression like `2/4` or `1e-3` is fine), presses Check (or Enter), and gets
 * a clear pass or a hint. The last result is remembered in the browser
 * (localStorage key `descent:exercise:<id>`, or `descent:exercise:<id>#<student
 * id>` for a student's own variant: status-store.ts), so progress survives a
 * reload, and a pass of the published question is not a pass of a variant.
 */
import { html } from "htl";
import type { ReaderVariant } from "./reader-variant.js";
import { readStudentId } from "./student-id.js";
import { readStatus, recordStatus, statusOwner } from "./status-store.js";

export { readStatus } from "./status-store.js";

export interface NumericCheckOptions {
  /** A stable id, unique in the course: `<chapter>/<name>`. */
  id: string;
  label?: string;
  answer: number;
  /** Accepted relative error (default 1e-3), or absolute when |answer| < 1e-9. */
  tolerance?: number;
  hint?: string;
  /** Shown on success: why the answer is what it is. */
  explanation?: string;
}

export type ExerciseStatus = "passed" | "failed";

/** Parses a number or a small arithmetic expression of numbers (+ − × / ^ and parentheses); NaN when it is neither. */
export function parseNumber(text: string): number {
  const source = text.trim().replace(/−/g, "-").replace(/×/g, "*").replace(/\^/g, "**");
  if (!/^[0-9eE+\-*/(). ]+$/.test(source) || source === "") return NaN;
  try {
    const value = Function(`"use strict"; return (${source});`)() as unknown;
    return typeof value === "number" ? value : NaN;
  } catch {
    return NaN;
  }
}

/** Whether `value` is within the tolerance of `answer`. */
export function isClose(value: number, answer: number, tolerance = 1e-3): boolean {
  if (!Number.isFinite(value)) return false;
  const scale = Math.abs(answer) < 1e-9 ? 1 : Math.abs(answer);
  return Math.abs(value - answer) <= tolerance * scale;
}

type ReaderVariantModule = typeof import("./reader-variant.js");
let readerVariants: ReaderVariantModule | null = null;
let readerVariantsLoading: Promise<ReaderVariantModule> | null = null;

/**
 * Loads the per-student variants (reader-variant.ts and the table of
 * numeric-variants.ts) once. NumericCheck asks for them only when a student
 * id is stored; until they arrive its box is empty and `aria-busy`.
 */
export function loadReaderVariants(): Promise<ReaderVariantModule> {
  readerVariantsLoading ??= import("./reader-variant.js").then((module) => (readerVariants = module));
  return readerVariantsLoading;
}

export function NumericCheck(options: NumericCheckOptions): HTMLElement {
  const box = html`<div class="exercise-check" data-exercise=${options.id}></div>` as HTMLElement;
  const student = readStudentId();
  if (student === null) fillCheck(box, options, null, null);
  else if (readerVariants) fillCheck(box, options, student, readerVariants.readerVariant(options.id, student));
  else {
    box.setAttribute("aria-busy", "true");
    void loadReaderVariants().then(
      ({ readerVariant }) => {
        box.removeAttribute("aria-busy");
        fillCheck(box, options, student, readerVariant(options.id, student));
      },
      (error) => {
        // Never the published question in place of the student's variant: say what failed.
        console.error(error);
        box.removeAttribute("aria-busy");
        box.textContent = `Your variant of this exercise could not be loaded (${String(error)}); reload the page.`;
      },
    );
  }
  return box;
}

/** Fills a NumericCheck's box for the published question (mine null) or the student's variant. */
function fillCheck(box: HTMLElement, { id, label: publishedLabel = "Your answer", answer: published, tolerance: publishedTolerance = 1e-3, hint: publishedHint, explanation: publishedExplanation }: NumericCheckOptions, student: string | null, mine: ReaderVariant | null): void {
  // A student's own variant replaces the published numbers (and the explanation, which quotes them).
  // A variant's status is stored under its own key: a pass of the published question does not carry over.
  const owner = statusOwner(student, mine !== null);
  const answer = mine ? mine.answer : published;
  const tolerance = mine?.tolerance ?? publishedTolerance;
  const hint = mine ? mine.hint : publishedHint;
  const explanation = mine ? undefined : publishedExplanation;
  // The page's label may name a published number (m₃, t = 1000): the variant's own label replaces it.
  const label = mine?.label ?? publishedLabel;
  const input = html`<input type="text" inputmode="decimal" aria-label=${label} placeholder="e.g. 0.5 or 2/4" style="width: 10em; font: inherit;">` as HTMLInputElement;
  const button = html`<button type="button">Check</button>` as HTMLButtonElement;
  const feedback = html`<span role="status" aria-live="polite" class="exercise-feedback"></span>` as HTMLElement;
  const previous = readStatus(id, owner);
  if (previous === "passed") feedback.textContent = "✓ solved before";

  function check() {
    const value = parseNumber(input.value);
    if (Number.isNaN(value)) {
      feedback.textContent = "Type a number (you may write an expression like 2/4).";
      feedback.dataset.status = "invalid";
      return;
    }
    const ok = isClose(value, answer, tolerance);
    recordStatus(id, ok ? "passed" : "failed", { student: owner });
    feedback.dataset.status = ok ? "passed" : "failed";
    feedback.textContent = ok ? `✓ Correct.${explanation ? " " + explanation : ""}` : `✗ Not yet.${hint ? " Hint: " + hint : ""}`;
  }
  button.addEventListener("click", check);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") check();
  });
  box.append(html`${mine ? html`<p class="exercise-variant"><strong>Your variant</strong> (student ${student}): ${mine.statement}</p>` : ""}<label>${label}: ${input}</label> ${button} ${feedback}`);
}
