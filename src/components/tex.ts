/**
 * Math inside live cells: a tagged template that renders with the same KaTeX
 * (from node_modules, bundled by Framework, no CDN) and the same macros as the
 * Markdown math. Interpolated numbers are formatted with `fmt`.
 *
 * ```js
 * import {tex} from "./components/tex.js";
 * tex`\eta = ${eta} < 2/L = ${2 / L}`
 * ```
 *
 * A formula KaTeX cannot parse throws, so the cell shows Framework's error
 * (and the browser tests fail) instead of red text.
 */
import katex from "katex";
import { numberParts } from "./format.js";
import { katexOptions } from "./katex-options.js";

/**
 * Formats a number for display in a formula by the course's one style
 * (`numberParts` in format.ts: significant digits, no trailing zeros, × 10^k
 * below 10⁻⁴ and from 10⁵; TeX's own minus sign).
 */
export function fmt(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "\\text{NaN}" : value > 0 ? "\\infty" : "-\\infty";
  if (value === 0) return "0";
  const { mantissa, exponent } = numberParts(value, digits);
  return exponent === null ? String(mantissa) : `${String(mantissa)} \\times 10^{${exponent}}`;
}

function source(strings: TemplateStringsArray, values: unknown[]): string {
  let out = strings.raw[0];
  values.forEach((value, i) => {
    out += (typeof value === "number" ? fmt(value) : String(value)) + strings.raw[i + 1];
  });
  return out;
}

function render(displayMode: boolean, strings: TemplateStringsArray, values: unknown[]): HTMLElement {
  const element = document.createElement(displayMode ? "div" : "span");
  element.className = displayMode ? "math-display" : "math-inline";
  katex.render(source(strings, values), element, { ...katexOptions, macros: { ...katexOptions.macros }, displayMode });
  return element;
}

/** Inline math from a template: tex`x_${i}`. */
export function tex(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  return render(false, strings, values);
}

/** Display math from a template. */
tex.block = function block(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  return render(true, strings, values);
};

/** Renders a TeX string that is already complete (e.g. an optimizer's rule from the registry). */
export function math(source: string, { display = false }: { display?: boolean } = {}): HTMLElement {
  const element = document.createElement(display ? "div" : "span");
  element.className = display ? "math-display" : "math-inline";
  katex.render(source, element, { ...katexOptions, macros: { ...katexOptions.macros }, displayMode: display });
  return element;
}
