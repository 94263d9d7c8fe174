/** Number formatting for prose: numbers quoted in the text come from the code, formatted here. */

/** Up to `digits` significant digits, no trailing zeros; "diverged" style for non-finite values. */
export function num(value: number, digits = 3): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
    return `${String(Number(mantissa)).replace("-", "−")}×10${superscript(Number(exponent))}`;
  }
  return String(Number(value.toPrecision(digits))).replace("-", "−");
}

const SUPERSCRIPTS: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

function superscript(n: number): string {
  return String(n).replace(/./g, (c) => SUPERSCRIPTS[c] ?? c);
}

/** A position like (−5, −2) with each coordinate formatted by `num`. */
export function point(values: ArrayLike<number>, digits = 3): string {
  return `(${Array.from(values, (v) => num(v, digits)).join(", ")})`;
}
