/**
 * LineageMap(lineage, {selected, width}): the evolutionary map of the
 * optimizers — one box per method, an arrow from each method to the one that
 * extends it, numbered; the selected method's ancestry is drawn bold and the
 * others faded. Wide screens read left to right (generations as columns),
 * narrow ones top to bottom.
 */
import * as Plot from "@observablehq/plot";
import { accessibleFigure } from "./accessible-figure.js";

export interface LineageMapNode { name: string; label: string; year: number; generation: number; lane: number }
export interface LineageMapEdge { from: string; to: string; adds: string }

export interface LineageMapOptions {
  width?: number;
  /** The node whose ancestry is highlighted. */
  selected?: string;
  /** The names on the selected node's lines of descent (itself included). */
  highlighted?: readonly string[];
  colors?: Readonly<Record<string, string>>;
}

export function LineageMap(lineage: { nodes: readonly LineageMapNode[]; edges: readonly LineageMapEdge[] }, options: LineageMapOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, selected, colors = {} } = options;
  const lit = new Set(options.highlighted ?? lineage.nodes.map((n) => n.name));
  const vertical = width < 560;
  const pos = new Map(lineage.nodes.map((n) => [n.name, vertical ? { x: n.lane, y: n.generation } : { x: n.generation, y: n.lane }]));
  const edges = lineage.edges.map((e, i) => {
    const a = pos.get(e.from)!;
    const b = pos.get(e.to)!;
    return { ...e, i: i + 1, x1: a.x, y1: a.y, x2: b.x, y2: b.y, mx: (a.x + b.x) / 2, my: (a.y + b.y) / 2, on: lit.has(e.from) && lit.has(e.to) };
  });
  const nodes = lineage.nodes.map((n) => ({ ...n, ...pos.get(n.name)!, on: lit.has(n.name), isSelected: n.name === selected }));
  const height = vertical ? 520 : 300;
  const fg = "var(--theme-foreground)";
  const muted = "var(--theme-foreground-faint)";
  return accessibleFigure(Plot.plot({
    width,
    height,
    marginTop: 26,
    marginBottom: 26,
    marginLeft: vertical ? 40 : 48,
    marginRight: vertical ? 40 : 48,
    x: { axis: null, domain: vertical ? [-0.55, 4.55] : [-0.1, 4.1] },
    y: { axis: null, domain: vertical ? [0, 4] : [4, 0] },
    marks: [
      Plot.arrow(edges, {
        x1: "x1", y1: "y1", x2: "x2", y2: "y2",
        stroke: (d) => (d.on ? fg : muted),
        strokeWidth: (d) => (d.on ? 1.8 : 1),
        insetStart: vertical ? 14 : 30,
        insetEnd: vertical ? 16 : 32,
        bend: true,
        title: (d) => `${d.from} → ${d.to}: ${d.adds}`,
      }),
      Plot.text(edges, {
        x: "mx", y: "my", text: (d) => String(d.i), fontSize: 10, fontWeight: 600,
        fill: (d) => (d.on ? "var(--descent-accent)" : muted),
        stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke",
        title: (d) => `${d.i}. ${d.adds}`,
      }),
      Plot.dot(nodes, { x: "x", y: "y", r: 5, fill: (d) => colors[d.name] ?? "#888", stroke: (d) => (d.isSelected ? fg : "none"), strokeWidth: 2, fillOpacity: (d) => (d.on ? 1 : 0.3) }),
      Plot.text(nodes.filter((d) => !d.isSelected), {
        x: "x", y: "y", text: (d) => `${d.label} (${d.year})`, dy: -13, fontSize: vertical ? 11 : 12,
        fill: (d) => (d.on ? fg : muted),
        stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke",
      }),
      Plot.text(nodes.filter((d) => d.isSelected), {
        x: "x", y: "y", text: (d) => `${d.label} (${d.year})`, dy: -13, fontSize: vertical ? 11 : 12, fontWeight: 700,
        fill: fg, stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke",
      }),
    ],
  }), { label: `Lineage of the optimizers: each arrow goes from a method to one that builds on it`, rows: edges, columns: [{ label: "#", value: "i" }, "from", "to", "adds"] });
}
