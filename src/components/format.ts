/**
 * The one number formatter of the course: numbers quoted in the prose come
 * from the code, formatted here (and formulas built in cells use the same
 * rules through `tex`'s `fmt`).
 *
 * One style everywhere:
 * - up to `digits` significant digits (3 by default), no trailing zeros;
 * - one minus sign, U+2212 "−", never the hyphen "-";
 * - scientific notation with a superscript power of ten, "3.2×10⁻⁵", when the
 *   rounded magnitude is below 10⁻⁴ or at least 10⁵ — never "1e-8" and never
 *   "0.000001" (that is 1×10⁻⁶);
 * - ∞ and −∞ for infinities; NaN stays "NaN" (the browser tests fail a page
 *   that shows it: a diverged run is to be said in words).
 */

/** Magnitudes below this are written in scientific notation. */
export const SCIENTIFIC_BELOW = 1e-4;
/** Magnitudes from this up are written in scientific notation. */
export const SCIENTIFIC_FROM = 1e5;

export const MINUS = "\u2212";

/**
 * How `value` is written with `digits` significant digits: either plain
 * (`mantissa` is the whole number, `exponent` null) or as mantissa × 10^exponent.
 * The choice is made on the rounded value, so 99 999.5 becomes 1×10⁵, not 100000.
 */
export function numberParts(value: number, digits = 3): { mantissa: number; exponent: number | null } {
  const rounded = Number(value.toPrecision(digits));
  const abs = Math.abs(rounded);
  if (abs !== 0 && (abs < SCIENTIFIC_BELOW || abs >= SCIENTIFIC_FROM)) {
    const [mantissa, exponent] = rounded.toExponential(digits - 1).split("e");
    return { mantissa: Number(mantissa), exponent: Number(exponent) };
  }
  return { mantissa: rounded, exponent: null };
}

/** Up to `digits` significant digits, no trailing zeros, U+2212 minus, ×10ⁿ for tiny or huge values. */
export function num(value: number, digits = 3): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : `${MINUS}∞`;
  if (value === 0) return "0";
  const { mantissa, exponent } = numberParts(value, digits);
  const text = withMinus(String(mantissa));
  return exponent === null ? text : `${text}×10${superscript(exponent)}`;
}

const SUPERSCRIPTS: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/** An integer in superscript digits: −5 → "⁻⁵". */
export function superscript(n: number): string {
  return String(n).replace(/./g, (c) => SUPERSCRIPTS[c] ?? c);
}

function withMinus(text: string): string {
  return text.replace("-", MINUS);
}

/** A position like (−5, −2) with each coordinate formatted by `num`. */
export function point(values: ArrayLike<number>, digits = 3): string {
  return `(${Array.from(values, (v) => num(v, digits)).join(", ")})`;
}

/**
 * The tick formatter for chart axes and legends, in the same style as `num`:
 * a power of ten is written "10⁻⁵" (not "1×10⁻⁵"), other values as `num`
 * writes them (3 significant digits). Pass it to Plot as `tickFormat: tickNum`
 * (Plot calls it with (value, index, values); only the value is used).
 */
export function tickNum(value: number): string {
  const text = num(value, 3);
  return text.startsWith("1×10") ? text.slice(2) : text.startsWith(`${MINUS}1×10`) ? MINUS + text.slice(3) : text;
}

/** A formatter `(value) => num(value, digits)` for Plot tips and other channels. */
export function numFormat(digits = 3): (value: number) => string {
  return (value: number) => num(value, digits);
}

/**
 * A hyperparameter's setting as the course writes it: a number with all its
 * digits (up to 12) in `num`'s style (eps = 1×10⁻⁸, never 1e-8), a boolean as
 * "true" / "false".
 */
export function setting(value: number | boolean): string {
  return typeof value === "boolean" ? String(value) : num(value, 12);
}
