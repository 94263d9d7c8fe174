/**
 * The shape of a numeric exercise's per-student variant and the helpers its
 * question text uses (numeric-variants.ts and the files it gathers).
 * A variant is its parameters (`defaults`, `draw`), the question with those
 * numbers, the answer computed from them, a hint without numbers, the
 * tolerance the check accepts, and the answers of plausible mistakes, which
 * that tolerance must reject for every drawn variant (tested).
 */
import type { Variant } from "../../lib/variant.js";

export interface NumericVariant<P> extends Variant<P> {
  /** The question with the variant's numbers (the catalogue's statement for the defaults). */
  statement(params: P): string;
  answer(params: P): number;
  /**
   * The label of the answer field for these parameters, when the page's label
   * names a number or a name a draw changes (m₃, t = 1000, Adam); equal to the
   * page's label at the defaults. Without it the page's label is used, which
   * must then hold for every variant (tested).
   */
  label?(params: P): string;
  /** A hint that holds for every variant. */
  hint: string;
  /** Accepted relative error (absolute when |answer| < 10⁻⁹), as the page's NumericCheck; default 10⁻³. */
  tolerance?: number;
  /** Answers of plausible mistakes (a sign, a missing factor, one step too many): the tolerance must reject each. */
  mistakes?(params: P): number[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNumericVariant = NumericVariant<any>;

/** Declares a variant with its parameter type inferred. */
export const variant = <P>(v: NumericVariant<P>): NumericVariant<P> => v;

/** A number as the statements print it: up to 6 significant digits, a true minus sign. */
export function fmt(x: number): string {
  return String(Number(x.toPrecision(6))).replace("-", "−");
}

const SUP: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };
const SUB: Record<string, string> = { "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉" };
/** 10 to an integer power, as 10⁻⁶. */
export const pow10 = (k: number) => `10${String(k).replace(/./g, (c) => SUP[c])}`;
/** An integer as a subscript, as ₁₀. */
export const sub = (k: number) => String(k).replace(/./g, (c) => SUB[c]);
export const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
/** Steps of 0.5 from lo to hi, without 0. */
export const halves = (lo: number, hi: number) => Array.from({ length: (hi - lo) * 2 + 1 }, (_, i) => lo + i / 2).filter((v) => v !== 0);
/** A point as the statements print it: (−5, −2). */
export const pointText = (xs: readonly number[]) => `(${xs.map(fmt).join(", ")})`;
