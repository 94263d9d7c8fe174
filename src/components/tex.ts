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
 * KaTeX's runtime (75 KB gzip) is loaded only when a live formula is about to
 * be seen, so a page whose first screen has none does not pay for it:
 * - once KaTeX is loaded, `tex` renders synchronously, as it always did, and
 *   a formula KaTeX cannot parse throws, so the cell shows Framework's error;
 * - before that, `tex` returns its element at once as a placeholder (see
 *   `pending`) and renders it when it comes within a screen of the viewport
 *   (IntersectionObserver), right after `import("katex")` resolves. The
 *   first one to come near loads KaTeX; every placeholder near the viewport
 *   then renders, and the others each render when they come near (a long
 *   page's formulas far below are not all typeset at once while the first
 *   screen loads); before printing, every placeholder renders. Later calls
 *   are synchronous. A formula that fails to parse on this path becomes
 *   Framework's error box (`.observablehq--error`, "KaTeX parse error: …")
 *   and the error is logged to the console: the browser tests fail on
 *   either, as they fail on an error cell.
 */
import type Katex from "katex";
import { numberParts } from "./format.js";
import { katexOptions } from "./katex-options.js";

type KatexModule = typeof Katex;

/** The loaded KaTeX, or null until `loadKatex()` has resolved. */
let katex: KatexModule | null = null;
let loading: Promise<KatexModule> | null = null;

/** Loads KaTeX's runtime once; later `tex` calls then render synchronously. */
export function loadKatex(): Promise<KatexModule> {
  loading ??= import("katex").then((module) => {
    katex = module.default;
    for (const element of [...pending.keys()]) if (near.has(element)) renderPlaceholder(element);
    return katex;
  });
  return loading;
}

/** Whether KaTeX is loaded, so that `tex` renders synchronously. */
export function katexLoaded(): boolean {
  return katex !== null;
}

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

interface Pending {
  source: string;
  displayMode: boolean;
}

/** Formulas waiting for KaTeX, or waiting to come near the viewport, by their element. */
const pending = new Map<HTMLElement, Pending>();
/** The waiting elements the IntersectionObserver last reported within a screen of the viewport. */
const near = new Set<HTMLElement>();
let observer: IntersectionObserver | null = null;

function renderInto(element: HTMLElement, tex: string, displayMode: boolean, katexModule: KatexModule): void {
  katexModule.render(tex, element, { ...katexOptions, macros: { ...katexOptions.macros }, displayMode });
}

/** Renders one waiting formula (KaTeX is loaded). */
function renderPlaceholder(element: HTMLElement): void {
  const waiting = pending.get(element);
  if (!katex || !waiting) return;
  pending.delete(element);
  near.delete(element);
  observer?.unobserve(element);
  element.removeAttribute("aria-busy");
  element.removeAttribute("style");
  delete element.dataset.texPending;
  try {
    renderInto(element, waiting.source, waiting.displayMode, katex);
  } catch (error) {
    // Too late to throw into the cell: show and log it as Framework shows a failed cell.
    console.error(error);
    element.className = "observablehq--error";
    element.textContent = error instanceof Error ? error.message : String(error);
  }
}

function nearViewport(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    const element = entry.target as HTMLElement;
    if (!entry.isIntersecting) {
      near.delete(element);
      continue;
    }
    near.add(element);
    if (katex) renderPlaceholder(element);
    else void loadKatex();
  }
}

/** A printed page shows every formula: render what still waits (or, without KaTeX yet, show its TeX source). */
function beforePrint(): void {
  for (const element of [...pending.keys()]) {
    if (katex) renderPlaceholder(element);
    else element.style.opacity = "1";
  }
}
globalThis.addEventListener?.("beforeprint", beforePrint);

/**
 * The element before KaTeX has rendered it: the TeX source as its text, so a
 * screen reader meets the formula as written (never an empty or a made-up
 * value), marked `aria-busy` and `data-tex-pending`; the text is invisible
 * (opacity 0: no flash of TeX to the eye, still read by a screen reader, and
 * no text for a contrast check to fail) and a display formula keeps one line of
 * height, so the rendered formula replaces it with little shift. It is
 * rendered within a screen of the viewport (rootMargin 100 %).
 */
function placeholder(element: HTMLElement, tex: string, displayMode: boolean): void {
  element.textContent = tex;
  element.setAttribute("aria-busy", "true");
  element.dataset.texPending = "";
  element.style.opacity = "0";
  if (displayMode) {
    element.style.height = "1.6em";
    element.style.overflow = "hidden";
    element.style.overflowWrap = "anywhere";
  }
  pending.set(element, { source: tex, displayMode });
  if (typeof IntersectionObserver === "undefined") {
    // No way to know where the element is (an old browser, jsdom): render it as soon as KaTeX is loaded.
    near.add(element);
    void loadKatex();
    return;
  }
  observer ??= new IntersectionObserver(nearViewport, { rootMargin: "100% 0px" });
  observer.observe(element);
}

function render(tex: string, displayMode: boolean): HTMLElement {
  const element = document.createElement(displayMode ? "div" : "span");
  element.className = displayMode ? "math-display" : "math-inline";
  if (katex) renderInto(element, tex, displayMode, katex);
  else placeholder(element, tex, displayMode);
  return element;
}

/** Inline math from a template: tex`x_${i}`. */
export function tex(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  return render(source(strings, values), false);
}

/** Display math from a template. */
tex.block = function block(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  return render(source(strings, values), true);
};

/** Renders a TeX string that is already complete (e.g. an optimizer's rule from the registry). */
export function math(source: string, { display = false }: { display?: boolean } = {}): HTMLElement {
  return render(source, display);
}
