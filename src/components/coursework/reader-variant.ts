/**
 * The reader's variant of a numeric exercise (numeric-variants.ts), when a
 * student id is stored and the exercise has variants: its question, answer
 * and a hint without numbers. Null: the published question of the page.
 *
 * NumericCheck (exercise.ts) imports this module, and with it the table of
 * variants (~13 KB gzip), only when a student id is stored: a reader without
 * one never needs it.
 */
import { paramsFor } from "../../lib/variant.js";
import { numericVariantOf } from "./numeric-variants.js";
import { readStudentId } from "./student-id.js";

export interface ReaderVariant {
  statement: string;
  answer: number;
  hint: string;
  tolerance?: number;
  label?: string;
}

export function readerVariant(id: string, student: string | null = readStudentId()): ReaderVariant | null {
  const v = numericVariantOf(id);
  if (!v || !student) return null;
  const p = paramsFor(v, student, id);
  return { statement: v.statement(p), answer: v.answer(p), hint: v.hint, tolerance: v.tolerance, label: v.label?.(p) };
}
