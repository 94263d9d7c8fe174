/**
 * accessibleFigure(chart, {label, rows, columns, summary}): gives a chart an
 * accessible name and a text alternative, once for every chart component.
 *
 * - The chart's `<svg>` gets `role="img"` and `aria-label = label`: a screen
 *   reader announces one image named by what it shows, not Plot's inner marks.
 * - Plot's mark groups (and single shapes such as the frame's `<rect>`) carry
 *   `aria-label` without a role, which ARIA forbids
 *   (axe: aria-prohibited-attr); the label moves to `data-plot-mark`.
 * - Below the chart, a "Data" disclosure holds a generated summary and a table
 *   of the rows behind the chart (at most `maxRows`, evenly sampled, first and
 *   last kept), built only when the reader opens it.
 *
 * Returns a `<div class="chart-figure">` holding the chart and its disclosure,
 * or the chart itself when there is neither `rows` nor `summary`.
 */
import { sampleRows } from "./sample-rows.js";

export type Cell = string | number | boolean | null | undefined;

export interface Column<R> {
  /** Column header, e.g. "step" or "f(x)". */
  label: string;
  /** The cell's value: a field name or a function of the row. */
  value: keyof R | ((row: R) => Cell);
}

export interface AccessibleFigureOptions<R> {
  /** A concise name saying what the chart shows ("Loss against step for GD and momentum"). */
  label: string;
  /** A sentence or two of the data in words ("after 20 steps: GD 0.089, momentum 0.0013"). */
  summary?: string;
  /** The rows behind the chart. */
  rows?: readonly R[];
  /** Which fields to show, in order; by default every field of the first row. */
  columns?: readonly (Column<R> | keyof R)[];
  /** At most this many table rows (default 40). */
  maxRows?: number;
}

function format(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? "—" : value > 0 ? "∞" : "−∞";
    if (Number.isInteger(value) && Math.abs(value) < 1e6) return String(value).replace("-", "−");
    return value.toPrecision(4).replace(/(\.\d*?)0+(e|$)/, "$1$2").replace(/\.(e|$)/, "$1").replace("-", "−");
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/** Moves Plot's role-less aria-labels off the inner groups and names the chart's svg. */
export function labelChart(chart: Element, label: string): void {
  for (const g of chart.querySelectorAll("svg :not(svg)[aria-label]:not([role]), svg :not(svg)[aria-description]:not([role])")) {
    const mark = g.getAttribute("aria-label");
    if (mark) g.setAttribute("data-plot-mark", mark);
    g.removeAttribute("aria-label");
    g.removeAttribute("aria-description");
  }
  const svgs = chart instanceof SVGSVGElement ? [chart] : Array.from(chart.querySelectorAll("svg"));
  // Plot's legend swatches are small svgs beside their text: decorative.
  const main = svgs.find((s) => !s.parentElement?.className.toString().includes("swatch")) ?? svgs[0];
  for (const s of svgs) if (s !== main) s.setAttribute("aria-hidden", "true");
  if (main) {
    main.setAttribute("role", "img");
    main.setAttribute("aria-label", label);
    main.setAttribute("data-chart", "");
  }
}

export function accessibleFigure<R extends object>(chart: SVGSVGElement | HTMLElement, options: AccessibleFigureOptions<R>): SVGSVGElement | HTMLElement {
  const { label, summary, rows, maxRows = 40 } = options;
  labelChart(chart, label);
  if (!summary && !(rows && rows.length)) return chart;

  const figure = document.createElement("div");
  figure.className = "chart-figure";
  figure.append(chart);
  const details = document.createElement("details");
  details.className = "chart-data";
  const head = document.createElement("summary");
  head.textContent = "Data";
  const hidden = document.createElement("span");
  hidden.className = "sr-only";
  hidden.textContent = ` behind the chart: ${label}`;
  head.append(hidden);
  details.append(head);
  if (summary) {
    const p = document.createElement("p");
    p.textContent = summary;
    details.append(p);
  }
  if (rows && rows.length) {
    const columns: Column<R>[] = (options.columns ?? (Object.keys(rows[0]) as (keyof R)[])).map((c) =>
      typeof c === "object" && c !== null && "label" in c ? (c as Column<R>) : { label: String(c), value: c as keyof R },
    );
    const cell = (row: R, column: Column<R>): Cell =>
      typeof column.value === "function" ? column.value(row) : (row[column.value] as unknown as Cell);
    details.addEventListener(
      "toggle",
      () => {
        if (!details.open || details.querySelector("table")) return;
        const { rows: shown, every } = sampleRows(rows, maxRows);
        const scroll = document.createElement("div");
        scroll.className = "table-scroll";
        const table = document.createElement("table");
        const caption = document.createElement("caption");
        caption.textContent = every > 1 ? `${label}: ${shown.length} of ${rows.length} rows (about every ${every}th)` : label;
        table.append(caption);
        const thead = table.createTHead().insertRow();
        for (const column of columns) {
          const th = document.createElement("th");
          th.scope = "col";
          th.textContent = column.label;
          thead.append(th);
        }
        const tbody = table.createTBody();
        for (const row of shown) {
          const tr = tbody.insertRow();
          for (const column of columns) tr.insertCell().textContent = format(cell(row, column));
        }
        scroll.append(table);
        details.append(scroll);
      },
    );
  }
  figure.append(details);
  return figure;
}
